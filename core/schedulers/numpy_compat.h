#pragma once
#include <vector>

// The few numpy routines diffusers lays its schedules out with, reproduced operation for operation
// in float64 so that timesteps and sigmas come out bit-identical to numpy's.
namespace bksdm::numpy {

// np.linspace(start, stop, num): i * step + start, the last element set to `stop`.
std::vector<double> linspace(double start, double stop, int num);

// np.arange(start, stop, step) with a float step: numpy fills start + i * (start + step - start).
std::vector<double> arange(double start, double stop, double step);

// np.round / ndarray.round(): round half to even.
double round(double x);
std::vector<double> round(std::vector<double> values);

// np.interp(x, [0, 1, ..., fp.size() - 1], fp).
double interp(double x, const std::vector<double>& fp);

}  // namespace bksdm::numpy
