#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include "core/pipeline/prompt_words.h"
#include "core/tokenizer/clip_tokenizer.h"

namespace {

using bksdm::PromptWord;

class PromptWordsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tokenizer_ = bksdm::ClipTokenizer::load(std::filesystem::path(BKSDM_FIXTURES_DIR) / "models/sd-v1-4-mini/tokenizer");
  }
  static std::vector<PromptWord> words(const std::string& prompt) {
    return bksdm::prompt_words(*tokenizer_, tokenizer_->encode_for_model(prompt), prompt);
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

TEST_F(PromptWordsTest, AWordMapIsTheMeanOfItsTokenMaps) {
  const at::Tensor maps = at::arange(77 * 2 * 2, at::kFloat).reshape({77, 2, 2});
  PromptWord word{"x", {3, 5}, {}, false};
  EXPECT_TRUE(at::allclose(bksdm::word_map(maps, word), (maps[3] + maps[5]) / 2));
  EXPECT_TRUE(at::equal(bksdm::word_map(maps, PromptWord{}), at::zeros({2, 2})));
}

}  // namespace
