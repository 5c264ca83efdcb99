#pragma once
#include <ATen/core/Tensor.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <limits>

// Timing for the benchmarks. On a shared machine single runs are noisy: the best of several is
// the figure that says what the code can do. The process's CPU time comes with it: with one thread
// it is what the wall time would be on an idle machine; with more it adds up every thread's work,
// time spent waiting in a parallel region's barrier included.
namespace bksdm::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Seconds of CPU time of all the process's threads so far.
inline double process_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return double(now.tv_sec) + 1e-9 * double(now.tv_nsec);
}

// Waits for the device's queued work on `tensor` (a GPU runs asynchronously); nothing on the CPU.
inline void wait_for(const at::Tensor& tensor) {
  if (tensor.defined() && !tensor.is_cpu()) (void)tensor.flatten()[0].item<double>();
}

struct Timing {
  double seconds = std::numeric_limits<double>::infinity();      // wall clock
  double cpu_seconds = std::numeric_limits<double>::infinity();  // CPU time of the process
};

// The shortest wall and CPU times of `repeat` runs of `run` (at least one).
inline Timing best_of(int repeat, const std::function<at::Tensor()>& run) {
  Timing best;
  for (int i = 0; i < std::max(repeat, 1); ++i) {
    const auto start = Clock::now();
    const double cpu_start = process_cpu_seconds();
    wait_for(run());
    best.seconds = std::min(best.seconds, seconds_since(start));
    best.cpu_seconds = std::min(best.cpu_seconds, process_cpu_seconds() - cpu_start);
  }
  return best;
}

}  // namespace bksdm::bench
