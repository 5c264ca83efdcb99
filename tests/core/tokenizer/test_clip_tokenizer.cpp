// The CLIP tokenizer against OpenAI's own (the fixture vectors and this folder's hard cases), the
// reference pipeline's padded ids, and broken tokenizer folders.
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/tokenizer/clip_tokenizer.h"
#include "core/tokenizer/sentencepiece_model_proto.h"

namespace fs = std::filesystem;
using bksdm::ClipTokenizer;
using bksdm::Error;

namespace {

const fs::path kFixtures = BKSDM_FIXTURES_DIR;
const fs::path kSd1Tokenizer = kFixtures / "models/sd-v1-4-mini/tokenizer";
const fs::path kSd2Tokenizer = kFixtures / "models/sd-v2-1-base-mini/tokenizer";

const ClipTokenizer& sd1_tokenizer() {
  static const std::shared_ptr<ClipTokenizer> tokenizer = ClipTokenizer::load(kSd1Tokenizer);
  return *tokenizer;
}

std::vector<nlohmann::json> read_json_lines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

void expect_ids_of(const fs::path& cases, size_t expected_count) {
  const std::vector<nlohmann::json> lines = read_json_lines(cases);
  ASSERT_EQ(lines.size(), expected_count);
  size_t mismatches = 0;
  for (const nlohmann::json& line : lines) {
    const std::string text = line["text"].get<std::string>();
    const std::vector<int> ids = sd1_tokenizer().encode(text);
    if (ids != line["ids"].get<std::vector<int>>() && ++mismatches <= 10) {
      ADD_FAILURE() << "text " << line["text"].dump() << "\n  expected " << line["ids"].dump() << "\n  got      "
                    << nlohmann::json(ids).dump();
    }
  }
  EXPECT_EQ(mismatches, 0u);
}

// A copy of the SD 1.x tokenizer folder to break.
class BrokenTokenizer : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bksdm-tokenizer-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::copy(kSd1Tokenizer, dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& file, const std::string& content) { std::ofstream(dir_ / file) << content; }
  std::string read(const std::string& file) {
    std::ifstream in(dir_ / file);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  // The message of the error loading throws.
  std::string load_error() {
    try {
      ClipTokenizer::load(dir_);
    } catch (const Error& error) {
      return error.what();
    }
    ADD_FAILURE() << "loading did not fail";
    return "";
  }

  fs::path dir_;
};

}  // namespace

TEST(ClipTokenizer, MatchesOpenAiClipOnEveryFixtureVector) {
  expect_ids_of(kFixtures / "tokenizer/clip-vectors.jsonl", 2253);
}

// Prompts drawn at random from mojibake, HTML entities, control characters, scripts and emoji,
// with the ids of OpenAI's tokenizer code (ftfy 6.3.1, regex 2026.5).
TEST(ClipTokenizer, MatchesOpenAiClipOnHardCases) {
  expect_ids_of(fs::path(BKSDM_FIXTURES_DIR).parent_path() / "core/tokenizer/clip-hard-cases.jsonl", 775);
}

TEST(ClipTokenizer, PadsAndTruncatesAsTheReferencePipeline) {
  for (const char* model : {"sd-v1-4-mini", "sd-v2-1-base-mini", "bk-sdm-tiny-mini", "bk-sdm-v2-tiny-mini"}) {
    SCOPED_TRACE(model);
    const auto tokenizer = ClipTokenizer::load(kFixtures / "models" / model / "tokenizer");
    const auto expected = bksdm::SafetensorsFile::open(kFixtures / "expected" / model / "text.safetensors");
    const auto prompts = nlohmann::json::parse(expected->metadata().at("prompts"));
    ASSERT_EQ(prompts.size(), 4u);
    for (size_t i = 0; i < prompts.size(); ++i) {
      const at::Tensor ids = expected->tensor("input_ids." + std::to_string(i)).to(at::kLong).flatten();
      const std::vector<int64_t> want(ids.data_ptr<int64_t>(), ids.data_ptr<int64_t>() + ids.numel());
      const std::vector<int> got = tokenizer->encode_for_model(prompts[i].get<std::string>()).input_ids;
      EXPECT_EQ(std::vector<int64_t>(got.begin(), got.end()), want) << prompts[i].dump();
    }
  }
}

