#include "core/models/resnet.h"

#include <ATen/ATen.h>
#include <torch/version.h>

namespace bksdm {

ResnetBlock2DImpl::ResnetBlock2DImpl(const ResnetBlock2DOptions& options)
    : output_scale_factor_(options.output_scale_factor) {
  const int64_t in_channels = options.in_channels;
  const int64_t out_channels = options.out_channels ? options.out_channels : in_channels;
  norm1_ = register_module("norm1", GroupNorm(options.groups, in_channels, options.eps));
  conv1_ = register_module("conv1", Conv2d(in_channels, out_channels, 3, 1, 1));
  if (options.temb_channels) {
    time_emb_proj_ = register_module("time_emb_proj", Linear(*options.temb_channels, out_channels));
  }
  norm2_ = register_module("norm2",
                           GroupNorm(options.groups_out.value_or(options.groups), out_channels, options.eps));
  conv2_ = register_module("conv2", Conv2d(out_channels, out_channels, 3, 1, 1));
  if (in_channels != out_channels) {
    conv_shortcut_ = register_module("conv_shortcut", Conv2d(in_channels, out_channels, 1));
  }
}

at::Tensor ResnetBlock2DImpl::forward(const at::Tensor& input, const at::Tensor& temb) const {
  // Every intermediate is a fresh tensor of its own, so activations and sums go in place.
  at::Tensor hidden = norm1_->forward(input);
  hidden = conv1_->forward(at::silu_(hidden));
  if (time_emb_proj_) hidden.add_(time_emb_proj_->forward(at::silu(temb)).unsqueeze(-1).unsqueeze(-1));
  hidden = norm2_->forward(hidden);
  hidden = conv2_->forward(at::silu_(hidden));
  hidden.add_(conv_shortcut_ ? conv_shortcut_->forward(input) : input);
  return output_scale_factor_ == 1.0 ? hidden : hidden.div_(output_scale_factor_);
}

Downsample2DImpl::Downsample2DImpl(int64_t channels, int64_t out_channels, int64_t padding)
    : padding_(padding) {
  conv_ = register_module("conv", Conv2d(channels, out_channels, 3, 2, padding));
}

at::Tensor Downsample2DImpl::forward(const at::Tensor& input) const {
  return conv_->forward(padding_ == 0 ? at::constant_pad_nd(input, {0, 1, 0, 1}, 0) : input);
}

Upsample2DImpl::Upsample2DImpl(int64_t channels, int64_t out_channels) {
  conv_ = register_module("conv", Conv2d(channels, out_channels, 3, 1, 1));
}

at::Tensor Upsample2DImpl::forward(const at::Tensor& input,
                                   const std::optional<std::array<int64_t, 2>>& output_size) const {
  const std::array<int64_t, 2> size = output_size.value_or(std::array{input.size(2) * 2, input.size(3) * 2});
  // Nearest-neighbour upsampling of bfloat16 arrived in torch 2.1; the float32 detour is exact.
  constexpr bool kNeedsFloatForBf16 =
      TORCH_VERSION_MAJOR < 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR < 1);
  const bool detour = kNeedsFloatForBf16 && input.scalar_type() == at::kBFloat16;
  at::Tensor upsampled = at::upsample_nearest2d(detour ? input.to(at::kFloat) : input, size);
  return conv_->forward(detour ? upsampled.to(at::kBFloat16) : upsampled);
}

}  // namespace bksdm
