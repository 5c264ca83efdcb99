#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include "core/pipeline/attention_similarity.h"
#include "core/pipeline/pipeline.h"
#include "core/tokenizer/clip_tokenizer.h"
#include "tests/core/test_support.h"

namespace {

using bksdm::map_iou;
using bksdm::map_pearson;
using bksdm::testing::error_of;

// 0 to 15 row by row: the top 4 pixels are the last row.
at::Tensor rows() { return at::arange(16, at::kFloat).reshape({4, 4}); }

TEST(MapPearson, AMapAndItsAffineTransformGiveOne) {
  const at::Tensor map = at::tensor({0.1f, 0.7f, 0.3f, 0.9f, 0.2f, 0.4f}).reshape({2, 3});
  EXPECT_NEAR(map_pearson(map, map * 3 + 2), 1.0, 1e-12);
  EXPECT_NEAR(map_pearson(map, -map), -1.0, 1e-12);
  EXPECT_EQ(map_pearson(map, map), 1.0);  // exactly, as a model compared with itself must give
}

// x = 1 2 3 4, y = 2 1 4 3: deviations ∓1.5 ∓0.5 and ∓0.5 ∓1.5, Σdx·dy = 3, Σdx² = Σdy² = 5: r = 0.6.
TEST(MapPearson, AKnownPairGivesItsHandComputedValue) {
  const at::Tensor x = at::tensor({1.0, 2.0, 3.0, 4.0}).reshape({2, 2});
  const at::Tensor y = at::tensor({2.0, 1.0, 4.0, 3.0}).reshape({2, 2});
  EXPECT_NEAR(map_pearson(x, y), 0.6, 1e-12);
}

TEST(MapPearson, AConstantMapCorrelatesOnlyWithItsEqual) {
  const at::Tensor constant = at::full({4, 4}, 0.1, at::kFloat);
  EXPECT_EQ(map_pearson(constant, constant.clone()), 1.0);
  EXPECT_EQ(map_pearson(constant, constant * 2), 0.0);
  EXPECT_EQ(map_pearson(constant, rows()), 0.0);
  EXPECT_EQ(map_pearson(rows(), constant), 0.0);
}

// The last row against the last column (the transpose): they share one pixel of seven. k = ceil(0.2 ×
// 16) = 4 at the default fraction as at 0.25.
TEST(MapIou, TheTopRegionsOfTwoKnownMapsOverlapByHand) {
  EXPECT_NEAR(map_iou(rows(), rows().t()), 1.0 / 7, 1e-12);
  EXPECT_NEAR(map_iou(rows(), rows().t(), 0.25), 1.0 / 7, 1e-12);
  EXPECT_EQ(map_iou(rows(), rows() * 5 - 1), 1.0);
  // Half the pixels: the lower two rows against the right two columns, 4 shared of 12.
  EXPECT_NEAR(map_iou(rows(), rows().t(), 0.5), 4.0 / 12, 1e-12);
  EXPECT_EQ(map_iou(rows(), rows(), 1.0), 1.0);
}

// Ties at the threshold are all in: six equal maxima make a region of six though k is 4, and a
// constant map's region is the whole map.
TEST(MapIou, TiesAtTheThresholdAreAllInTheRegion) {
  at::Tensor six = at::zeros({4, 4});
  six[0].fill_(1);
  six[1][0] = 1;
  six[1][1] = 1;
  at::Tensor first_row = at::zeros({4, 4});
  first_row[0].fill_(1);
  EXPECT_NEAR(map_iou(six, first_row, 0.25), 4.0 / 6, 1e-12);
  EXPECT_NEAR(map_iou(at::full({4, 4}, 0.5), first_row, 0.25), 4.0 / 16, 1e-12);
}

// 0.07 of 100 pixels is 7, not 8 as 0.07 × 100 = 7.000000000000001 would round up: {93..99} against
// {92..98}, 6 of 8 (8 pixels each would share 7 of 9).
TEST(MapIou, TheTopCountIsTheFractionOfThePixelsAsWritten) {
  const at::Tensor a = at::arange(100, at::kDouble).reshape({10, 10});
  at::Tensor b = a.clone();
  b[9][9] = -1;
  EXPECT_NEAR(map_iou(a, b, 0.07), 0.75, 1e-12);
}

TEST(MapSimilarity, MapsThatCannotBeComparedAreRefusedByName) {
  EXPECT_NE(error_of([] { map_pearson(rows(), at::zeros({2, 8})); }).find("not [4, 4] and [2, 8]"), std::string::npos);
  EXPECT_NE(error_of([] { map_iou(rows(), at::zeros({16})); }).find("two [h, w] maps of one size"), std::string::npos);
  EXPECT_NE(error_of([] { map_iou(rows(), rows(), 0); }).find("above 0 and at most 1, not 0"), std::string::npos);
  EXPECT_NE(error_of([] { map_iou(rows(), rows(), 1.5); }).find("not 1.5"), std::string::npos);
  at::Tensor nan = rows();
  nan[2][2] = NAN;
  EXPECT_NE(error_of([&] { map_pearson(nan, rows()); }).find("NaN"), std::string::npos);
}

// Words pair by their text whatever their order or slots in each run; a word of one run only has
// no pair.
TEST(WordSimilarities, WordsPairByTheirTextInTheFirstRunsOrder) {
  const at::Tensor map = rows(), other = rows().t();
  const std::vector<bksdm::WordMap> a = {{"cat", map}, {"on", other}, {"mat", map}};
  const std::vector<bksdm::WordMap> b = {{"mat", other}, {"dog", map}, {"cat", map}};
  const std::vector<bksdm::WordPair> pairs = bksdm::paired_words(a, b);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].word, "cat");
  EXPECT_EQ(pairs[1].word, "mat");
  EXPECT_TRUE(pairs[1].b.equal(other));
  const std::vector<bksdm::WordSimilarity> similarities = bksdm::word_similarities(pairs);
  ASSERT_EQ(similarities.size(), 2u);
  EXPECT_EQ(similarities[0].pearson, 1.0);
  EXPECT_EQ(similarities[0].iou, 1.0);
  EXPECT_NEAR(similarities[1].iou, 1.0 / 7, 1e-12);
}

// A word's map is its slot's; in an edited prompt a word of one text takes that text's maps, and a
// word at other slots in each text keeps its first text's.
TEST(WordSimilarities, ARunsWordsTakeTheMapsTheOverlaysShow) {
  const auto tokenizer =
      bksdm::ClipTokenizer::load(bksdm::testing::kFixtures / "models/sd-v1-4-mini/tokenizer");
  bksdm::GenerationResult result;
  result.request.prompt = "[a cat:a big cat:1]";
  result.attention = at::rand({2, 77, 2, 2});
  result.text_attention = {{"a cat", {0}, at::rand({2, 77, 2, 2})}, {"a big cat", {1}, at::rand({2, 77, 2, 2})}};
  const std::vector<bksdm::WordMap> words = bksdm::run_word_maps(result, *tokenizer, 1);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].word, "a");
  EXPECT_TRUE(words[0].map.equal(result.attention[1][1]));
  EXPECT_EQ(words[1].word, "cat");
  EXPECT_TRUE(words[1].map.equal(result.text_attention[0].maps[1][2]));
  EXPECT_EQ(words[2].word, "big");
  EXPECT_TRUE(words[2].map.equal(result.text_attention[1].maps[1][2]));
  EXPECT_NE(error_of([&] { bksdm::run_word_maps(result, *tokenizer, 2); }).find("no image 2"), std::string::npos);
}

}  // namespace
