#pragma once
#include <array>
#include <cstdint>
#include <optional>

#include "core/models/layers.h"

// diffusers' ResnetBlock2D (models/resnet.py), Downsample2D (downsampling.py) and Upsample2D
// (upsampling.py), in the variants the Stable Diffusion U-Net and VAE use: SiLU activations,
// "default" time-embedding norm, convolutional resampling.
namespace bksdm {

struct ResnetBlock2DOptions {
  int64_t in_channels = 0;
  int64_t out_channels = 0;              // 0: in_channels
  std::optional<int64_t> temb_channels;  // nullopt: no time embedding (the VAE's blocks)
  int64_t groups = 32;
  std::optional<int64_t> groups_out;  // nullopt: groups
  double eps = 1e-6;
  double output_scale_factor = 1.0;
};

class ResnetBlock2DImpl : public torch::nn::Module {
 public:
  explicit ResnetBlock2DImpl(const ResnetBlock2DOptions& options);
  // `temb` [B, temb_channels] is required when the block has a time embedding, ignored otherwise.
  at::Tensor forward(const at::Tensor& input, const at::Tensor& temb = {}) const;

 private:
  GroupNorm norm1_{nullptr};
  Conv2d conv1_{nullptr};
  Linear time_emb_proj_{nullptr};
  GroupNorm norm2_{nullptr};
  Conv2d conv2_{nullptr};
  Conv2d conv_shortcut_{nullptr};
  double output_scale_factor_;
};
TORCH_MODULE(ResnetBlock2D);

// A stride-2 3x3 convolution. `padding` 0 pads one row and column at the bottom and right first,
// as the VAE encoder does; the U-Net uses padding 1.
class Downsample2DImpl : public torch::nn::Module {
 public:
  Downsample2DImpl(int64_t channels, int64_t out_channels, int64_t padding);
  at::Tensor forward(const at::Tensor& input) const;

 private:
  Conv2d conv_{nullptr};
  int64_t padding_;
};
TORCH_MODULE(Downsample2D);

// Nearest-neighbour upsampling, then a 3x3 convolution. Without an output size it doubles height
// and width; the U-Net passes its skip connection's size so odd sizes round-trip.
class Upsample2DImpl : public torch::nn::Module {
 public:
  Upsample2DImpl(int64_t channels, int64_t out_channels);
  at::Tensor forward(const at::Tensor& input,
                     const std::optional<std::array<int64_t, 2>>& output_size = std::nullopt) const;

 private:
  Conv2d conv_{nullptr};
};
TORCH_MODULE(Upsample2D);

}  // namespace bksdm
