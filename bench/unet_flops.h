#pragma once
#include <cstdint>

#include "core/models/unet_config.h"

// The arithmetic of one U-Net call, counted from its config the way UNet2DConditionModel runs it:
// 2 FLOPs per multiply-add of the convolutions, the linear layers (projections, feed-forward,
// time embedding) and the two attention products (q kᵀ, probabilities × v). Norms, activations and
// the softmax are left out, as FLOP counts usually do: they are a small part of the arithmetic.
// BK-SDM-v2-Tiny at 64x64 latents, batch 2, counts 972 GFLOP.
namespace bksdm::bench {

struct UNetFlops {
  double convolution = 0;
  double linear = 0;
  double attention = 0;
  double total() const { return convolution + linear + attention; }
};

namespace detail {

class UNetFlopCounter {
 public:
  UNetFlopCounter(const UNet2DConditionConfig& config, int64_t batch, int64_t context_tokens)
      : config_(config), batch_(batch), context_tokens_(context_tokens) {}

  void convolution(int64_t in, int64_t out, int64_t kernel, int64_t pixels) {
    flops_.convolution += 2.0 * batch_ * in * out * kernel * kernel * pixels;
  }
  void linear(int64_t rows, int64_t in, int64_t out) { flops_.linear += 2.0 * batch_ * rows * in * out; }
  void attention(int64_t queries, int64_t keys, int64_t channels) {
    flops_.attention += 2.0 * 2.0 * batch_ * queries * keys * channels;
  }

  void resnet(int64_t in, int64_t out, int64_t pixels) {
    convolution(in, out, 3, pixels);
    linear(1, config_.time_embed_dim(), out);
    convolution(out, out, 3, pixels);
    if (in != out) convolution(in, out, 1, pixels);
  }

  void transformer(size_t level, int64_t channels, int64_t pixels) {
    const auto projection = [&] {
      if (config_.use_linear_projection) {
        linear(pixels, channels, channels);
      } else {
        convolution(channels, channels, 1, pixels);
      }
    };
    projection();
    for (int64_t layer = 0; layer < config_.transformer_layers_per_block[level]; ++layer) {
      linear(pixels, channels, 4 * channels);  // attn1: q, k, v, out
      attention(pixels, pixels, channels);
      linear(pixels, channels, 2 * channels);                                     // attn2: q, out
      linear(context_tokens_, config_.cross_attention_dim[level], 2 * channels);  // attn2: k, v
      attention(pixels, context_tokens_, channels);
      linear(pixels, channels, 8 * channels);  // GEGLU projection
      linear(pixels, 4 * channels, channels);
    }
    projection();
  }

  UNetFlops flops() const { return flops_; }

 private:
  const UNet2DConditionConfig& config_;
  int64_t batch_;
  int64_t context_tokens_;
  UNetFlops flops_;
};

// A stride-2 3x3 convolution's output edge.
inline int64_t downsampled(int64_t edge, int64_t padding) { return (edge + 2 * padding - 3) / 2 + 1; }

}  // namespace detail

inline UNetFlops unet_flops(const UNet2DConditionConfig& config, int64_t batch, int64_t height, int64_t width,
                            int64_t context_tokens = 77) {
  const std::vector<int64_t>& channels = config.block_out_channels;
  const size_t levels = channels.size();
  std::vector<int64_t> pixels;
  for (size_t level = 0; level < levels; ++level) {
    pixels.push_back(height * width);
    height = detail::downsampled(height, config.downsample_padding);
    width = detail::downsampled(width, config.downsample_padding);
  }
  detail::UNetFlopCounter count(config, batch, context_tokens);
  count.convolution(config.in_channels, channels[0], config.conv_in_kernel, pixels[0]);
  count.linear(1, channels[0], config.time_embed_dim());
  count.linear(1, config.time_embed_dim(), config.time_embed_dim());

  std::vector<int64_t> skips{channels[0]};
  for (size_t level = 0; level < levels; ++level) {
    const bool cross = config.down_block_types[level] == "CrossAttnDownBlock2D";
    for (int64_t i = 0; i < config.layers_per_block[level]; ++i) {
      count.resnet(i == 0 ? skips.back() : channels[level], channels[level], pixels[level]);
      if (cross) count.transformer(level, channels[level], pixels[level]);
      skips.push_back(channels[level]);
    }
    if (level + 1 < levels) {
      count.convolution(channels[level], channels[level], 3, pixels[level + 1]);
      skips.push_back(channels[level]);
    }
  }
  if (config.mid_block_type) {
    count.resnet(channels.back(), channels.back(), pixels.back());
    count.transformer(levels - 1, channels.back(), pixels.back());
    count.resnet(channels.back(), channels.back(), pixels.back());
  }
  int64_t previous = channels.back();
  for (size_t i = 0; i < levels; ++i) {
    const size_t level = levels - 1 - i;
    const bool cross = config.up_block_types[i] == "CrossAttnUpBlock2D";
    for (int64_t j = 0; j <= config.layers_per_block[level]; ++j) {
      count.resnet(previous + skips.back(), channels[level], pixels[level]);
      skips.pop_back();
      if (cross) count.transformer(level, channels[level], pixels[level]);
      previous = channels[level];
    }
    if (level > 0) count.convolution(channels[level], channels[level], 3, pixels[level - 1]);
  }
  count.convolution(channels[0], config.out_channels, config.conv_out_kernel, pixels[0]);
  return count.flops();
}

}  // namespace bksdm::bench
