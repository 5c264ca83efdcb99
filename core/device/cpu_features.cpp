#include "core/device/cpu_features.h"

#include <fstream>

namespace bksdm {

std::string cpu_flags() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);)
    if (line.rfind("flags", 0) == 0 && line.find(':') != std::string::npos) return " " + line.substr(line.find(':') + 1) + " ";
  return {};
}

bool cpu_has_bf16() {
  const std::string flags = cpu_flags();
  return flags.find(" avx512_bf16 ") != std::string::npos || flags.find(" amx_bf16 ") != std::string::npos;
}

}  // namespace bksdm
