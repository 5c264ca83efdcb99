#pragma once
#include <vector>

// The sigma arithmetic the k-diffusion style schedulers (Euler, DPM-Solver) share, in float64 as
// diffusers does it with numpy.
namespace bksdm {

// Karras et al. (2022): `num_inference_steps` sigmas from sigma_max down to sigma_min, evenly spaced
// in sigma^(1/7).
std::vector<double> karras_sigmas(double sigma_min, double sigma_max, int num_inference_steps);

// np.log of the float32 training sigmas: float32, as numpy keeps it.
std::vector<float> log_sigmas(const std::vector<double>& training_sigmas);

// diffusers' _sigma_to_t: the fractional training timestep of `sigma`, interpolating linearly in
// log sigma between the two neighbouring training timesteps.
double sigma_to_t(double sigma, const std::vector<float>& log_sigmas);

}  // namespace bksdm
