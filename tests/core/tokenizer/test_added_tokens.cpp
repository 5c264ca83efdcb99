// Tokens added after the vocabulary, as transformers' add_tokens adds a textual inversion's words:
// cut out of the raw prompt wherever they stand, the longest first, one id each; and diffusers'
// maybe_convert_prompt writing a word of several vectors out as its tokens.
#include <gtest/gtest.h>

#include "core/tokenizer/clip_tokenizer.h"
#include "tests/core/test_support.h"

namespace {

using bksdm::testing::kFixtures;

std::shared_ptr<bksdm::ClipTokenizer> with_words() {
  const auto base = bksdm::ClipTokenizer::load(kFixtures / "models/sd-v1-4-mini/tokenizer");
  return base->with_added_tokens({"vase-style", "bouquet3v", "bouquet3v_1", "bouquet3v_2"});
}

TEST(AddedTokens, AreCutOutWhereverTheyStandAndTakeTheNextIds) {
  const auto tokenizer = with_words();
  const auto base = bksdm::ClipTokenizer::load(kFixtures / "models/sd-v1-4-mini/tokenizer");
  ASSERT_EQ(tokenizer->vocab_size(), 49412);
  const std::vector<int> cat = base->token_ids("a cat");
  std::vector<int> expected = cat;
  expected.push_back(49408);
  EXPECT_EQ(tokenizer->token_ids("a cat vase-style"), expected);
  // Inside a word too, as transformers' trie splits the raw text; the longest token first.
  EXPECT_EQ(tokenizer->token_ids("bouquet3v_1"), std::vector<int>{49410});
  EXPECT_EQ(tokenizer->token_ids("xbouquet3vx").size(), 3u);
  EXPECT_EQ(tokenizer->token_ids("xbouquet3vx")[1], 49409);
  EXPECT_EQ(tokenizer->piece(49408), "vase-style");
  // The base tokenizer is unchanged.
  EXPECT_NE(base->token_ids("vase-style"), std::vector<int>{49408});
}

TEST(AddedTokens, AWordOfSeveralVectorsIsWrittenOutAsItsTokens) {
  const auto tokenizer = with_words();
  EXPECT_EQ(tokenizer->expand_added_tokens("a bouquet3v, a vase-style"),
            "a bouquet3v bouquet3v_1 bouquet3v_2, a vase-style");
  EXPECT_EQ(tokenizer->expand_added_tokens("no words here"), "no words here");
  EXPECT_EQ(tokenizer->token_ids(tokenizer->expand_added_tokens("bouquet3v")), (std::vector<int>{49409, 49410, 49411}));
}

}  // namespace
