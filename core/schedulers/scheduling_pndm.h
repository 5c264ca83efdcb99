#pragma once
#include <vector>

#include "core/schedulers/noise_schedule.h"
#include "core/schedulers/scheduler.h"

namespace bksdm {

class SchedulerConfig;

// diffusers' PNDMScheduler: pseudo linear multistep. With skip_prk_steps (the Stable Diffusion
// configs) the first step is redone Heun-style at the second call, which repeats the second
// timestep; without it, three Runge-Kutta steps of four calls each come first.
class PNDMScheduler : public Scheduler {
 public:
  explicit PNDMScheduler(const SchedulerConfig& config);
  std::string_view name() const override { return "pndm"; }

 private:
  std::vector<double> plan(int num_inference_steps) override;
  StepOutput step_at(const at::Tensor& model_output, size_t step_index, const at::Tensor& sample,
                     NoiseSource& noise_source) override;
  at::Tensor add_noise_at(const at::Tensor& original, const at::Tensor& noise, size_t step_index) const override;
  StepOutput step_prk(const at::Tensor& model_output, int timestep, const at::Tensor& sample);
  StepOutput step_plms(const at::Tensor& model_output, int timestep, const at::Tensor& sample);
  // The DDIM-like transfer from `timestep` to `prev_timestep` (formula 9 of the PNDM paper).
  StepOutput prev_sample(const at::Tensor& sample, int timestep, int prev_timestep,
                         const at::Tensor& model_output) const;
  std::vector<int> spaced_timesteps(int num_inference_steps) const;

  NoiseSchedule schedule_;
  bool skip_prk_steps_;
  at::Tensor final_alpha_cumprod_;
  bool v_prediction_;
  std::string timestep_spacing_;
  int steps_offset_;

  // The run's state, as diffusers keeps it.
  int num_inference_steps_ = 0;
  std::vector<int> prk_timesteps_;
  int counter_ = 0;
  std::vector<at::Tensor> ets_;  // the model outputs the multistep formula combines
  at::Tensor cur_sample_;
  at::Tensor cur_model_output_;
};

}  // namespace bksdm
