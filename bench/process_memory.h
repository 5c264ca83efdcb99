#pragma once
#include <sys/resource.h>

#include <cstdint>
#include <fstream>
#include <string>

// The process's resident memory (Linux: /proc/self/status; elsewhere getrusage's peak).
namespace bksdm::bench {

namespace detail {

// A "Name:   1234 kB" line of /proc/self/status in bytes, or -1.
inline int64_t proc_status_bytes(const std::string& name) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(name + ":", 0) == 0) return std::stoll(line.substr(name.size() + 1)) * 1024;
  }
  return -1;
}

}  // namespace detail

// The resident set size now, in bytes (Linux; -1 elsewhere).
inline int64_t rss_bytes() { return detail::proc_status_bytes("VmRSS"); }

// The peak resident set size so far (since the last reset_peak_rss), in bytes.
inline int64_t peak_rss_bytes() {
  const int64_t high_water_mark = detail::proc_status_bytes("VmHWM");
  if (high_water_mark >= 0) return high_water_mark;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return int64_t{usage.ru_maxrss} * 1024;  // kilobytes on Linux
}

// Starts a new peak from the current resident size (Linux 4.0+); false where that is not possible,
// and the peak then stays the process's.
inline bool reset_peak_rss() {
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
  clear_refs.flush();
  return clear_refs.good();
}

}  // namespace bksdm::bench
