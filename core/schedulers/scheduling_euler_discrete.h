#pragma once
#include <optional>
#include <string>

#include "core/schedulers/noise_schedule.h"
#include "core/schedulers/scheduler.h"

namespace bksdm {

class SchedulerConfig;

// diffusers' EulerDiscreteScheduler (Karras et al.'s Algorithm 2 without churn): the U-Net sees
// fractional timesteps and inputs scaled by 1 / sqrt(sigma^2 + 1).
class EulerDiscreteScheduler : public Scheduler {
 public:
  explicit EulerDiscreteScheduler(const SchedulerConfig& config);
  std::string_view name() const override { return "euler"; }

  double init_noise_sigma() const override;
  at::Tensor scale_model_input(const at::Tensor& sample, size_t step_index) const override;
  // The noise level of each call and a final one: [calls + 1] float32.
  const at::Tensor& sigmas() const { return sigmas_; }

 protected:
  // How the sigmas are laid out; Euler ancestral has none of these settings.
  struct SigmaLayout {
    bool karras = false;
    std::optional<double> sigma_min, sigma_max;  // the Karras range, else the schedule's
    bool final_sigma_min = false;                // else the run ends at sigma 0
  };
  EulerDiscreteScheduler(const SchedulerConfig& config, const SigmaLayout& layout, std::string_view name);

  // x0 from an epsilon or v prediction at noise level `sigma`.
  at::Tensor predict_original_sample(const at::Tensor& model_output, const at::Tensor& sigma,
                                     const at::Tensor& sample) const;
  std::vector<double> plan(int num_inference_steps) override;
  StepOutput step_at(const at::Tensor& model_output, size_t step_index, const at::Tensor& sample,
                     NoiseSource& noise_source) override;
  at::Tensor add_noise_at(const at::Tensor& original, const at::Tensor& noise, size_t step_index) const override;

 private:
  static SigmaLayout sigma_layout(const SchedulerConfig& config);
  std::vector<double> spaced_timesteps(int num_inference_steps) const;

  NoiseSchedule schedule_;
  bool v_prediction_;
  std::string timestep_spacing_;
  int steps_offset_;
  SigmaLayout layout_;
  at::Tensor sigmas_;
};

}  // namespace bksdm
