#pragma once
#include <c10/core/Device.h>

#include <cstdint>

#include "core/models/layers.h"

// diffusers' timestep embeddings (models/embeddings.py): the sinusoidal projection (Timesteps) and
// the two-layer MLP after it (TimestepEmbedding).
namespace bksdm {

// get_timestep_embedding for one timestep, repeated for a batch: float32 [batch, dim], computed as
// diffusers does (float32 frequencies, the timestep cast to float32), so fractional timesteps such
// as 957.375 embed exactly as in diffusers. With `flip_sin_to_cos` the cosines come first.
at::Tensor timestep_embedding(double timestep, int64_t batch, int64_t dim, bool flip_sin_to_cos,
                              double downscale_freq_shift, c10::Device device);

// linear_1, SiLU, linear_2.
class TimestepEmbeddingImpl : public torch::nn::Module {
 public:
  TimestepEmbeddingImpl(int64_t in_channels, int64_t time_embed_dim);
  at::Tensor forward(const at::Tensor& sample) const;

 private:
  Linear linear_1_{nullptr};
  Linear linear_2_{nullptr};
};
TORCH_MODULE(TimestepEmbedding);

}  // namespace bksdm
