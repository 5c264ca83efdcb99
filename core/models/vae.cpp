#include "core/models/vae.h"

#include <ATen/ATen.h>

namespace bksdm {
namespace {

constexpr double kEps = 1e-6;

ResnetBlock2D resnet(int64_t in_channels, int64_t out_channels, int64_t groups) {
  ResnetBlock2DOptions options;
  options.in_channels = in_channels;
  options.out_channels = out_channels;
  options.groups = groups;
  options.eps = kEps;
  return ResnetBlock2D(options);
}

std::vector<ResnetBlock2D> resnets(int64_t in_channels, int64_t out_channels, int64_t num_layers,
                                   int64_t groups) {
  std::vector<ResnetBlock2D> blocks;
  for (int64_t i = 0; i < num_layers; ++i)
    blocks.push_back(resnet(i == 0 ? in_channels : out_channels, out_channels, groups));
  return blocks;
}

// The VAE's mid-block attention: one head over all channels, group norm first, residual added.
Attention spatial_attention(int64_t channels, int64_t groups) {
  AttentionOptions options;
  options.query_dim = channels;
  options.heads = 1;
  options.dim_head = channels;
  options.bias = true;
  options.upcast_softmax = true;
  options.norm_num_groups = groups;
  options.eps = kEps;
  options.residual_connection = true;
  return Attention(options);
}

// Registers holders as an nn.ModuleList would name them and hands them back.
template <class Holder>
std::vector<Holder> register_holders(torch::nn::Module& parent, const std::string& name,
                                     const std::vector<Holder>& holders) {
  using Impl = typename Holder::ContainedType;
  std::vector<std::shared_ptr<Impl>> items;
  for (const Holder& holder : holders) items.push_back(holder.ptr());
  register_list<Impl>(parent, name, items);
  return holders;
}

template <class Block>
at::Tensor run_all(const std::vector<Block>& blocks, at::Tensor hidden_states) {
  for (const Block& block : blocks) hidden_states = block->forward(hidden_states);
  return hidden_states;
}

}  // namespace

UNetMidBlock2DImpl::UNetMidBlock2DImpl(int64_t channels, int64_t groups, bool add_attention) {
  if (add_attention)
    attentions_ = register_holders<Attention>(*this, "attentions", {spatial_attention(channels, groups)});
  resnets_ = register_holders(*this, "resnets", resnets(channels, channels, 2, groups));
}

at::Tensor UNetMidBlock2DImpl::forward(const at::Tensor& hidden_states) const {
  at::Tensor hidden = resnets_[0]->forward(hidden_states);
  if (!attentions_.empty()) hidden = attentions_[0]->forward(hidden);
  return resnets_[1]->forward(hidden);
}

DownEncoderBlock2DImpl::DownEncoderBlock2DImpl(int64_t in_channels, int64_t out_channels, int64_t num_layers,
                                               int64_t groups, bool add_downsample)
    : resnets_(register_holders(*this, "resnets", resnets(in_channels, out_channels, num_layers, groups))) {
  // The encoder pads right and bottom by one instead of symmetrically (downsample_padding 0).
  if (add_downsample) {
    downsamplers_ =
        register_holders<Downsample2D>(*this, "downsamplers", {Downsample2D(out_channels, out_channels, 0)});
  }
}

at::Tensor DownEncoderBlock2DImpl::forward(at::Tensor hidden_states) const {
  return run_all(downsamplers_, run_all(resnets_, std::move(hidden_states)));
}

UpDecoderBlock2DImpl::UpDecoderBlock2DImpl(int64_t in_channels, int64_t out_channels, int64_t num_layers,
                                           int64_t groups, bool add_upsample)
    : resnets_(register_holders(*this, "resnets", resnets(in_channels, out_channels, num_layers, groups))) {
  if (add_upsample)
    upsamplers_ = register_holders<Upsample2D>(*this, "upsamplers", {Upsample2D(out_channels, out_channels)});
}

at::Tensor UpDecoderBlock2DImpl::forward(at::Tensor hidden_states) const {
  return run_all(upsamplers_, run_all(resnets_, std::move(hidden_states)));
}

EncoderImpl::EncoderImpl(const VaeCoderOptions& options) {
  const std::vector<int64_t>& channels = options.block_out_channels;
  const int64_t groups = options.norm_num_groups;
  conv_in_ = register_module("conv_in", Conv2d(options.in_channels, channels.front(), 3, 1, 1));
  std::vector<DownEncoderBlock2D> blocks;
  for (size_t i = 0; i < channels.size(); ++i) {
    const bool is_final_block = i + 1 == channels.size();
    blocks.emplace_back(channels[i == 0 ? 0 : i - 1], channels[i], options.layers_per_block, groups,
                        !is_final_block);
  }
  down_blocks_ = register_holders(*this, "down_blocks", blocks);
  mid_block_ =
      register_module("mid_block", UNetMidBlock2D(channels.back(), groups, options.mid_block_add_attention));
  conv_norm_out_ = register_module("conv_norm_out", GroupNorm(groups, channels.back(), kEps));
  conv_out_ = register_module("conv_out", Conv2d(channels.back(), 2 * options.out_channels, 3, 1, 1));
}

at::Tensor EncoderImpl::forward(const at::Tensor& sample) const {
  const at::Tensor hidden = mid_block_->forward(run_all(down_blocks_, conv_in_->forward(sample)));
  return conv_out_->forward(at::silu(conv_norm_out_->forward(hidden)));
}

DecoderImpl::DecoderImpl(const VaeCoderOptions& options) {
  const std::vector<int64_t> channels(options.block_out_channels.rbegin(), options.block_out_channels.rend());
  const int64_t groups = options.norm_num_groups;
  conv_in_ = register_module("conv_in", Conv2d(options.in_channels, channels.front(), 3, 1, 1));
  mid_block_ =
      register_module("mid_block", UNetMidBlock2D(channels.front(), groups, options.mid_block_add_attention));
  std::vector<UpDecoderBlock2D> blocks;
  for (size_t i = 0; i < channels.size(); ++i) {
    const bool is_final_block = i + 1 == channels.size();
    blocks.emplace_back(channels[i == 0 ? 0 : i - 1], channels[i], options.layers_per_block + 1, groups,
                        !is_final_block);
  }
  up_blocks_ = register_holders(*this, "up_blocks", blocks);
  conv_norm_out_ = register_module("conv_norm_out", GroupNorm(groups, channels.back(), kEps));
  conv_out_ = register_module("conv_out", Conv2d(channels.back(), options.out_channels, 3, 1, 1));
}

at::Tensor DecoderImpl::forward(const at::Tensor& sample) const {
  const at::Tensor hidden = run_all(up_blocks_, mid_block_->forward(conv_in_->forward(sample)));
  return conv_out_->forward(at::silu(conv_norm_out_->forward(hidden)));
}

DiagonalGaussianDistribution::DiagonalGaussianDistribution(const at::Tensor& parameters) {
  const std::vector<at::Tensor> halves = parameters.chunk(2, 1);
  mean = halves[0];
  logvar = halves[1].clamp(-30.0, 20.0);
  std = at::exp(0.5 * logvar);
  var = at::exp(logvar);
}

at::Tensor DiagonalGaussianDistribution::sample(at::Generator generator) const {
  // Drawn in float32: a CPU generator cannot draw half precision on every libtorch.
  const at::Tensor noise =
      at::randn(mean.sizes(), generator, mean.options().device(generator.device()).dtype(at::kFloat));
  return mean + std * noise.to(mean.device(), mean.scalar_type());
}

}  // namespace bksdm