TEST(ClipTokenizer, ResolvesTheSpecialTokensOfEachFamily) {
  EXPECT_EQ(sd1_tokenizer().bos_id(), 49406);
  EXPECT_EQ(sd1_tokenizer().eos_id(), 49407);
  EXPECT_EQ(sd1_tokenizer().pad_id(), 49407);
  const auto sd2 = ClipTokenizer::load(kSd2Tokenizer);
  EXPECT_EQ(sd2->pad_id(), 0);  // "!" from special_tokens_map.json, not the config's <|endoftext|>
  EXPECT_EQ(sd2->piece(0), "!");
  EXPECT_EQ(sd2->encode_for_model("").input_ids, [] {
    std::vector<int> ids(77, 0);
    ids[0] = 49406;
    ids[1] = 49407;
    return ids;
  }());
  EXPECT_EQ(sd1_tokenizer().vocab_size(), 49408);
  EXPECT_EQ(sd1_tokenizer().piece(49406), "<|startoftext|>");
  EXPECT_THROW(sd1_tokenizer().piece(49408), Error);
}

// transformers cuts SD 2.x's pad token "!" out of the raw prompt, so diffusers encodes every "!"
// as id 0 (huggingface/diffusers#4153); OpenAI's tokenizer would give "!</w>" (256), "!!</w>" (748).
TEST(ClipTokenizer, EncodesSd2ExclamationMarksAsDiffusersDoes) {
  const auto sd2 = ClipTokenizer::load(kSd2Tokenizer);
  EXPECT_EQ(sd2->encode("! !! !!!"), (std::vector<int>{49406, 0, 0, 0, 0, 0, 0, 49407}));
  EXPECT_EQ(sd2->encode("Wow!! a cat?!"), (std::vector<int>{49406, 2781, 0, 0, 320, 2368, 286, 0, 49407}));
  EXPECT_EQ(sd1_tokenizer().encode("Wow!! a cat?!"), (std::vector<int>{49406, 2781, 748, 320, 2368, 2835, 49407}));
  const bksdm::TokenizedPrompt prompt = sd2->encode_for_model("hello, world!");
  EXPECT_EQ(prompt.cleaned_text, "hello, world !");
  ASSERT_EQ(prompt.tokens.size(), 4u);
  EXPECT_EQ(prompt.tokens[3].id, 0);
  EXPECT_EQ(prompt.tokens[3].word, 3);
  EXPECT_EQ(prompt.tokens[3].bytes.begin, 13u);
  EXPECT_EQ(prompt.tokens[3].bytes.end, 14u);
  EXPECT_EQ(sd2->count_tokens("hello, world!"), 4);
}

TEST(ClipTokenizer, TellsWhatTruncationCut) {
  std::string prompt = "a photo of";
  for (int i = 0; i < 80; ++i) prompt += " cat" + std::to_string(i % 10);
  const std::vector<int> all = sd1_tokenizer().encode(prompt);
  ASSERT_EQ(all.size(), 2u + 3 + 160);
  EXPECT_EQ(sd1_tokenizer().count_tokens(prompt), 163);

  const bksdm::TokenizedPrompt cut = sd1_tokenizer().encode_for_model(prompt);
  ASSERT_EQ(cut.input_ids.size(), 77u);
  EXPECT_EQ(std::vector<int>(cut.input_ids.begin(), cut.input_ids.end() - 1),
            std::vector<int>(all.begin(), all.begin() + 76));
  EXPECT_EQ(cut.input_ids.back(), 49407);
  EXPECT_EQ(cut.kept_tokens, 75);
  EXPECT_EQ(cut.truncated_tokens, 163 - 75);
  EXPECT_EQ(cut.tokens.size(), 163u);
  // From token 3 on, "cat" and a digit alternate: token 75 is the 37th "cat", the first cut.
  EXPECT_EQ(cut.truncated_text.substr(0, 9), "cat6 cat7");
  EXPECT_EQ(cut.truncated_text.size(), cut.cleaned_text.size() - cut.tokens[75].bytes.begin);

  const bksdm::TokenizedPrompt fits = sd1_tokenizer().encode_for_model("a cat", 8);
  EXPECT_EQ(fits.truncated_tokens, 0);
  EXPECT_EQ(fits.truncated_text, "");
  EXPECT_EQ(fits.input_ids, (std::vector<int>{49406, 320, 2368, 49407, 49407, 49407, 49407, 49407}));
}

