#include "core/pipeline/attention_maps.h"

#include <ATen/ATen.h>

#include "core/io/error.h"

namespace bksdm {
namespace {

// sums: [images, planes, h*w, tokens] -> [images, planes, tokens, height, width], each plane's
// token map upsampled bicubically and clamped at 0. One bicubic image per (plane, token), each its
// own batch row, which the CPU kernel shares out among the threads.
at::Tensor upsampled_planes(const at::Tensor& sums, int64_t h, int64_t w, int64_t height, int64_t width) {
  const int64_t images = sums.size(0), planes = sums.size(1), tokens = sums.size(3);
  const at::Tensor spatial = sums.permute({0, 1, 3, 2}).reshape({images * planes * tokens, 1, h, w});
  return at::upsample_bicubic2d(spatial, {height, width}, false, c10::nullopt, c10::nullopt)
      .clamp_min_(0)
      .reshape({images, planes, tokens, height, width});
}

}  // namespace

at::Tensor layer_map(const LayerAttention& layer, int64_t height, int64_t width, int64_t head) {
  const int64_t heads = layer.sums.size(1);
  if (head >= heads) throw Error(layer.layer + ": no head " + std::to_string(head) + " of " + std::to_string(heads));
  const at::Tensor sums = head < 0 ? layer.sums : layer.sums.narrow(1, head, 1);
  return upsampled_planes(sums, layer.h, layer.w, height, width).mean(1);
}

AttentionMapAccumulator::AttentionMapAccumulator(int64_t images, int64_t first_row)
    : images_(images), first_row_(first_row) {}

bool AttentionMapAccumulator::uses_layer(const std::string& layer) {
  const bool in_down_or_up = layer.rfind("down_blocks.", 0) == 0 || layer.rfind("up_blocks.", 0) == 0;
  const std::string suffix = ".attn2";
  return in_down_or_up && layer.size() > suffix.size() &&
         layer.compare(layer.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void AttentionMapAccumulator::add(const std::string& layer, const at::Tensor& probs, int64_t h, int64_t w) {
  const at::Tensor own = probs.narrow(0, first_row_, images_);
  LayerAttention& entry = layers_[layer];
  if (!entry.sums.defined()) {
    entry = LayerAttention{layer, h, w, own.to(at::kFloat).clone()};
  } else {
    entry.sums.add_(own);
  }
}

at::Tensor AttentionMapAccumulator::maps(int64_t height, int64_t width) const {
  return upsampled_mean(height, width, true);
}

at::Tensor AttentionMapAccumulator::running_maps(int64_t height, int64_t width) const {
  return upsampled_mean(height, width, false);
}

at::Tensor AttentionMapAccumulator::upsampled_mean(int64_t height, int64_t width, bool per_head) const {
  at::Tensor total;
  int64_t pairs = 0;
  for (const auto& [name, entry] : layers_) {
    const at::Tensor sums = per_head ? entry.sums : entry.sums.sum(1, /*keepdim=*/true);
    const at::Tensor upsampled = upsampled_planes(sums, entry.h, entry.w, height, width).sum(1);
    total = total.defined() ? total.add_(upsampled) : upsampled;
    pairs += entry.sums.size(1);
  }
  return pairs == 0 ? at::Tensor() : total.div_(double(pairs));
}

std::vector<std::string> AttentionMapAccumulator::layers() const {
  std::vector<std::string> names;
  for (const auto& [name, entry] : layers_) names.push_back(name);
  return names;
}

std::vector<LayerAttention> AttentionMapAccumulator::layer_sums() const {
  std::vector<LayerAttention> sums;
  for (const auto& [name, entry] : layers_) sums.push_back(entry);
  return sums;
}

at::Tensor AttentionMapAccumulator::layer_map(const std::string& layer, int64_t height, int64_t width,
                                              int64_t head) const {
  const auto found = layers_.find(layer);
  if (found == layers_.end()) throw Error("attention maps: no layer " + layer);
  return bksdm::layer_map(found->second, height, width, head);
}

}  // namespace bksdm
