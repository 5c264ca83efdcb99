#pragma once
#include "core/schedulers/scheduling_euler_discrete.h"

namespace bksdm {

// diffusers' EulerAncestralDiscreteScheduler: an Euler step down to sigma_down, then fresh noise
// of sigma_up from the run's noise source, at every step (the last one draws it too, with sigma_up 0).
class EulerAncestralDiscreteScheduler : public EulerDiscreteScheduler {
 public:
  explicit EulerAncestralDiscreteScheduler(const SchedulerConfig& config);
  std::string_view name() const override { return "euler_a"; }

 private:
  StepOutput step_at(const at::Tensor& model_output, size_t step_index, const at::Tensor& sample,
                     NoiseSource& noise_source) override;
};

}  // namespace bksdm
