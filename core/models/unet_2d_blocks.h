#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/models/resnet.h"
#include "core/models/transformer_2d.h"

// The U-Net blocks of diffusers' models/unets/unet_2d_blocks.py that Stable Diffusion and BK-SDM
// use. A down or up block with `cross_attention` options is CrossAttnDownBlock2D /
// CrossAttnUpBlock2D (a Transformer2DModel after each resnet), without them DownBlock2D /
// UpBlock2D: the same modules under the same names, less the attentions.
namespace bksdm {

struct BlockAttentionOptions {
  int64_t num_attention_heads = 1;  // head dim = channels / heads
  int64_t cross_attention_dim = 0;
  int64_t transformer_layers = 1;
  bool use_linear_projection = false;
  bool upcast_attention = false;
};

struct ResnetStackOptions {
  int64_t num_layers = 1;
  int64_t temb_channels = 0;
  int64_t groups = 32;
  double eps = 1e-5;
  std::optional<BlockAttentionOptions> cross_attention;
};

struct DownBlockOptions {
  ResnetStackOptions stack;
  int64_t in_channels = 0;
  int64_t out_channels = 0;
  bool add_downsample = true;
  int64_t downsample_padding = 1;
};

class UNetDownBlockImpl : public torch::nn::Module {
 public:
  explicit UNetDownBlockImpl(const DownBlockOptions& options);
  // Returns the block's output and appends each resnet's (or attention's) output and the
  // downsampler's to `skips`, for the up blocks.
  at::Tensor forward(const at::Tensor& hidden_states, const at::Tensor& temb,
                     const at::Tensor& encoder_hidden_states, std::vector<at::Tensor>& skips) const;

 private:
  std::vector<std::shared_ptr<ResnetBlock2DImpl>> resnets_;
  std::vector<std::shared_ptr<Transformer2DModelImpl>> attentions_;  // empty: DownBlock2D
  Downsample2D downsampler_{nullptr};
};
TORCH_MODULE(UNetDownBlock);

struct UpBlockOptions {
  ResnetStackOptions stack;
  int64_t in_channels = 0;          // channels of the deepest skip it takes
  int64_t prev_output_channel = 0;  // channels of its input
  int64_t out_channels = 0;
  bool add_upsample = true;
};

class UNetUpBlockImpl : public torch::nn::Module {
 public:
  explicit UNetUpBlockImpl(const UpBlockOptions& options);
  // `skips` holds one skip connection per resnet, in the order the down blocks produced them; they
  // are concatenated to the input last first. The upsampler, if any, scales to `upsample_size`
  // (default: twice the size).
  at::Tensor forward(const at::Tensor& hidden_states, const std::vector<at::Tensor>& skips,
                     const at::Tensor& temb, const at::Tensor& encoder_hidden_states,
                     const std::optional<std::array<int64_t, 2>>& upsample_size) const;
  size_t num_resnets() const { return resnets_.size(); }

 private:
  std::vector<std::shared_ptr<ResnetBlock2DImpl>> resnets_;
  std::vector<std::shared_ptr<Transformer2DModelImpl>> attentions_;  // empty: UpBlock2D
  Upsample2D upsampler_{nullptr};
};
TORCH_MODULE(UNetUpBlock);

// UNetMidBlock2DCrossAttn: a resnet, then (transformer, resnet) pairs; channels unchanged.
class UNetMidBlock2DCrossAttnImpl : public torch::nn::Module {
 public:
  UNetMidBlock2DCrossAttnImpl(int64_t channels, const ResnetStackOptions& stack, double output_scale_factor);
  at::Tensor forward(const at::Tensor& hidden_states, const at::Tensor& temb,
                     const at::Tensor& encoder_hidden_states) const;

 private:
  std::vector<std::shared_ptr<ResnetBlock2DImpl>> resnets_;
  std::vector<std::shared_ptr<Transformer2DModelImpl>> attentions_;
};
TORCH_MODULE(UNetMidBlock2DCrossAttn);

}  // namespace bksdm
