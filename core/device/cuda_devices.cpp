#include "core/device/cuda_devices.h"

#include <dlfcn.h>

#include <array>

namespace bksdm {
namespace {

// The CUDA driver API's C entry points, stable since CUDA 3.2 (the _v2 names since then too).
using Result = int;  // CUresult; 0 is CUDA_SUCCESS
using Init = Result (*)(unsigned);
using GetCount = Result (*)(int*);
using Get = Result (*)(int*, int);
using GetName = Result (*)(char*, int, int);
using TotalMem = Result (*)(size_t*, int);
using GetAttribute = Result (*)(int*, int, int);
constexpr int kComputeCapabilityMajor = 75;  // CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR
constexpr int kComputeCapabilityMinor = 76;

template <typename Function>
Function entry(void* library, const char* name) {
  return reinterpret_cast<Function>(dlsym(library, name));
}

}  // namespace

std::vector<CudaDevice> cuda_devices(const char* library) {
  // Never closed: libtorch's CUDA backend holds the same library.
  void* driver = dlopen(library, RTLD_NOW | RTLD_LOCAL);
  if (!driver) return {};
  const auto init = entry<Init>(driver, "cuInit");
  const auto get_count = entry<GetCount>(driver, "cuDeviceGetCount");
  const auto get = entry<Get>(driver, "cuDeviceGet");
  const auto get_name = entry<GetName>(driver, "cuDeviceGetName");
  const auto total_mem = entry<TotalMem>(driver, "cuDeviceTotalMem_v2");
  const auto get_attribute = entry<GetAttribute>(driver, "cuDeviceGetAttribute");
  int count = 0;
  if (!init || !get_count || !get || !get_name || !total_mem || !get_attribute || init(0) != 0 ||
      get_count(&count) != 0)
    return {};
  std::vector<CudaDevice> devices;
  for (int ordinal = 0; ordinal < count; ++ordinal) {
    int handle = 0;
    std::array<char, 256> name{};
    size_t bytes = 0;
    CudaDevice device;
    device.index = ordinal;
    if (get(&handle, ordinal) != 0 || get_name(name.data(), int(name.size()) - 1, handle) != 0 ||
        total_mem(&bytes, handle) != 0 || get_attribute(&device.compute_major, kComputeCapabilityMajor, handle) != 0 ||
        get_attribute(&device.compute_minor, kComputeCapabilityMinor, handle) != 0)
      continue;
    device.name = name.data();
    device.total_bytes = bytes;
    devices.push_back(device);
  }
  return devices;
}

}  // namespace bksdm
