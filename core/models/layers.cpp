#include "core/models/layers.h"

#include <ATen/ATen.h>

#include <optional>

#include "core/io/error.h"
#include "core/io/message_text.h"

namespace bksdm {
namespace {

thread_local ParameterBudget* current_budget = nullptr;

// Beyond any model this engine runs (SD's U-Net is 3.4 GB in float32), and far from overflow.
constexpr uint64_t kMaxParameterBytes = 1ull << 40;

// Float32 bytes of `shape`, or nullopt past kMaxParameterBytes (or for a negative size).
std::optional<uint64_t> float_bytes(at::IntArrayRef shape) {
  uint64_t bytes = 4;
  for (int64_t dim : shape) {
    if (dim < 0 || (dim != 0 && bytes > kMaxParameterBytes / uint64_t(dim))) return std::nullopt;
    bytes *= uint64_t(dim);
  }
  return bytes;
}

}  // namespace

at::Tensor uninitialised_parameter(at::IntArrayRef shape) {
  ParameterBudget::take(shape);
  return at::empty(shape, at::kFloat);
}

ParameterBudget::ParameterBudget(uint64_t bytes, uint64_t tensors, std::string weights)
    : left_(bytes),
      bytes_(bytes),
      tensors_left_(tensors),
      tensors_(tensors),
      weights_(std::move(weights)),
      outer_(current_budget) {
  current_budget = this;
}

ParameterBudget::~ParameterBudget() { current_budget = outer_; }

void ParameterBudget::take(at::IntArrayRef shape) {
  const std::optional<uint64_t> bytes = float_bytes(shape);
  if (!bytes) throw Error("the config describes a layer of shape " + shape_text(shape) + ", larger than any model");
  ParameterBudget* budget = current_budget;
  if (budget == nullptr) return;
  if (*bytes > budget->left_)
    throw Error("the config describes a model larger than its weights: past " + size_text(budget->bytes_) +
                " of parameters, more than " + budget->weights_ + " can fill (refused before building it)");
  if (budget->tensors_left_ == 0)
    throw Error("the config describes a model larger than its weights: past " + std::to_string(budget->tensors_) +
                " parameter tensors, more than " + budget->weights_ + " can fill (refused before building it)");
  budget->left_ -= *bytes;
  --budget->tensors_left_;
}

LinearImpl::LinearImpl(int64_t in_features, int64_t out_features, bool with_bias) {
  weight = register_parameter("weight", uninitialised_parameter({out_features, in_features}), false);
  if (with_bias) bias = register_parameter("bias", uninitialised_parameter({out_features}), false);
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
  weight = register_parameter("weight", uninitialised_parameter({out_channels, in_channels, kernel_size, kernel_size}),
                              false);
  if (with_bias) bias = register_parameter("bias", uninitialised_parameter({out_channels}), false);
}

at::Tensor Conv2dImpl::forward(const at::Tensor& input) const {
  return at::conv2d(input, in_dtype_of(weight, input), in_dtype_of(bias, input), {stride_, stride_},
                    {padding_, padding_});
}

GroupNormImpl::GroupNormImpl(int64_t num_groups, int64_t num_channels, double eps)
    : num_groups_(num_groups), eps_(eps) {
  weight = register_parameter("weight", uninitialised_parameter({num_channels}), false);
  bias = register_parameter("bias", uninitialised_parameter({num_channels}), false);
}

at::Tensor GroupNormImpl::forward(const at::Tensor& input) const {
  return at::group_norm(input, num_groups_, in_dtype_of(weight, input), in_dtype_of(bias, input), eps_);
}

LayerNormImpl::LayerNormImpl(int64_t dim, double eps) : eps_(eps) {
  weight = register_parameter("weight", uninitialised_parameter({dim}), false);
  bias = register_parameter("bias", uninitialised_parameter({dim}), false);
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
