#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/pipeline/attention_maps.h"

namespace {

using bksdm::AttentionMapAccumulator;
using bksdm::LayerAttention;

constexpr int64_t kImages = 2, kFirstRow = 1, kBatch = 3;  // a guided batch's last two rows
constexpr int64_t kTokens = 5, kHeight = 8, kWidth = 8;    // the latent's size

struct Layer {
  std::string name;
  int64_t h, w, heads;
};

// Two layers of different resolutions and head counts, so that a mean weighted wrongly shows.
const std::vector<Layer> kLayers = {{"down_blocks.0.attentions.0.transformer_blocks.0.attn2", 4, 4, 2},
                                    {"up_blocks.1.attentions.2.transformer_blocks.0.attn2", 2, 2, 3}};

// One U-Net call's probabilities [batch, heads, h*w, tokens], each row a distribution over the tokens.
at::Tensor probs(const Layer& layer) {
  return at::softmax(at::randn({kBatch, layer.heads, layer.h * layer.w, kTokens}) * 3, -1);
}

// Two steps of every layer, and what each layer was given.
struct Recorded {
  AttentionMapAccumulator accumulator{kImages, kFirstRow};
  std::map<std::string, at::Tensor> given;  // [batch, heads, h*w, tokens], summed over the steps
};

Recorded recordTwoSteps() {
  at::manual_seed(7);
  Recorded recorded;
  for (int step = 0; step < 2; ++step)
    for (const Layer& layer : kLayers) {
      const at::Tensor p = probs(layer);
      recorded.accumulator.add(layer.name, p, layer.h, layer.w);
      at::Tensor& sum = recorded.given[layer.name];
      sum = sum.defined() ? sum + p : p.clone();
    }
  return recorded;
}

// One head's sum over the steps, of this accumulator's rows, upsampled and clamped by hand.
at::Tensor upsampledByHand(const Recorded& recorded, const Layer& layer, int64_t head) {
  const at::Tensor own = recorded.given.at(layer.name).narrow(0, kFirstRow, kImages).select(1, head);
  const at::Tensor spatial = own.permute({0, 2, 1}).reshape({kImages * kTokens, 1, layer.h, layer.w});
  return at::upsample_bicubic2d(spatial, {kHeight, kWidth}, false, c10::nullopt, c10::nullopt)
      .clamp_min(0)
      .reshape({kImages, kTokens, kHeight, kWidth});
}

TEST(AttentionMapAccumulator, TheMeanOfEveryLayersAndHeadsMapsIsMaps) {
  const Recorded recorded = recordTwoSteps();
  at::Tensor sum = at::zeros({kImages, kTokens, kHeight, kWidth});
  int64_t pairs = 0;
  for (const Layer& layer : kLayers)
    for (int64_t head = 0; head < layer.heads; ++head, ++pairs)
      sum += recorded.accumulator.layer_map(layer.name, kHeight, kWidth, head);
  EXPECT_TRUE(at::allclose(sum / double(pairs), recorded.accumulator.maps(kHeight, kWidth), 1e-5, 1e-7));
}

TEST(AttentionMapAccumulator, EachLayersHeadMeanWeightedByItsHeadsAveragesToMaps) {
  const Recorded recorded = recordTwoSteps();
  at::Tensor sum = at::zeros({kImages, kTokens, kHeight, kWidth});
  int64_t pairs = 0;
  for (const Layer& layer : kLayers) {
    sum += recorded.accumulator.layer_map(layer.name, kHeight, kWidth) * double(layer.heads);
    pairs += layer.heads;
  }
  EXPECT_TRUE(at::allclose(sum / double(pairs), recorded.accumulator.maps(kHeight, kWidth), 1e-5, 1e-7));
}

TEST(AttentionMapAccumulator, ALayersHeadMapIsItsOwnSumUpsampled) {
  const Recorded recorded = recordTwoSteps();
  for (const Layer& layer : kLayers) {
    at::Tensor heads = at::zeros({kImages, kTokens, kHeight, kWidth});
    for (int64_t head = 0; head < layer.heads; ++head) {
      const at::Tensor expected = upsampledByHand(recorded, layer, head);
      EXPECT_TRUE(at::allclose(recorded.accumulator.layer_map(layer.name, kHeight, kWidth, head), expected, 1e-5, 1e-7))
          << layer.name << " head " << head;
      heads += expected;
    }
    EXPECT_TRUE(at::allclose(recorded.accumulator.layer_map(layer.name, kHeight, kWidth), heads / double(layer.heads),
                             1e-5, 1e-7))
        << layer.name;
  }
}

TEST(AttentionMapAccumulator, LayerSumsAreTheLayersInUNetOrderWithTheirOwnRows) {
  const Recorded recorded = recordTwoSteps();
  const std::vector<LayerAttention> sums = recorded.accumulator.layer_sums();
  ASSERT_EQ(sums.size(), kLayers.size());
  for (size_t i = 0; i < sums.size(); ++i) {
    EXPECT_EQ(sums[i].layer, kLayers[i].name);
    EXPECT_EQ(sums[i].h, kLayers[i].h);
    EXPECT_EQ(sums[i].w, kLayers[i].w);
    EXPECT_TRUE(at::allclose(sums[i].sums, recorded.given.at(kLayers[i].name).narrow(0, kFirstRow, kImages)));
    EXPECT_TRUE(at::equal(bksdm::layer_map(sums[i], kHeight, kWidth, 1),
                          recorded.accumulator.layer_map(kLayers[i].name, kHeight, kWidth, 1)));
  }
}

TEST(AttentionMapAccumulator, AnUnknownLayerOrHeadIsRefused) {
  const Recorded recorded = recordTwoSteps();
  EXPECT_THROW(recorded.accumulator.layer_map("mid_block.attentions.0.transformer_blocks.0.attn2", 8, 8),
               bksdm::Error);
  EXPECT_THROW(recorded.accumulator.layer_map(kLayers[0].name, 8, 8, kLayers[0].heads), bksdm::Error);
}

}  // namespace
