#include "core/schedulers/scheduling_euler_discrete.h"

#include <algorithm>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/schedulers/numpy_compat.h"
#include "core/schedulers/scheduler_config.h"
#include "core/schedulers/sigma_schedule.h"

namespace bksdm {

EulerDiscreteScheduler::EulerDiscreteScheduler(const SchedulerConfig& config)
    : EulerDiscreteScheduler(config, sigma_layout(config), "euler") {}

EulerDiscreteScheduler::EulerDiscreteScheduler(const SchedulerConfig& config, const SigmaLayout& layout,
                                               std::string_view name)
    : Scheduler(config.integer("num_train_timesteps", 1000)),
      schedule_(config),
      v_prediction_(config.choice("prediction_type", "epsilon", {"epsilon", "v_prediction"}) == "v_prediction"),
      timestep_spacing_(config.choice("timestep_spacing", "linspace", {"linspace", "leading", "trailing"})),
      steps_offset_(config.integer("steps_offset", 0)),
      layout_(layout) {
  config.require("rescale_betas_zero_snr", false, name);
}

EulerDiscreteScheduler::SigmaLayout EulerDiscreteScheduler::sigma_layout(const SchedulerConfig& config) {
  config.choice("interpolation_type", "linear", {"linear"});
  config.choice("timestep_type", "discrete", {"discrete"});
  config.require("use_exponential_sigmas", false, "euler");
  config.require("use_beta_sigmas", false, "euler");
  SigmaLayout layout;
  layout.karras = config.boolean("use_karras_sigmas", false);
  layout.sigma_min = config.optional_number("sigma_min");
  layout.sigma_max = config.optional_number("sigma_max");
  layout.final_sigma_min = config.choice("final_sigmas_type", "zero", {"zero", "sigma_min"}) == "sigma_min";
  return layout;
}

// Descending, in float32 as diffusers keeps them.
std::vector<double> EulerDiscreteScheduler::spaced_timesteps(int num_inference_steps) const {
  const int train_steps = num_train_timesteps();
  std::vector<double> timesteps;
  if (timestep_spacing_ == "linspace") {
    for (double t : numpy::linspace(0, train_steps - 1, num_inference_steps)) timesteps.push_back(float(t));
    std::reverse(timesteps.begin(), timesteps.end());
  } else if (timestep_spacing_ == "leading") {
    const int step_ratio = train_steps / num_inference_steps;
    for (int i = num_inference_steps - 1; i >= 0; --i)
      timesteps.push_back(float(i * step_ratio) + float(steps_offset_));
  } else {
    const double step_ratio = double(train_steps) / num_inference_steps;
    for (double t : numpy::arange(train_steps, 0, -step_ratio)) timesteps.push_back(float(numpy::round(t)) - 1.0f);
  }
  return timesteps;
}

std::vector<double> EulerDiscreteScheduler::plan(int num_inference_steps) {
  std::vector<double> timesteps = spaced_timesteps(num_inference_steps);
  const std::vector<double> training_sigmas = schedule_.sigmas();
  std::vector<double> sigmas;
  for (double t : timesteps) sigmas.push_back(numpy::interp(t, training_sigmas));
  if (layout_.karras) {
    sigmas = karras_sigmas(layout_.sigma_min.value_or(sigmas.back()), layout_.sigma_max.value_or(sigmas.front()),
                           num_inference_steps);
    const std::vector<float> logs = log_sigmas(training_sigmas);
    timesteps.clear();
    for (double sigma : sigmas) timesteps.push_back(float(sigma_to_t(sigma, logs)));
  }
  std::vector<float> sigmas32(sigmas.begin(), sigmas.end());
  sigmas32.push_back(layout_.final_sigma_min ? float(training_sigmas.front()) : 0.0f);
  sigmas_ = at::tensor(sigmas32, at::kFloat);
  return timesteps;
}

double EulerDiscreteScheduler::init_noise_sigma() const {
  if (!sigmas_.defined()) throw Error(std::string(name()) + ": set_timesteps must come before init_noise_sigma");
  const at::Tensor max_sigma = sigmas_.max();
  if (timestep_spacing_ == "linspace" || timestep_spacing_ == "trailing") return max_sigma.item<float>();
  return (max_sigma.pow(2) + 1).pow(0.5).item<float>();
}

at::Tensor EulerDiscreteScheduler::scale_model_input(const at::Tensor& sample, size_t step_index) const {
  check_index(step_index);
  const at::Tensor sigma = sigmas_[int64_t(step_index)];
  return sample / (sigma.pow(2) + 1).pow(0.5);
}

at::Tensor EulerDiscreteScheduler::predict_original_sample(const at::Tensor& model_output, const at::Tensor& sigma,
                                                           const at::Tensor& sample) const {
  if (v_prediction_) return model_output * (-sigma / (sigma.pow(2) + 1).pow(0.5)) + sample / (sigma.pow(2) + 1);
  return sample - sigma * model_output;
}

StepOutput EulerDiscreteScheduler::step_at(const at::Tensor& model_output, size_t step_index, const at::Tensor& sample,
                                           NoiseSource&) {
  // Without churn (diffusers' default s_churn = 0) sigma_hat is sigma and no noise is drawn.
  const at::Tensor sample32 = sample.to(at::kFloat);
  const at::Tensor sigma = sigmas_[int64_t(step_index)];
  StepOutput output;
  output.pred_original_sample = predict_original_sample(model_output, sigma, sample32);
  const at::Tensor derivative = (sample32 - output.pred_original_sample) / sigma;
  const at::Tensor dt = sigmas_[int64_t(step_index) + 1] - sigma;
  output.prev_sample = (sample32 + derivative * dt).to(model_output.scalar_type());
  return output;
}

// Variance exploding: the image itself plus noise of the call's sigma (its position, as diffusers
// picks it with a begin index, not its timestep).
at::Tensor EulerDiscreteScheduler::add_noise_at(const at::Tensor& original, const at::Tensor& noise,
                                                size_t step_index) const {
  const at::Tensor sigma = sigmas_.to(original.device(), original.scalar_type())[int64_t(step_index)];
  return original + noise * sigma;
}

}  // namespace bksdm