TEST(ClipTokenizer, MapsTokensToWordsAndBytesOfTheCleanedText) {
  const bksdm::TokenizedPrompt prompt = sd1_tokenizer().encode_for_model("A  Café’s ﬁne 🐱!");
  EXPECT_EQ(prompt.cleaned_text, "a café's fine 🐱!");
  std::vector<std::string> words;
  for (const bksdm::TextSpan& word : prompt.words)
    words.push_back(prompt.cleaned_text.substr(word.begin, word.end - word.begin));
  EXPECT_EQ(words, (std::vector<std::string>{"a", "café", "'s", "fine", "🐱!"}));
  size_t covered = 0;
  for (const bksdm::PromptToken& token : prompt.tokens) {
    EXPECT_EQ(token.piece, sd1_tokenizer().piece(token.id));
    const bksdm::TextSpan& word = prompt.words[token.word];
    EXPECT_GE(token.bytes.begin, word.begin);
    EXPECT_LE(token.bytes.end, word.end);
    EXPECT_LT(token.bytes.begin, token.bytes.end);
    covered += token.bytes.end - token.bytes.begin;
  }
  size_t word_bytes = 0;
  for (const bksdm::TextSpan& word : prompt.words) word_bytes += word.end - word.begin;
  EXPECT_EQ(covered, word_bytes);
  EXPECT_EQ(prompt.tokens.front().piece, "a</w>");
  EXPECT_EQ(prompt.tokens.front().word, 0);
}

TEST_F(BrokenTokenizer, MissingVocab) {
  fs::remove(dir_ / "vocab.json");
  EXPECT_NE(load_error().find("vocab.json: cannot read"), std::string::npos) << load_error();
}

TEST_F(BrokenTokenizer, MissingMerges) {
  fs::remove(dir_ / "merges.txt");
  EXPECT_NE(load_error().find("merges.txt: cannot read"), std::string::npos) << load_error();
}

TEST_F(BrokenTokenizer, MalformedVocabJsonNamesItsLine) {
  write("vocab.json", "{\"a\": 0,\n \"b\": 1,\n \"c\" 2}\n");
  const std::string message = load_error();
  EXPECT_NE(message.find("vocab.json line 3: not valid JSON"), std::string::npos) << message;
}

TEST_F(BrokenTokenizer, VocabIdsMustBeDistinctAndDense) {
  write("vocab.json", R"({"a": 0, "b": 0})");
  EXPECT_NE(load_error().find("share id 0"), std::string::npos) << load_error();
  write("vocab.json", R"({"a": 0, "b": 5})");
  EXPECT_NE(load_error().find("\"b\" has id 5"), std::string::npos) << load_error();
  write("vocab.json", R"({"a": 0, "a": 1})");
  EXPECT_NE(load_error().find("piece \"a\" appears twice"), std::string::npos) << load_error();
}

TEST_F(BrokenTokenizer, VocabMustMapPiecesToIds) {
  write("vocab.json", R"({"a": 0, "b": "1"})");
  EXPECT_NE(load_error().find("vocab.json: a string at piece \"b\""), std::string::npos) << load_error();
  write("vocab.json", R"(["a", "b"])");
  EXPECT_NE(load_error().find("vocab.json: an array at the top level"), std::string::npos) << load_error();
}

