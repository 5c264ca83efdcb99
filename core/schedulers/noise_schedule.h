#pragma once
#include <vector>

#include <ATen/core/Tensor.h>

namespace bksdm {

class SchedulerConfig;

// The forward diffusion process every scheduler shares, built from the config keys
// num_train_timesteps, beta_start, beta_end, beta_schedule and trained_betas exactly as diffusers
// builds it: float32 torch tensors on the CPU.
struct NoiseSchedule {
  explicit NoiseSchedule(const SchedulerConfig& config);

  int num_train_timesteps;
  at::Tensor alphas_cumprod;  // [T] float32

  // ((1 - alphas_cumprod) / alphas_cumprod) ** 0.5, in float32, per training timestep.
  std::vector<double> sigmas() const;
  // alphas_cumprod[timestep] as a 0-d float32 tensor, the way diffusers indexes it.
  at::Tensor alpha_prod(int timestep) const;
  // diffusers' DDPMScheduler.add_noise (PNDM and DDIM copy it): sqrt(alpha_bar) * original +
  // sqrt(1 - alpha_bar) * noise at `timestep`, alphas_cumprod cast to original's dtype first.
  at::Tensor add_noise(const at::Tensor& original, const at::Tensor& noise, int timestep) const;
};

}  // namespace bksdm
