#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include "core/pipeline/prompt_words.h"
#include "core/tokenizer/clip_tokenizer.h"

namespace {

using bksdm::PromptSyntax;
using bksdm::PromptWord;
using bksdm::RunWord;

class PromptWordsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tokenizer_ = bksdm::ClipTokenizer::load(std::filesystem::path(BKSDM_FIXTURES_DIR) / "models/sd-v1-4-mini/tokenizer");
  }
  static std::vector<PromptWord> words(const std::string& prompt, PromptSyntax syntax = PromptSyntax::Plain) {
    return bksdm::prompt_words(*tokenizer_, syntax, prompt);
  }
  static std::string repeated(const std::string& word, int times) {
    std::string text;
    for (int i = 0; i < times; ++i) text += word + " ";
    return text;
  }
  static const PromptWord& find(const std::vector<PromptWord>& all, const std::string& text) {
    for (const PromptWord& word : all)
      if (word.text == text) return word;
    throw std::runtime_error("no word " + text);
  }
  static std::shared_ptr<bksdm::ClipTokenizer> tokenizer_;
};
std::shared_ptr<bksdm::ClipTokenizer> PromptWordsTest::tokenizer_;

TEST_F(PromptWordsTest, OneTokenWordsTakeTheirSlotAfterTheStartToken) {
  const auto all = words("a black vase holding a bouquet of roses");
  ASSERT_EQ(all.size(), 7u);  // "a" appears twice but is one word
  EXPECT_EQ(find(all, "a").positions, (std::vector<int>{1, 5}));
  EXPECT_EQ(find(all, "black").positions, (std::vector<int>{2}));
  EXPECT_EQ(find(all, "roses").positions, (std::vector<int>{8}));
  EXPECT_EQ(find(all, "roses").pieces, (std::vector<std::string>{"roses</w>"}));
}

TEST_F(PromptWordsTest, AWordOfSeveralTokensHasThemAll) {
  const auto all = words("photorealistic cat");
  const PromptWord& word = find(all, "photorealistic");
  ASSERT_GT(word.positions.size(), 1u);
  for (size_t k = 0; k < word.positions.size(); ++k) EXPECT_EQ(word.positions[k], int(k) + 1);
  EXPECT_EQ(find(all, "cat").positions, (std::vector<int>{int(word.positions.size()) + 1}));
}

TEST_F(PromptWordsTest, PunctuationIsTrimmedAndNotAWord) {
  const auto all = words("a cat, (a dog) !!");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(find(all, "cat").positions, (std::vector<int>{2}));
  EXPECT_EQ(find(all, "dog").positions, (std::vector<int>{6}));  // a cat , ( a dog
}

TEST_F(PromptWordsTest, CaseVariantsAreOneWord) {
  const auto all = words("Cat and cat");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(find(all, "Cat").positions, (std::vector<int>{1, 3}));
}

TEST_F(PromptWordsTest, WordsPastTheLimitAreCut) {
  std::string prompt;
  for (int i = 0; i < 74; ++i) prompt += "red ";
  prompt += "green blue";
  const auto all = words(prompt);
  EXPECT_FALSE(find(all, "green").cut);
  EXPECT_EQ(find(all, "green").positions, (std::vector<int>{75}));
  EXPECT_TRUE(find(all, "blue").cut);
  EXPECT_TRUE(find(all, "blue").positions.empty());
}

TEST_F(PromptWordsTest, A1111SyntaxIsNoWordAndWeightedWordsKeepTheirSlots) {
  const auto all = words("(red:1.3) vase, [blurry] \\(x\\)", PromptSyntax::A1111);
  ASSERT_EQ(all.size(), 4u);  // red, vase, blurry, x: brackets, weights and escapes are no words
  EXPECT_EQ(find(all, "red").positions, (std::vector<int>{1}));
  EXPECT_EQ(find(all, "vase").positions, (std::vector<int>{2}));
  EXPECT_EQ(find(all, "blurry").positions, (std::vector<int>{4}));  // after the comma's slot
  EXPECT_EQ(find(all, "x").positions, (std::vector<int>{6}));      // "(" x ")": the escapes are text
}

TEST_F(PromptWordsTest, WordsAfterBreakSitInTheNextChunk) {
  const auto all = words("cat BREAK dog", PromptSyntax::A1111);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(find(all, "cat").positions, (std::vector<int>{1}));
  EXPECT_EQ(find(all, "dog").positions, (std::vector<int>{77 + 1}));
}

TEST_F(PromptWordsTest, A1111ReadsPastSeventyFiveTokensAndCutsOnlyPastTheChunkLimit) {
  const auto long_prompt = words(repeated("red", 74) + "green blue", PromptSyntax::A1111);
  EXPECT_EQ(find(long_prompt, "green").positions, (std::vector<int>{75}));
  EXPECT_EQ(find(long_prompt, "blue").positions, (std::vector<int>{77 + 1}));
  EXPECT_FALSE(find(long_prompt, "blue").cut);
  const int limit = bksdm::kMaxPromptChunks * bksdm::kPromptChunkTokens;
  const auto too_long = words(repeated("red", limit) + "blue", PromptSyntax::A1111);
  EXPECT_TRUE(find(too_long, "blue").cut);
  EXPECT_TRUE(find(too_long, "blue").positions.empty());
  EXPECT_EQ(find(too_long, "red").positions.size(), size_t(limit));
  EXPECT_FALSE(find(too_long, "red").cut);
}

TEST_F(PromptWordsTest, AnEditedPromptsWordsAreSharedOnlyWhereEveryTextHasThemInOnePlace) {
  // "a [cat:dog:3] photo" reads "a cat photo", then "a dog photo".
  const std::vector<RunWord> same_length = bksdm::run_words(*tokenizer_, PromptSyntax::A1111, {"a cat photo", "a dog photo"});
  ASSERT_EQ(same_length.size(), 4u);
  EXPECT_EQ(same_length[0].word.text, "a");
  EXPECT_EQ(same_length[0].text, -1);
  EXPECT_EQ(same_length[1].word.text, "cat");
  EXPECT_EQ(same_length[1].text, 0);
  EXPECT_EQ(same_length[2].word.text, "photo");
  EXPECT_EQ(same_length[2].text, -1);
  EXPECT_EQ(same_length[3].word.text, "dog");
  EXPECT_EQ(same_length[3].text, 1);
  // "a [big red:blue:3] photo": "photo" moves from slot 4 to slot 3, so each text has its own.
  const std::vector<RunWord> moved = bksdm::run_words(*tokenizer_, PromptSyntax::A1111, {"a big red photo", "a blue photo"});
  std::vector<std::pair<int, std::vector<int>>> photos;
  for (const RunWord& word : moved)
    if (word.word.text == "photo") photos.emplace_back(word.text, word.word.positions);
  EXPECT_EQ(photos, (std::vector<std::pair<int, std::vector<int>>>{{0, {4}}, {1, {3}}}));
}

TEST_F(PromptWordsTest, AWordMapIsTheMeanOfItsTokenMaps) {
  const at::Tensor maps = at::arange(77 * 2 * 2, at::kFloat).reshape({77, 2, 2});
  PromptWord word{"x", {3, 5}, {}, false};
  EXPECT_TRUE(at::allclose(bksdm::word_map(maps, word), (maps[3] + maps[5]) / 2));
  EXPECT_TRUE(at::equal(bksdm::word_map(maps, PromptWord{}), at::zeros({2, 2})));
}

}  // namespace
