#pragma once
#include <ATen/core/Tensor.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <limits>

// Wall-clock timing for the benchmarks. On a shared machine single runs are noisy: the best of
// several is the figure that says what the code can do.
namespace bksdm::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Waits for the device's queued work on `tensor` (a GPU runs asynchronously); nothing on the CPU.
inline void wait_for(const at::Tensor& tensor) {
  if (tensor.defined() && !tensor.is_cpu()) (void)tensor.flatten()[0].item<double>();
}

// The shortest of `repeat` runs of `run` (at least one), in seconds.
inline double best_seconds(int repeat, const std::function<at::Tensor()>& run) {
  double best = std::numeric_limits<double>::infinity();
  for (int i = 0; i < std::max(repeat, 1); ++i) {
    const auto start = Clock::now();
    wait_for(run());
    best = std::min(best, seconds_since(start));
  }
  return best;
}

}  // namespace bksdm::bench
