#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/schedulers/noise_schedule.h"
#include "core/schedulers/scheduler.h"

namespace bksdm {

class SchedulerConfig;

// diffusers' DPMSolverMultistepScheduler as DPM-Solver++(2M): algorithm dpmsolver++, solver order 2.
// The first step is first order (no history yet), and so is the last (final sigma 0, or fewer than
// 15 steps with lower_order_final). With use_karras_sigmas the U-Net gets the Karras sigmas'
// timesteps rounded to integers while the solver uses the sigmas themselves.
class DPMSolverMultistepScheduler : public Scheduler {
 public:
  explicit DPMSolverMultistepScheduler(const SchedulerConfig& config);
  std::string_view name() const override { return karras_ ? "dpmpp_2m_karras" : "dpmpp_2m"; }

  // The noise level of each call and a final one: [calls + 1] float32.
  const at::Tensor& sigmas() const { return sigmas_; }

 private:
  std::vector<double> plan(int num_inference_steps) override;
  std::vector<double> spaced_timesteps(int num_inference_steps) const;
  StepOutput step_at(const at::Tensor& model_output, size_t step_index, const at::Tensor& sample,
                     NoiseSource& noise_source) override;
  at::Tensor add_noise_at(const at::Tensor& original, const at::Tensor& noise, size_t step_index) const override;
  // The data prediction x0 (DPM-Solver++ works on x0, whatever the model predicts).
  at::Tensor convert_model_output(const at::Tensor& model_output, size_t step_index, const at::Tensor& sample) const;
  at::Tensor first_order_update(const at::Tensor& x0, size_t step_index, const at::Tensor& sample) const;
  at::Tensor second_order_update(size_t step_index, const at::Tensor& sample) const;

  NoiseSchedule schedule_;
  bool v_prediction_;
  bool heun_;  // else midpoint
  bool lower_order_final_;
  bool euler_at_final_;
  bool karras_;
  std::optional<double> sigma_min_, sigma_max_;  // the Karras range, else the schedule's
  bool final_sigma_min_;                         // else the run ends at sigma 0
  std::string timestep_spacing_;
  int steps_offset_;

  at::Tensor sigmas_;
  std::vector<at::Tensor> model_outputs_;  // the x0 of the last two steps, oldest first
  int lower_order_nums_ = 0;
};

}  // namespace bksdm
