#include "core/schedulers/noise_schedule.h"

#include <cmath>
#include <numbers>
#include <string>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/schedulers/scheduler_config.h"

namespace bksdm {
namespace {

// diffusers' betas_for_alpha_bar (the Glide cosine schedule), computed in Python floats.
at::Tensor cosine_betas(int num_train_timesteps) {
  const auto alpha_bar = [](double t) {
    const double c = std::cos((t + 0.008) / 1.008 * std::numbers::pi / 2);
    return c * c;
  };
  std::vector<double> betas;
  for (int i = 0; i < num_train_timesteps; ++i) {
    const double t1 = double(i) / num_train_timesteps;
    const double t2 = double(i + 1) / num_train_timesteps;
    betas.push_back(std::min(1 - alpha_bar(t2) / alpha_bar(t1), 0.999));
  }
  return at::tensor(betas, at::kDouble).to(at::kFloat);
}

// A beta is the share of noise one training step adds: past (0, 1), 1 - beta, and so every alpha,
// is not positive, and the run's first step gives NaN.
double noise_fraction(const SchedulerConfig& config, std::string_view key, double fallback) {
  const double beta = config.number(key, fallback);
  if (!(beta > 0 && beta < 1))
    throw Error("scheduler config: \"" + std::string(key) + "\" must be between 0 and 1, not " + std::to_string(beta));
  return beta;
}

at::Tensor make_betas(const SchedulerConfig& config, int num_train_timesteps) {
  if (const auto trained = config.number_list("trained_betas")) {
    if (trained->size() != size_t(num_train_timesteps))
      throw Error("scheduler config: \"trained_betas\" has " + std::to_string(trained->size()) +
                  " values, num_train_timesteps is " + std::to_string(num_train_timesteps));
    return at::tensor(*trained, at::kDouble).to(at::kFloat);
  }
  const double beta_start = noise_fraction(config, "beta_start", 0.0001);
  const double beta_end = noise_fraction(config, "beta_end", 0.02);
  const std::string schedule =
      config.choice("beta_schedule", "linear", {"linear", "scaled_linear", "squaredcos_cap_v2"});
  const auto float32 = at::TensorOptions().dtype(at::kFloat);
  if (schedule == "linear") return at::linspace(beta_start, beta_end, num_train_timesteps, float32);
  if (schedule == "scaled_linear")
    return at::linspace(std::pow(beta_start, 0.5), std::pow(beta_end, 0.5), num_train_timesteps, float32).pow(2);
  return cosine_betas(num_train_timesteps);
}

}  // namespace

NoiseSchedule::NoiseSchedule(const SchedulerConfig& config)
    : num_train_timesteps(config.integer("num_train_timesteps", 1000)) {
  if (num_train_timesteps < 2)
    throw Error("scheduler config: \"num_train_timesteps\" must be at least 2, got " +
                std::to_string(num_train_timesteps));
  alphas_cumprod = at::cumprod(1.0 - make_betas(config, num_train_timesteps), 0);
}

std::vector<double> NoiseSchedule::sigmas() const {
  const at::Tensor sigmas = ((1 - alphas_cumprod) / alphas_cumprod).pow(0.5).contiguous();
  const float* data = sigmas.data_ptr<float>();
  return std::vector<double>(data, data + sigmas.numel());
}

at::Tensor NoiseSchedule::alpha_prod(int timestep) const { return alphas_cumprod[timestep]; }

at::Tensor NoiseSchedule::add_noise(const at::Tensor& original, const at::Tensor& noise, int timestep) const {
  const at::Tensor alpha_bar = alphas_cumprod.to(original.device(), original.scalar_type())[timestep];
  return alpha_bar.pow(0.5) * original + (1 - alpha_bar).pow(0.5) * noise;
}

}  // namespace bksdm
