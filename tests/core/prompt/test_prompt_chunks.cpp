// A1111's chunks of 75 tokens on diffusers' tokenizers against the chunks A1111 made
// (prompt-chunks.jsonl, each text for an SD 1.x and an SD 2.x tokenizer).
#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "core/prompt/prompt_chunks.h"
#include "tests/core/prompt/prompt_fixture_lines.h"

namespace {

using bksdm::chunk_prompt;
using bksdm::ChunkedPrompt;
using bksdm::ClipTokenizer;
using bksdm::testing::FixtureLine;

// The fixture's families, by the tokenizer of a fixture model of each.
const ClipTokenizer& tokenizer_of(const std::string& family) {
  static const std::map<std::string, std::shared_ptr<ClipTokenizer>> tokenizers = [] {
    const std::filesystem::path models = std::filesystem::path(BKSDM_FIXTURES_DIR) / "models";
    return std::map<std::string, std::shared_ptr<ClipTokenizer>>{
        {"sd1", ClipTokenizer::load(models / "sd-v1-4-mini/tokenizer")},
        {"sd2", ClipTokenizer::load(models / "bk-sdm-v2-tiny-mini/tokenizer")},
    };
  }();
  return *tokenizers.at(family);
}

class PromptChunksLine : public ::testing::TestWithParam<FixtureLine> {};

TEST_P(PromptChunksLine, ChunksAsA1111Does) {
  const nlohmann::json& line = GetParam().value;
  const ChunkedPrompt prompt = chunk_prompt(tokenizer_of(line["family"]), line["text"].get<std::string>());
  EXPECT_EQ(prompt.token_count, line["token_count"].get<int>());
  ASSERT_EQ(prompt.chunks.size(), line["chunks"].size());
  for (size_t c = 0; c < prompt.chunks.size(); ++c) {
    const nlohmann::json& expected = line["chunks"][c];
    EXPECT_EQ(prompt.chunks[c].ids, expected["ids"].get<std::vector<int>>()) << "chunk " << c;
    // A1111's weights are doubles until torch makes them float32: the same conversion.
    std::vector<float> weights;
    for (double weight : expected["weights"].get<std::vector<double>>()) weights.push_back(static_cast<float>(weight));
    EXPECT_EQ(prompt.chunks[c].weights, weights) << "chunk " << c;
  }
}

INSTANTIATE_TEST_SUITE_P(Fixture, PromptChunksLine,
                         ::testing::ValuesIn(bksdm::testing::read_fixture_lines("prompt-chunks.jsonl")),
                         bksdm::testing::line_name);

TEST(PromptChunks, FixtureHasEveryLine) {
  EXPECT_EQ(bksdm::testing::read_fixture_lines("prompt-chunks.jsonl").size(), 26u);
}

// Inside brackets BREAK is no break but the word "break", weighted (a negative weight, in A1111).
TEST(PromptChunks, ABreakInBracketsIsAWord) {
  const ClipTokenizer& tokenizer = tokenizer_of("sd1");
  const ChunkedPrompt prompt = chunk_prompt(tokenizer, "(a BREAK b)");
  ASSERT_EQ(prompt.chunks.size(), 1u);
  EXPECT_EQ(prompt.token_count, 3);
  const std::vector<int> words = tokenizer.token_ids("a break b");
  EXPECT_EQ(std::vector<int>(prompt.chunks[0].ids.begin() + 1, prompt.chunks[0].ids.begin() + 4), words);
  EXPECT_EQ(prompt.chunks[0].weights[2], static_cast<float>(-1.1));
}

// Each piece is tokenized alone, so a bracket ends a word: "(red)dish" is two words.
TEST(PromptChunks, PiecesAreTokenizedApart) {
  const ClipTokenizer& tokenizer = tokenizer_of("sd1");
  const ChunkedPrompt prompt = chunk_prompt(tokenizer, "(red)dish");
  std::vector<int> expected = tokenizer.token_ids("red");
  const std::vector<int> dish = tokenizer.token_ids("dish");
  expected.insert(expected.end(), dish.begin(), dish.end());
  EXPECT_EQ(std::vector<int>(prompt.chunks[0].ids.begin() + 1, prompt.chunks[0].ids.begin() + 1 + expected.size()),
            expected);
  EXPECT_NE(expected, tokenizer.token_ids("reddish"));
}

}  // namespace
