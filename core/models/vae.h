#pragma once
#include <ATen/core/Generator.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/models/attention.h"
#include "core/models/layers.h"
#include "core/models/resnet.h"

// The parts of diffusers' AutoencoderKL (models/autoencoders/vae.py and the VAE's blocks of
// unets/unet_2d_blocks.py), as Stable Diffusion's VAE has them: SiLU activations, group norms of
// eps 1e-6, no time embedding.
namespace bksdm {

// Two resnets around a single-head spatial self-attention (none when add_attention is false).
class UNetMidBlock2DImpl : public torch::nn::Module {
 public:
  UNetMidBlock2DImpl(int64_t channels, int64_t groups, bool add_attention);
  at::Tensor forward(const at::Tensor& hidden_states) const;

 private:
  std::vector<ResnetBlock2D> resnets_;
  std::vector<Attention> attentions_;
};
TORCH_MODULE(UNetMidBlock2D);

class DownEncoderBlock2DImpl : public torch::nn::Module {
 public:
  DownEncoderBlock2DImpl(int64_t in_channels, int64_t out_channels, int64_t num_layers, int64_t groups,
                         bool add_downsample);
  at::Tensor forward(at::Tensor hidden_states) const;

 private:
  std::vector<ResnetBlock2D> resnets_;
  std::vector<Downsample2D> downsamplers_;
};
TORCH_MODULE(DownEncoderBlock2D);

class UpDecoderBlock2DImpl : public torch::nn::Module {
 public:
  UpDecoderBlock2DImpl(int64_t in_channels, int64_t out_channels, int64_t num_layers, int64_t groups,
                       bool add_upsample);
  at::Tensor forward(at::Tensor hidden_states) const;

 private:
  std::vector<ResnetBlock2D> resnets_;
  std::vector<Upsample2D> upsamplers_;
};
TORCH_MODULE(UpDecoderBlock2D);

// What the Encoder and the Decoder are built from.
struct VaeCoderOptions {
  int64_t in_channels = 3;
  int64_t out_channels = 3;
  std::vector<int64_t> block_out_channels = {64};
  int64_t layers_per_block = 2;
  int64_t norm_num_groups = 32;
  bool mid_block_add_attention = true;
};

// Images [N, in_channels, H, W] to [N, 2 * out_channels, H / 2^(levels-1), ...]: the mean and
// log-variance of the latent distribution (diffusers' double_z).
class EncoderImpl : public torch::nn::Module {
 public:
  explicit EncoderImpl(const VaeCoderOptions& options);
  at::Tensor forward(const at::Tensor& sample) const;

 private:
  Conv2d conv_in_{nullptr};
  std::vector<DownEncoderBlock2D> down_blocks_;
  UNetMidBlock2D mid_block_{nullptr};
  GroupNorm conv_norm_out_{nullptr};
  Conv2d conv_out_{nullptr};
};
TORCH_MODULE(Encoder);

// Latents [N, in_channels, h, w] to images [N, out_channels, h * 2^(levels-1), ...].
class DecoderImpl : public torch::nn::Module {
 public:
  explicit DecoderImpl(const VaeCoderOptions& options);
  at::Tensor forward(const at::Tensor& sample) const;

 private:
  Conv2d conv_in_{nullptr};
  UNetMidBlock2D mid_block_{nullptr};
  std::vector<UpDecoderBlock2D> up_blocks_;
  GroupNorm conv_norm_out_{nullptr};
  Conv2d conv_out_{nullptr};
};
TORCH_MODULE(Decoder);

// diffusers' DiagonalGaussianDistribution: the encoder's latent distribution.
struct DiagonalGaussianDistribution {
  // `parameters` [N, 2C, h, w]: the mean, then the log-variance (clamped to [-30, 20]).
  explicit DiagonalGaussianDistribution(const at::Tensor& parameters);

  at::Tensor mean;
  at::Tensor logvar;
  at::Tensor std;
  at::Tensor var;

  at::Tensor mode() const { return mean; }
  // mean + std * noise, the noise drawn as diffusers' randn_tensor draws it: on the generator's
  // device (a CPU generator gives the same numbers as torch.Generator("cpu")), then moved.
  at::Tensor sample(at::Generator generator) const;
};

}  // namespace bksdm
