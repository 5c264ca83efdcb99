#include "core/pipeline/variation_noise.h"

#include <vector>

namespace bksdm {
namespace {

// A1111's slerp(val, low, high) on one image's [4,h,w].
at::Tensor slerp(double val, const at::Tensor& low, const at::Tensor& high) {
  const at::Tensor low_norm = low / at::norm(low, 2, {1}, true);
  const at::Tensor high_norm = high / at::norm(high, 2, {1}, true);
  const at::Tensor dot = (low_norm * high_norm).sum(1);
  if (dot.mean().item<double>() > 0.9995) return low * val + high * (1 - val);
  const at::Tensor omega = at::acos(dot);
  const at::Tensor so = at::sin(omega);
  return (at::sin((1.0 - val) * omega) / so).unsqueeze(1) * low + (at::sin(val * omega) / so).unsqueeze(1) * high;
}

}  // namespace

at::Tensor variation_noise(const at::Tensor& seed_noise, const at::Tensor& subseed_noise, double strength) {
  std::vector<at::Tensor> images;
  for (int64_t i = 0; i < seed_noise.size(0); ++i) images.push_back(slerp(strength, seed_noise[i], subseed_noise[i]));
  return at::stack(images);
}

}  // namespace bksdm
