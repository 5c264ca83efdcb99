#include "core/schedulers/scheduling_euler_ancestral_discrete.h"

#include <ATen/ATen.h>

namespace bksdm {

EulerAncestralDiscreteScheduler::EulerAncestralDiscreteScheduler(const SchedulerConfig& config)
    : EulerDiscreteScheduler(config, SigmaLayout{}, "euler_a") {}

StepOutput EulerAncestralDiscreteScheduler::step_at(const at::Tensor& model_output, size_t step_index,
                                                    const at::Tensor& sample, NoiseSource& noise_source) {
  const at::Tensor sigma = sigmas()[int64_t(step_index)];
  const at::Tensor sample32 = sample.to(at::kFloat);
  StepOutput output;
  output.pred_original_sample = predict_original_sample(model_output, sigma, sample32);

  const at::Tensor& sigma_from = sigma;
  const at::Tensor sigma_to = sigmas()[int64_t(step_index) + 1];
  const at::Tensor sigma_up = (sigma_to.pow(2) * (sigma_from.pow(2) - sigma_to.pow(2)) / sigma_from.pow(2)).pow(0.5);
  const at::Tensor sigma_down = (sigma_to.pow(2) - sigma_up.pow(2)).pow(0.5);
  const at::Tensor derivative = (sample32 - output.pred_original_sample) / sigma;
  const at::Tensor dt = sigma_down - sigma;
  const at::Tensor noise =
      noise_source.randn(model_output.sizes(), model_output.scalar_type(), model_output.device());
  output.prev_sample = (sample32 + derivative * dt + noise * sigma_up).to(model_output.scalar_type());
  return output;
}

}  // namespace bksdm
