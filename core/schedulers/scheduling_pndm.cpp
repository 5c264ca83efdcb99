#include "core/schedulers/scheduling_pndm.h"

#include <algorithm>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/schedulers/numpy_compat.h"
#include "core/schedulers/scheduler_config.h"

namespace bksdm {

PNDMScheduler::PNDMScheduler(const SchedulerConfig& config)
    : Scheduler(config.integer("num_train_timesteps", 1000)),
      schedule_(config),
      skip_prk_steps_(config.boolean("skip_prk_steps", false)),
      final_alpha_cumprod_(config.boolean("set_alpha_to_one", false) ? at::scalar_tensor(1.0, at::kFloat)
                                                                     : schedule_.alpha_prod(0)),
      v_prediction_(config.choice("prediction_type", "epsilon", {"epsilon", "v_prediction"}) == "v_prediction"),
      timestep_spacing_(config.choice("timestep_spacing", "leading", {"linspace", "leading", "trailing"})),
      steps_offset_(config.integer("steps_offset", 0)) {}

// diffusers' `_timesteps`: ascending.
std::vector<int> PNDMScheduler::spaced_timesteps(int num_inference_steps) const {
  const int train_steps = num_train_timesteps();
  std::vector<int> timesteps;
  if (timestep_spacing_ == "linspace") {
    for (double t : numpy::linspace(0, train_steps - 1, num_inference_steps)) timesteps.push_back(int(numpy::round(t)));
  } else if (timestep_spacing_ == "leading") {
    const int step_ratio = train_steps / num_inference_steps;
    for (int i = 0; i < num_inference_steps; ++i) timesteps.push_back(i * step_ratio + steps_offset_);
  } else {
    const double step_ratio = double(train_steps) / num_inference_steps;
    for (double t : numpy::arange(train_steps, 0, -step_ratio)) timesteps.push_back(int(numpy::round(t)) - 1);
    std::reverse(timesteps.begin(), timesteps.end());
  }
  return timesteps;
}

std::vector<double> PNDMScheduler::plan(int num_inference_steps) {
  num_inference_steps_ = num_inference_steps;
  counter_ = 0;
  ets_.clear();
  cur_sample_ = at::Tensor();
  cur_model_output_ = at::Tensor();
  prk_timesteps_.clear();

  const std::vector<int> spaced = spaced_timesteps(num_inference_steps);
  std::vector<int> plms;
  if (skip_prk_steps_) {
    // Every timestep once, the second-to-last (in time order: the second call) twice.
    plms.assign(spaced.begin(), spaced.end() - 1);
    if (spaced.size() >= 2) plms.push_back(spaced[spaced.size() - 2]);
    plms.push_back(spaced.back());
  } else {
    if (spaced.size() < 4)
      throw Error("pndm: without skip_prk_steps the Runge-Kutta warm-up needs at least 4 steps, got " +
                  std::to_string(num_inference_steps));
    // The last four timesteps, each followed by its half-step point, then every point doubled except
    // the first and the last: three Runge-Kutta steps of four calls each.
    const int half_step = num_train_timesteps() / num_inference_steps / 2;
    std::vector<int> points;
    for (size_t i = spaced.size() - 4; i < spaced.size(); ++i) {
      points.push_back(spaced[i]);
      points.push_back(spaced[i] + half_step);
    }
    points.pop_back();
    for (size_t i = 0; i < points.size(); ++i) {
      if (i > 0) prk_timesteps_.push_back(points[i]);
      if (i + 1 < points.size()) prk_timesteps_.push_back(points[i]);
    }
    std::reverse(prk_timesteps_.begin(), prk_timesteps_.end());
    plms.assign(spaced.begin(), spaced.end() - 3);
  }
  std::reverse(plms.begin(), plms.end());

  std::vector<double> timesteps(prk_timesteps_.begin(), prk_timesteps_.end());
  timesteps.insert(timesteps.end(), plms.begin(), plms.end());
  return timesteps;
}

StepOutput PNDMScheduler::step_at(const at::Tensor& model_output, size_t step_index, const at::Tensor& sample,
                                  NoiseSource&) {
  const int timestep = int(timesteps()[step_index]);
  if (size_t(counter_) < prk_timesteps_.size()) return step_prk(model_output, timestep, sample);
  return step_plms(model_output, timestep, sample);
}

StepOutput PNDMScheduler::step_prk(const at::Tensor& model_output, int timestep, const at::Tensor& sample) {
  const int diff_to_prev = counter_ % 2 ? 0 : num_train_timesteps() / num_inference_steps_ / 2;
  const int prev_timestep = timestep - diff_to_prev;
  timestep = prk_timesteps_[size_t(counter_ / 4 * 4)];

  at::Tensor combined = model_output;
  switch (counter_ % 4) {
    case 0:
      cur_model_output_ = (1.0 / 6) * model_output;
      ets_.push_back(model_output);
      cur_sample_ = sample;
      break;
    case 1:
    case 2:
      cur_model_output_ = cur_model_output_ + (1.0 / 3) * model_output;
      break;
    default:
      combined = cur_model_output_ + (1.0 / 6) * model_output;
      cur_model_output_ = at::Tensor();
  }
  const at::Tensor& from = cur_sample_.defined() ? cur_sample_ : sample;
  StepOutput output = prev_sample(from, timestep, prev_timestep, combined);
  ++counter_;
  return output;
}

StepOutput PNDMScheduler::step_plms(const at::Tensor& model_output, int timestep, const at::Tensor& sample) {
  const int step_ratio = num_train_timesteps() / num_inference_steps_;
  int prev_timestep = timestep - step_ratio;
  if (counter_ != 1) {
    if (ets_.size() > 3) ets_.erase(ets_.begin(), ets_.end() - 3);
    ets_.push_back(model_output);
  } else {
    // The repeated call: redo the first step from its start with the averaged noise (Heun).
    prev_timestep = timestep;
    timestep = timestep + step_ratio;
  }

  at::Tensor from = sample;
  at::Tensor eps;
  const size_t n = ets_.size();
  if (n == 1 && counter_ == 0) {
    eps = model_output;
    cur_sample_ = sample;
  } else if (n == 1 && counter_ == 1) {
    eps = (model_output + ets_.back()) / 2;
    from = cur_sample_;
    cur_sample_ = at::Tensor();
  } else if (n == 2) {
    eps = (3 * ets_[n - 1] - ets_[n - 2]) / 2;
  } else if (n == 3) {
    eps = (23 * ets_[n - 1] - 16 * ets_[n - 2] + 5 * ets_[n - 3]) / 12;
  } else {
    eps = (1.0 / 24) * (55 * ets_[n - 1] - 59 * ets_[n - 2] + 37 * ets_[n - 3] - 9 * ets_[n - 4]);
  }
  StepOutput output = prev_sample(from, timestep, prev_timestep, eps);
  ++counter_;
  return output;
}

StepOutput PNDMScheduler::prev_sample(const at::Tensor& sample, int timestep, int prev_timestep,
                                      const at::Tensor& model_output) const {
  const at::Tensor alpha_prod_t = schedule_.alpha_prod(timestep);
  const at::Tensor alpha_prod_t_prev = prev_timestep >= 0 ? schedule_.alpha_prod(prev_timestep) : final_alpha_cumprod_;
  const at::Tensor beta_prod_t = 1 - alpha_prod_t;
  const at::Tensor beta_prod_t_prev = 1 - alpha_prod_t_prev;

  const at::Tensor eps =
      v_prediction_ ? alpha_prod_t.pow(0.5) * model_output + beta_prod_t.pow(0.5) * sample : model_output;
  const at::Tensor sample_coeff = (alpha_prod_t_prev / alpha_prod_t).pow(0.5);
  const at::Tensor model_output_denom_coeff =
      alpha_prod_t * beta_prod_t_prev.pow(0.5) + (alpha_prod_t * beta_prod_t * alpha_prod_t_prev).pow(0.5);

  StepOutput output;
  output.prev_sample = sample_coeff * sample - (alpha_prod_t_prev - alpha_prod_t) * eps / model_output_denom_coeff;
  // diffusers' PNDM computes no x0; this is DDIM's from the same noise estimate.
  output.pred_original_sample = (sample - beta_prod_t.pow(0.5) * eps) / alpha_prod_t.pow(0.5);
  return output;
}

at::Tensor PNDMScheduler::add_noise_at(const at::Tensor& original, const at::Tensor& noise, size_t step_index) const {
  return schedule_.add_noise(original, noise, int(timesteps()[step_index]));
}

}  // namespace bksdm
