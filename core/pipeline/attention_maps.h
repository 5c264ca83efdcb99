#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

namespace bksdm {

// One down/up cross-attention layer's attention probabilities summed over the run, at its own
// resolution, as AttentionMapAccumulator holds them.
struct LayerAttention {
  std::string layer;     // diffusers' module name, e.g. "up_blocks.1.attentions.0.transformer_blocks.0.attn2"
  int64_t h = 0, w = 0;  // its resolution
  at::Tensor sums;       // [images, heads, h*w, tokens]
};

// One layer's map [images, tokens, height, width] as maps() makes each (layer, head) pair's: the
// sum upsampled bicubically to (height, width) and clamped at 0; of one head, or the mean of its
// heads' maps (head < 0).
at::Tensor layer_map(const LayerAttention& layer, int64_t height, int64_t width, int64_t head = -1);

// DAAM's per-token cross-attention maps ("What the DAAM", Tang et al. 2022), as the fixtures README
// defines them: the attention probabilities of every down- and up-block `attn2` layer, conditional
// half of the batch, summed over the run per layer and head at the layer's own resolution; at the
// end each sum is upsampled bicubically to the latent size, clamped at 0, and averaged over all
// (layer, head) pairs.
class AttentionMapAccumulator {
 public:
  // Its `images` are rows first_row .. first_row + images of each U-Net batch: a guided batch holds
  // the unconditional half first, then the prompts.
  AttentionMapAccumulator(int64_t images, int64_t first_row);

  // Whether DAAM uses this layer: cross-attention in the down and up blocks, not the mid block.
  static bool uses_layer(const std::string& layer);

  // probs: [batch, heads, h*w, tokens] of one U-Net evaluation.
  void add(const std::string& layer, const at::Tensor& probs, int64_t h, int64_t w);

  // The maps so far: [images, tokens, height, width] (height, width: the latent size), float32.
  at::Tensor maps(int64_t height, int64_t width) const;
  // maps() for watching them grow step by step: each layer's heads are summed before the
  // upsampling, so the clamp at 0 acts on their sum rather than on each head's map (the two differ
  // only where the bicubic kernel undershoots), for 1/heads of the upsampling's cost, which in
  // maps() is several times a step's at batch 2.
  at::Tensor running_maps(int64_t height, int64_t width) const;
  std::vector<std::string> layers() const;
  // Each layer's sums so far, in layers()' order; they share the accumulator's storage.
  std::vector<LayerAttention> layer_sums() const;
  // layer_map() of the named layer (one of layers()).
  at::Tensor layer_map(const std::string& layer, int64_t height, int64_t width, int64_t head = -1) const;
  bool empty() const { return layers_.empty(); }

 private:
  // The layers' sums upsampled to the latent size, clamped at 0 and averaged over the (layer,
  // head) pairs; each head on its own, or the heads' sum.
  at::Tensor upsampled_mean(int64_t height, int64_t width, bool per_head) const;

  int64_t images_;
  int64_t first_row_;
  std::map<std::string, LayerAttention> layers_;
};

}  // namespace bksdm
