#pragma once
#include <string>

namespace bksdm {

// Whether this CPU computes bf16 in hardware (AVX-512 BF16 or AMX, as /proc/cpuinfo names them):
// where it does, bf16 matrix products run about twice as fast as fp32; where it does not, libtorch
// emulates them many times slower.
bool cpu_has_bf16();

// The first processor's `field` in /proc/cpuinfo ("model name", "flags"), or empty where there is
// none (not Linux).
std::string cpuinfo_field(const std::string& field);

}  // namespace bksdm
