#include "core/schedulers/sigma_schedule.h"

#include <algorithm>
#include <cmath>

#include "core/schedulers/numpy_compat.h"

namespace bksdm {

std::vector<double> karras_sigmas(double sigma_min, double sigma_max, int num_inference_steps) {
  const double rho = 7.0;
  const double min_inv_rho = std::pow(sigma_min, 1 / rho);
  const double max_inv_rho = std::pow(sigma_max, 1 / rho);
  std::vector<double> sigmas;
  for (double ramp : numpy::linspace(0, 1, num_inference_steps))
    sigmas.push_back(std::pow(max_inv_rho + ramp * (min_inv_rho - max_inv_rho), rho));
  return sigmas;
}

std::vector<float> log_sigmas(const std::vector<double>& training_sigmas) {
  std::vector<float> logs;
  for (double sigma : training_sigmas) logs.push_back(std::log(float(sigma)));
  return logs;
}

double sigma_to_t(double sigma, const std::vector<float>& log_sigmas) {
  const double log_sigma = std::log(std::max(sigma, 1e-10));
  // The last training timestep at or below `sigma` (numpy: argmax of a cumulative count), kept
  // one short of the end so that it has an upper neighbour.
  size_t low_idx = 0;
  for (size_t i = 0; i < log_sigmas.size(); ++i)
    if (log_sigma - double(log_sigmas[i]) >= 0) low_idx = i;
  low_idx = std::min(low_idx, log_sigmas.size() - 2);
  const size_t high_idx = low_idx + 1;
  const float low = log_sigmas[low_idx];
  const float high = log_sigmas[high_idx];
  // numpy subtracts the two float32 neighbours in float32, the rest in float64.
  const float low_minus_high = low - high;
  const double w = std::clamp((double(low) - log_sigma) / double(low_minus_high), 0.0, 1.0);
  return (1 - w) * double(low_idx) + w * double(high_idx);
}

}  // namespace bksdm
