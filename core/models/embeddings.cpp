#include "core/models/embeddings.h"

#include <ATen/ATen.h>

#include <cmath>

namespace bksdm {

at::Tensor timestep_embedding(double timestep, int64_t batch, int64_t dim, bool flip_sin_to_cos,
                              double downscale_freq_shift, c10::Device device) {
  constexpr double kMaxPeriod = 10000.0;
  const int64_t half_dim = dim / 2;
  const auto options = at::TensorOptions().dtype(at::kFloat).device(device);
  const at::Tensor exponent =
      at::arange(0, half_dim, options) * (-std::log(kMaxPeriod)) / (half_dim - downscale_freq_shift);
  const at::Tensor timesteps = at::full({batch, 1}, timestep, options);
  const at::Tensor arguments = timesteps * at::exp(exponent).unsqueeze(0);
  const at::Tensor sin = at::sin(arguments), cos = at::cos(arguments);
  at::Tensor embedding = flip_sin_to_cos ? at::cat({cos, sin}, -1) : at::cat({sin, cos}, -1);
  return dim % 2 ? at::constant_pad_nd(embedding, {0, 1, 0, 0}, 0) : embedding;
}

TimestepEmbeddingImpl::TimestepEmbeddingImpl(int64_t in_channels, int64_t time_embed_dim) {
  linear_1_ = register_module("linear_1", Linear(in_channels, time_embed_dim));
  linear_2_ = register_module("linear_2", Linear(time_embed_dim, time_embed_dim));
}

at::Tensor TimestepEmbeddingImpl::forward(const at::Tensor& sample) const {
  return linear_2_->forward(at::silu(linear_1_->forward(sample)));
}

}  // namespace bksdm
