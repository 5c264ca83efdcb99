#include "core/schedulers/numpy_compat.h"

#include <algorithm>
#include <cmath>

namespace bksdm::numpy {

std::vector<double> linspace(double start, double stop, int num) {
  std::vector<double> values(size_t(std::max(num, 0)));
  if (num == 1) values[0] = start;
  if (num < 2) return values;
  const double step = (stop - start) / double(num - 1);
  for (int i = 0; i < num; ++i) values[size_t(i)] = double(i) * step + start;
  values.back() = stop;
  return values;
}

std::vector<double> arange(double start, double stop, double step) {
  const double length = std::ceil((stop - start) / step);
  std::vector<double> values(length > 0 ? size_t(length) : 0);
  if (values.empty()) return values;
  values[0] = start;
  if (values.size() == 1) return values;
  values[1] = start + step;
  const double delta = values[1] - start;
  for (size_t i = 2; i < values.size(); ++i) values[i] = start + double(i) * delta;
  return values;
}

double round(double x) {
  // nearbyint rounds half to even in the default rounding mode, as numpy's rint does.
  return std::nearbyint(x);
}

std::vector<double> round(std::vector<double> values) {
  for (double& value : values) value = round(value);
  return values;
}

double interp(double x, const std::vector<double>& fp) {
  const double last = double(fp.size() - 1);
  if (!(x > 0)) return fp.front();
  if (x >= last) return fp.back();
  const size_t j = size_t(std::floor(x));
  if (double(j) == x) return fp[j];
  const double slope = fp[j + 1] - fp[j];  // the x-spacing is 1
  return slope * (x - double(j)) + fp[j];
}

}  // namespace bksdm::numpy
