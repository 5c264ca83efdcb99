#include "core/pipeline/attention_maps.h"

#include <ATen/ATen.h>

namespace bksdm {

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
  LayerSum& entry = layers_[layer];
  if (!entry.sum.defined()) {
    entry.sum = own.to(at::kFloat).clone();
    entry.h = h;
    entry.w = w;
  } else {
    entry.sum.add_(own);
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
    const int64_t heads = entry.sum.size(1), tokens = entry.sum.size(3);
    const at::Tensor sums = per_head ? entry.sum : entry.sum.sum(1, /*keepdim=*/true);
    const int64_t planes = sums.size(1);
    // [images, planes, h*w, tokens] -> [images*planes*tokens, 1, h, w]: one bicubic image per (plane,
    // token), each its own batch row, which the CPU kernel shares out among the threads.
    at::Tensor spatial = sums.permute({0, 1, 3, 2}).reshape({images_ * planes * tokens, 1, entry.h, entry.w});
    at::Tensor upsampled = at::upsample_bicubic2d(spatial, {height, width}, false, c10::nullopt, c10::nullopt)
                               .clamp_min_(0)
                               .reshape({images_, planes, tokens, height, width})
                               .sum(1);
    total = total.defined() ? total.add_(upsampled) : upsampled;
    pairs += heads;
  }
  return pairs == 0 ? at::Tensor() : total.div_(double(pairs));
}

std::vector<std::string> AttentionMapAccumulator::layers() const {
  std::vector<std::string> names;
  for (const auto& [name, entry] : layers_) names.push_back(name);
  return names;
}

}  // namespace bksdm
