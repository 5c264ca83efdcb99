#include "core/schedulers/scheduling_ddim.h"

#include <algorithm>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/schedulers/numpy_compat.h"
#include "core/schedulers/scheduler_config.h"

namespace bksdm {

DDIMScheduler::DDIMScheduler(const SchedulerConfig& config, double eta)
    : Scheduler(config.integer("num_train_timesteps", 1000)),
      schedule_(config),
      eta_(eta),
      clip_sample_(config.boolean("clip_sample", true)),
      clip_sample_range_(config.number("clip_sample_range", 1.0)),
      final_alpha_cumprod_(config.boolean("set_alpha_to_one", true) ? at::scalar_tensor(1.0, at::kFloat)
                                                                    : schedule_.alpha_prod(0)),
      v_prediction_(config.choice("prediction_type", "epsilon", {"epsilon", "v_prediction"}) == "v_prediction"),
      timestep_spacing_(config.choice("timestep_spacing", "leading", {"linspace", "leading", "trailing"})),
      steps_offset_(config.integer("steps_offset", 0)) {
  config.require("thresholding", false, name());
  config.require("rescale_betas_zero_snr", false, name());
  if (!(eta >= 0)) throw Error("ddim: eta must be 0 or more, got " + std::to_string(eta));
}

std::vector<double> DDIMScheduler::plan(int num_inference_steps) {
  num_inference_steps_ = num_inference_steps;
  const int train_steps = num_train_timesteps();
  std::vector<double> timesteps;
  if (timestep_spacing_ == "linspace") {
    timesteps = numpy::round(numpy::linspace(0, train_steps - 1, num_inference_steps));
    std::reverse(timesteps.begin(), timesteps.end());
  } else if (timestep_spacing_ == "leading") {
    const int step_ratio = train_steps / num_inference_steps;
    for (int i = num_inference_steps - 1; i >= 0; --i) timesteps.push_back(i * step_ratio + steps_offset_);
  } else {
    const double step_ratio = double(train_steps) / num_inference_steps;
    for (double t : numpy::arange(train_steps, 0, -step_ratio)) timesteps.push_back(numpy::round(t) - 1);
  }
  return timesteps;
}

StepOutput DDIMScheduler::step_at(const at::Tensor& model_output, size_t step_index, const at::Tensor& sample,
                                  NoiseSource& noise_source) {
  const int timestep = int(timesteps()[step_index]);
  const int prev_timestep = timestep - num_train_timesteps() / num_inference_steps_;
  const at::Tensor alpha_prod_t = schedule_.alpha_prod(timestep);
  const at::Tensor alpha_prod_t_prev = prev_timestep >= 0 ? schedule_.alpha_prod(prev_timestep) : final_alpha_cumprod_;
  const at::Tensor beta_prod_t = 1 - alpha_prod_t;
  const at::Tensor beta_prod_t_prev = 1 - alpha_prod_t_prev;

  StepOutput output;
  at::Tensor pred_epsilon;
  if (v_prediction_) {
    output.pred_original_sample = alpha_prod_t.pow(0.5) * sample - beta_prod_t.pow(0.5) * model_output;
    pred_epsilon = alpha_prod_t.pow(0.5) * model_output + beta_prod_t.pow(0.5) * sample;
  } else {
    output.pred_original_sample = (sample - beta_prod_t.pow(0.5) * model_output) / alpha_prod_t.pow(0.5);
    pred_epsilon = model_output;
  }
  if (clip_sample_)
    output.pred_original_sample = output.pred_original_sample.clamp(-clip_sample_range_, clip_sample_range_);

  const at::Tensor variance = (beta_prod_t_prev / beta_prod_t) * (1 - alpha_prod_t / alpha_prod_t_prev);
  const at::Tensor std_dev_t = eta_ * variance.pow(0.5);
  const at::Tensor pred_sample_direction = (1 - alpha_prod_t_prev - std_dev_t.pow(2)).pow(0.5) * pred_epsilon;
  output.prev_sample = alpha_prod_t_prev.pow(0.5) * output.pred_original_sample + pred_sample_direction;
  if (eta_ > 0) {
    const at::Tensor noise =
        noise_source.randn(model_output.sizes(), model_output.scalar_type(), model_output.device());
    output.prev_sample = output.prev_sample + std_dev_t * noise;
  }
  return output;
}

at::Tensor DDIMScheduler::add_noise_at(const at::Tensor& original, const at::Tensor& noise, size_t step_index) const {
  return schedule_.add_noise(original, noise, int(timesteps()[step_index]));
}

}  // namespace bksdm
