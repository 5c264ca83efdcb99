#include "core/models/layers.h"

#include <ATen/ATen.h>

namespace bksdm {
namespace {

at::Tensor uninitialised(at::IntArrayRef shape) { return at::empty(shape, at::kFloat); }

}  // namespace

LinearImpl::LinearImpl(int64_t in_features, int64_t out_features, bool with_bias) {
  weight = register_parameter("weight", uninitialised({out_features, in_features}), false);
  if (with_bias) bias = register_parameter("bias", uninitialised({out_features}), false);
}

at::Tensor in_dtype_of(const at::Tensor& weight, const at::Tensor& input) {
  if (!weight.defined() || weight.scalar_type() == input.scalar_type()) return weight;
  return weight.to(input.scalar_type());
}

at::Tensor LinearImpl::forward(const at::Tensor& input) const {
  return at::linear(input, in_dtype_of(weight, input), in_dtype_of(bias, input));
}

Conv2dImpl::Conv2dImpl(int64_t in_channels, int64_t out_channels, int64_t kernel_size, int64_t stride,
                       int64_t padding, bool with_bias)
    : stride_(stride), padding_(padding) {
  weight = register_parameter("weight", uninitialised({out_channels, in_channels, kernel_size, kernel_size}),
                              false);
  if (with_bias) bias = register_parameter("bias", uninitialised({out_channels}), false);
}

at::Tensor Conv2dImpl::forward(const at::Tensor& input) const {
  return at::conv2d(input, in_dtype_of(weight, input), in_dtype_of(bias, input), {stride_, stride_},
                    {padding_, padding_});
}

GroupNormImpl::GroupNormImpl(int64_t num_groups, int64_t num_channels, double eps)
    : num_groups_(num_groups), eps_(eps) {
  weight = register_parameter("weight", uninitialised({num_channels}), false);
  bias = register_parameter("bias", uninitialised({num_channels}), false);
}

at::Tensor GroupNormImpl::forward(const at::Tensor& input) const {
  return at::group_norm(input, num_groups_, in_dtype_of(weight, input), in_dtype_of(bias, input), eps_);
}

LayerNormImpl::LayerNormImpl(int64_t dim, double eps) : eps_(eps) {
  weight = register_parameter("weight", uninitialised({dim}), false);
  bias = register_parameter("bias", uninitialised({dim}), false);
}

at::Tensor LayerNormImpl::forward(const at::Tensor& input) const {
  return at::layer_norm(input, {input.size(-1)}, in_dtype_of(weight, input), in_dtype_of(bias, input), eps_);
}

int64_t count_parameters(const torch::nn::Module& module) {
  int64_t count = 0;
  for (const auto& parameter : module.parameters()) count += parameter.numel();
  return count;
}

}  // namespace bksdm