TEST_F(BrokenTokenizer, MergeOfAnUnknownPieceNamesItsLine) {
  std::string merges = read("merges.txt");
  const size_t third_line = merges.find('\n', merges.find('\n') + 1) + 1;
  merges.insert(third_line, "q\xC4\xB8\xC4\xB8 x\n");  // "qĸĸ x" as the merges' line 3
  write("merges.txt", merges);
  const std::string message = load_error();
  EXPECT_NE(message.find("merges.txt line 3: piece \"q\xC4\xB8\xC4\xB8\" is not in vocab.json"), std::string::npos)
      << message;
}

TEST_F(BrokenTokenizer, MergeWhoseResultIsNotInTheVocabNamesItsLine) {
  write("merges.txt", "#version: 0.2\ni n\nz q\n");
  const std::string message = load_error();
  EXPECT_NE(message.find("merges.txt line 3: the merged piece \"zq\" is not in vocab.json"), std::string::npos)
      << message;
}

TEST_F(BrokenTokenizer, MalformedMergeLine) {
  write("merges.txt", "#version: 0.2\ni n\nt h e\n");
  EXPECT_NE(load_error().find("merges.txt line 3: expected two pieces"), std::string::npos) << load_error();
}

TEST_F(BrokenTokenizer, PadTokenMissingFromTheVocab) {
  write("special_tokens_map.json", R"({"pad_token": "<pad>"})");
  const std::string message = load_error();
  EXPECT_NE(message.find("special_tokens_map.json: pad_token \"<pad>\" is not in vocab.json"), std::string::npos)
      << message;
}

TEST_F(BrokenTokenizer, MalformedSpecialTokensMap) {
  write("special_tokens_map.json", "{\n\"pad_token\": \n");
  EXPECT_NE(load_error().find("special_tokens_map.json line 3: not valid JSON"), std::string::npos)
      << load_error();
}

TEST(SentencePieceModule, MissingModuleSaysWhereItLooked) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");  // a fresh process, whose module is not loaded yet
  EXPECT_EXIT(
      {
        ::setenv("BKSDM_SPM_MODULE", "/nonexistent/libbksdm_spm.so", 1);
        try {
          ClipTokenizer::load(kSd1Tokenizer);
        } catch (const Error& error) {
          std::fprintf(stderr, "%s\n", error.what());
          std::exit(0);
        }
        std::exit(1);
      },
      ::testing::ExitedWithCode(0), "was not found; looked in:.*/nonexistent/libbksdm_spm\\.so");
}

TEST(SentencePieceModelProto, WritesTheWireFormat) {
  bksdm::SentencePieceBpeModel model;
  model.pieces = {{"a", 0, bksdm::SentencePiece::Type::Normal},
                  {"<u>", -1.5f, bksdm::SentencePiece::Type::Unknown}};
  model.unk_id = 1;
  model.bos_id = 0;
  model.eos_id = 0;
  const std::string expected(
      // pieces: {piece "a", score 0}, {piece "<u>", score -1.5, type UNKNOWN}
      "\x0A\x08\x0A\x01"
      "a"
      "\x15\x00\x00\x00\x00"
      "\x0A\x0C\x0A\x03"
      "<u>"
      "\x15\x00\x00\xC0\xBF"
      "\x18\x02"
      // trainer_spec: BPE, vocab 2, whitespace as suffix, no byte fallback, unk 1, bos 0, eos 0, pad -1
      "\x12\x1F"
      "\x18\x02"
      "\x20\x02"
      "\xC0\x01\x01"
      "\x98\x02\x00"
      "\xC0\x02\x01"
      "\xC8\x02\x00"
      "\xD0\x02\x00"
      "\xD8\x02\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01"
      // normalizer_spec: "identity", no dummy prefix, whitespace kept as it is
      "\x1A\x10"
      "\x0A\x08"
      "identity"
      "\x18\x00"
      "\x20\x00"
      "\x28\x00",
      2 + 8 + 2 + 12 + 2 + 31 + 2 + 16);
  EXPECT_EQ(bksdm::serialize_model_proto(model), expected);
}
