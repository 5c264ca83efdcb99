#include "core/schedulers/scheduling_dpmsolver_multistep.h"

#include <algorithm>

#include <ATen/ATen.h>

#include "core/schedulers/numpy_compat.h"
#include "core/schedulers/scheduler_config.h"
#include "core/schedulers/sigma_schedule.h"

namespace bksdm {
namespace {

// A noise level as the solver needs it: x_t = alpha * x0 + sigma * noise, and lambda = log(alpha / sigma).
struct NoiseLevel {
  at::Tensor alpha, sigma, lambda;
};

// diffusers' _sigma_to_alpha_sigma_t, then lambda_t; all 0-d float32.
NoiseLevel noise_level(const at::Tensor& sigma) {
  NoiseLevel level;
  level.alpha = 1 / (sigma.pow(2) + 1).pow(0.5);
  level.sigma = sigma * level.alpha;
  level.lambda = at::log(level.alpha) - at::log(level.sigma);
  return level;
}

}  // namespace

DPMSolverMultistepScheduler::DPMSolverMultistepScheduler(const SchedulerConfig& config)
    : Scheduler(config.integer("num_train_timesteps", 1000)),
      schedule_(config),
      v_prediction_(config.choice("prediction_type", "epsilon", {"epsilon", "v_prediction"}) == "v_prediction"),
      // diffusers maps the UniPC/DEIS solver types to midpoint.
      heun_(config.choice("solver_type", "midpoint", {"midpoint", "heun", "logrho", "bh1", "bh2"}) == "heun"),
      lower_order_final_(config.boolean("lower_order_final", true)),
      euler_at_final_(config.boolean("euler_at_final", false)),
      karras_(config.boolean("use_karras_sigmas", false)),
      sigma_min_(config.optional_number("sigma_min")),
      sigma_max_(config.optional_number("sigma_max")),
      final_sigma_min_(config.choice("final_sigmas_type", "zero", {"zero", "sigma_min"}) == "sigma_min"),
      timestep_spacing_(config.choice("timestep_spacing", "linspace", {"linspace", "leading", "trailing"})),
      steps_offset_(config.integer("steps_offset", 0)) {
  config.require("algorithm_type", "dpmsolver++", name());
  config.require("solver_order", 2, name());
  for (const char* key :
       {"thresholding", "use_exponential_sigmas", "use_beta_sigmas", "use_lu_lambdas", "rescale_betas_zero_snr"})
    config.require(key, false, name());
  // Absent means diffusers' defaults: no lambda clipping (-inf), no learned variance.
  config.require("lambda_min_clipped", nullptr, name());
  config.require("variance_type", nullptr, name());
}

// Descending integers: n + 1 points over the training range, the final (lowest) one dropped.
std::vector<double> DPMSolverMultistepScheduler::spaced_timesteps(int num_inference_steps) const {
  const int last_timestep = num_train_timesteps();
  std::vector<double> timesteps;
  if (timestep_spacing_ == "linspace") {
    timesteps = numpy::round(numpy::linspace(0, last_timestep - 1, num_inference_steps + 1));
    std::reverse(timesteps.begin(), timesteps.end());
    timesteps.pop_back();
  } else if (timestep_spacing_ == "leading") {
    const int step_ratio = last_timestep / (num_inference_steps + 1);
    for (int i = num_inference_steps; i >= 1; --i) timesteps.push_back(i * step_ratio + steps_offset_);
  } else {
    const double step_ratio = double(num_train_timesteps()) / num_inference_steps;
    for (double t : numpy::arange(last_timestep, 0, -step_ratio)) timesteps.push_back(numpy::round(t) - 1);
  }
  return timesteps;
}

std::vector<double> DPMSolverMultistepScheduler::plan(int num_inference_steps) {
  model_outputs_.clear();
  lower_order_nums_ = 0;

  std::vector<double> timesteps = spaced_timesteps(num_inference_steps);
  const std::vector<double> training_sigmas = schedule_.sigmas();
  std::vector<double> sigmas;
  if (karras_) {
    sigmas = karras_sigmas(sigma_min_.value_or(training_sigmas.front()), sigma_max_.value_or(training_sigmas.back()),
                           num_inference_steps);
    const std::vector<float> logs = log_sigmas(training_sigmas);
    timesteps.clear();
    for (double sigma : sigmas) timesteps.push_back(numpy::round(sigma_to_t(sigma, logs)));
  } else {
    for (double t : timesteps) sigmas.push_back(numpy::interp(t, training_sigmas));
  }
  std::vector<float> sigmas32(sigmas.begin(), sigmas.end());
  sigmas32.push_back(final_sigma_min_ ? float(training_sigmas.front()) : 0.0f);
  sigmas_ = at::tensor(sigmas32, at::kFloat);
  return timesteps;
}

at::Tensor DPMSolverMultistepScheduler::convert_model_output(const at::Tensor& model_output, size_t step_index,
                                                             const at::Tensor& sample) const {
  const NoiseLevel s = noise_level(sigmas_[int64_t(step_index)]);
  if (v_prediction_) return s.alpha * sample - s.sigma * model_output;
  return (sample - s.sigma * model_output) / s.alpha;
}

at::Tensor DPMSolverMultistepScheduler::first_order_update(const at::Tensor& x0, size_t step_index,
                                                           const at::Tensor& sample) const {
  const NoiseLevel t = noise_level(sigmas_[int64_t(step_index) + 1]);
  const NoiseLevel s = noise_level(sigmas_[int64_t(step_index)]);
  const at::Tensor h = t.lambda - s.lambda;
  return (t.sigma / s.sigma) * sample - (t.alpha * (at::exp(-h) - 1.0)) * x0;
}

at::Tensor DPMSolverMultistepScheduler::second_order_update(size_t step_index, const at::Tensor& sample) const {
  const NoiseLevel t = noise_level(sigmas_[int64_t(step_index) + 1]);
  const NoiseLevel s0 = noise_level(sigmas_[int64_t(step_index)]);
  const NoiseLevel s1 = noise_level(sigmas_[int64_t(step_index) - 1]);
  const at::Tensor& m0 = model_outputs_[1];
  const at::Tensor& m1 = model_outputs_[0];
  const at::Tensor h = t.lambda - s0.lambda;
  const at::Tensor h_0 = s0.lambda - s1.lambda;
  const at::Tensor r0 = h_0 / h;
  const at::Tensor& D0 = m0;
  const at::Tensor D1 = (1.0 / r0) * (m0 - m1);
  const at::Tensor x_t = (t.sigma / s0.sigma) * sample - (t.alpha * (at::exp(-h) - 1.0)) * D0;
  if (heun_) return x_t + (t.alpha * ((at::exp(-h) - 1.0) / h + 1.0)) * D1;
  return x_t - 0.5 * (t.alpha * (at::exp(-h) - 1.0)) * D1;
}

StepOutput DPMSolverMultistepScheduler::step_at(const at::Tensor& model_output, size_t step_index,
                                                const at::Tensor& sample, NoiseSource&) {
  const size_t calls = timesteps().size();
  const bool lower_order_final =
      step_index == calls - 1 && (euler_at_final_ || (lower_order_final_ && calls < 15) || !final_sigma_min_);

  StepOutput output;
  output.pred_original_sample = convert_model_output(model_output, step_index, sample);
  if (model_outputs_.size() == 2) model_outputs_.erase(model_outputs_.begin());
  model_outputs_.push_back(output.pred_original_sample);

  const at::Tensor sample32 = sample.to(at::kFloat);
  const at::Tensor prev = lower_order_nums_ < 1 || lower_order_final
                              ? first_order_update(output.pred_original_sample, step_index, sample32)
                              : second_order_update(step_index, sample32);
  if (lower_order_nums_ < 2) ++lower_order_nums_;
  output.prev_sample = prev.to(model_output.scalar_type());
  return output;
}

at::Tensor DPMSolverMultistepScheduler::add_noise_at(const at::Tensor& original, const at::Tensor& noise,
                                                     size_t step_index) const {
  const NoiseLevel level = noise_level(sigmas_.to(original.device(), original.scalar_type())[int64_t(step_index)]);
  return level.alpha * original + level.sigma * noise;
}

}  // namespace bksdm
