#include "core/models/unet_2d_blocks.h"

#include <ATen/ATen.h>

namespace bksdm {
namespace {

std::shared_ptr<ResnetBlock2DImpl> make_resnet(int64_t in_channels, int64_t out_channels,
                                               const ResnetStackOptions& stack,
                                               double output_scale_factor = 1.0) {
  ResnetBlock2DOptions options;
  options.in_channels = in_channels;
  options.out_channels = out_channels;
  options.temb_channels = stack.temb_channels;
  options.groups = stack.groups;
  options.eps = stack.eps;
  options.output_scale_factor = output_scale_factor;
  return std::make_shared<ResnetBlock2DImpl>(options);
}

std::shared_ptr<Transformer2DModelImpl> make_transformer(int64_t channels, const ResnetStackOptions& stack) {
  const BlockAttentionOptions& attention = *stack.cross_attention;
  return std::make_shared<Transformer2DModelImpl>(
      Transformer2DOptions{.in_channels = channels,
                           .num_layers = attention.transformer_layers,
                           .norm_num_groups = stack.groups,
                           .use_linear_projection = attention.use_linear_projection,
                           .transformer = {.num_attention_heads = attention.num_attention_heads,
                                           .attention_head_dim = channels / attention.num_attention_heads,
                                           .cross_attention_dim = attention.cross_attention_dim,
                                           .upcast_attention = attention.upcast_attention}});
}

// A resnet, followed by its transformer in cross-attention blocks.
at::Tensor resnet_then_attention(const std::vector<std::shared_ptr<ResnetBlock2DImpl>>& resnets,
                                 const std::vector<std::shared_ptr<Transformer2DModelImpl>>& attentions,
                                 size_t i, const at::Tensor& hidden_states, const at::Tensor& temb,
                                 const at::Tensor& encoder_hidden_states) {
  const at::Tensor hidden = resnets[i]->forward(hidden_states, temb);
  return attentions.empty() ? hidden : attentions[i]->forward(hidden, encoder_hidden_states);
}

}  // namespace

UNetDownBlockImpl::UNetDownBlockImpl(const DownBlockOptions& options) {
  const ResnetStackOptions& stack = options.stack;
  std::vector<std::shared_ptr<ResnetBlock2DImpl>> resnets;
  std::vector<std::shared_ptr<Transformer2DModelImpl>> attentions;
  for (int64_t i = 0; i < stack.num_layers; ++i) {
    resnets.push_back(
        make_resnet(i == 0 ? options.in_channels : options.out_channels, options.out_channels, stack));
    if (stack.cross_attention) attentions.push_back(make_transformer(options.out_channels, stack));
  }
  if (stack.cross_attention) attentions_ = register_list(*this, "attentions", std::move(attentions));
  resnets_ = register_list(*this, "resnets", std::move(resnets));
  if (options.add_downsample) {
    downsampler_ = Downsample2D(register_list<Downsample2DImpl>(
        *this, "downsamplers",
        {Downsample2D(options.out_channels, options.out_channels, options.downsample_padding).ptr()})[0]);
  }
}

at::Tensor UNetDownBlockImpl::forward(const at::Tensor& hidden_states, const at::Tensor& temb,
                                      const at::Tensor& encoder_hidden_states,
                                      std::vector<at::Tensor>& skips) const {
  at::Tensor hidden = hidden_states;
  for (size_t i = 0; i < resnets_.size(); ++i) {
    hidden = resnet_then_attention(resnets_, attentions_, i, hidden, temb, encoder_hidden_states);
    skips.push_back(hidden);
  }
  if (downsampler_) {
    hidden = downsampler_->forward(hidden);
    skips.push_back(hidden);
  }
  return hidden;
}

UNetUpBlockImpl::UNetUpBlockImpl(const UpBlockOptions& options) {
  const ResnetStackOptions& stack = options.stack;
  std::vector<std::shared_ptr<ResnetBlock2DImpl>> resnets;
  std::vector<std::shared_ptr<Transformer2DModelImpl>> attentions;
  for (int64_t i = 0; i < stack.num_layers; ++i) {
    const int64_t skip_channels = i == stack.num_layers - 1 ? options.in_channels : options.out_channels;
    const int64_t input_channels = i == 0 ? options.prev_output_channel : options.out_channels;
    resnets.push_back(make_resnet(input_channels + skip_channels, options.out_channels, stack));
    if (stack.cross_attention) attentions.push_back(make_transformer(options.out_channels, stack));
  }
  if (stack.cross_attention) attentions_ = register_list(*this, "attentions", std::move(attentions));
  resnets_ = register_list(*this, "resnets", std::move(resnets));
  if (options.add_upsample) {
    upsampler_ = Upsample2D(register_list<Upsample2DImpl>(
        *this, "upsamplers", {Upsample2D(options.out_channels, options.out_channels).ptr()})[0]);
  }
}

at::Tensor UNetUpBlockImpl::forward(const at::Tensor& hidden_states, const std::vector<at::Tensor>& skips,
                                    const at::Tensor& temb, const at::Tensor& encoder_hidden_states,
                                    const std::optional<std::array<int64_t, 2>>& upsample_size) const {
  at::Tensor hidden = hidden_states;
  for (size_t i = 0; i < resnets_.size(); ++i) {
    hidden = at::cat({hidden, skips[skips.size() - 1 - i]}, 1);
    hidden = resnet_then_attention(resnets_, attentions_, i, hidden, temb, encoder_hidden_states);
  }
  return upsampler_ ? upsampler_->forward(hidden, upsample_size) : hidden;
}

UNetMidBlock2DCrossAttnImpl::UNetMidBlock2DCrossAttnImpl(int64_t channels, const ResnetStackOptions& stack,
                                                         double output_scale_factor) {
  std::vector<std::shared_ptr<ResnetBlock2DImpl>> resnets{
      make_resnet(channels, channels, stack, output_scale_factor)};
  std::vector<std::shared_ptr<Transformer2DModelImpl>> attentions;
  for (int64_t i = 0; i < stack.num_layers; ++i) {
    attentions.push_back(make_transformer(channels, stack));
    resnets.push_back(make_resnet(channels, channels, stack, output_scale_factor));
  }
  attentions_ = register_list(*this, "attentions", std::move(attentions));
  resnets_ = register_list(*this, "resnets", std::move(resnets));
}

at::Tensor UNetMidBlock2DCrossAttnImpl::forward(const at::Tensor& hidden_states, const at::Tensor& temb,
                                                const at::Tensor& encoder_hidden_states) const {
  at::Tensor hidden = resnets_[0]->forward(hidden_states, temb);
  for (size_t i = 0; i < attentions_.size(); ++i) {
    hidden = resnets_[i + 1]->forward(attentions_[i]->forward(hidden, encoder_hidden_states), temb);
  }
  return hidden;
}

}  // namespace bksdm
