#pragma once
#include <string>

#include "core/schedulers/noise_schedule.h"
#include "core/schedulers/scheduler.h"

namespace bksdm {

class SchedulerConfig;

// diffusers' DDIMScheduler; `eta` > 0 adds noise from the run's noise source at every step.
class DDIMScheduler : public Scheduler {
 public:
  DDIMScheduler(const SchedulerConfig& config, double eta);
  std::string_view name() const override { return "ddim"; }

 private:
  std::vector<double> plan(int num_inference_steps) override;
  StepOutput step_at(const at::Tensor& model_output, size_t step_index, const at::Tensor& sample,
                     NoiseSource& noise_source) override;
  at::Tensor add_noise_at(const at::Tensor& original, const at::Tensor& noise, size_t step_index) const override;

  NoiseSchedule schedule_;
  double eta_;
  bool clip_sample_;
  double clip_sample_range_;
  at::Tensor final_alpha_cumprod_;
  bool v_prediction_;
  std::string timestep_spacing_;
  int steps_offset_;
  int num_inference_steps_ = 0;
};

}  // namespace bksdm
