#pragma once
// The NVIDIA GPUs the driver sees, asked through the driver's own library, opened at run time: a
// libtorch without CUDA headers (Debian's) can still name a card, its memory and what it computes
// in, and a machine without a driver just has none.
#include <cstdint>
#include <string>
#include <vector>

namespace bksdm {

struct CudaDevice {
  int index = 0;
  std::string name;
  uint64_t total_bytes = 0;
  int compute_major = 0;
  int compute_minor = 0;

  // bfloat16 arithmetic in hardware: compute capability 8.0 (Ampere) and later.
  bool has_bf16() const { return compute_major >= 8; }
};

// Every device of the driver `library` (the system's libcuda by default); empty when the library,
// the driver or a GPU is missing or the driver fails.
std::vector<CudaDevice> cuda_devices(const char* library = "libcuda.so.1");

}  // namespace bksdm
