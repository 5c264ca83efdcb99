#include "app/devices.h"

#include <torch/cuda.h>

#include "core/device/cpu_features.h"
#include "core/device/cuda_devices.h"

namespace bksdm {

QStringList availableDevices() {
  QStringList devices{QStringLiteral("cpu")};
  if (torch::cuda::is_available()) devices << QStringLiteral("cuda");
  return devices;
}

GpuInfo cudaGpu() {
  const std::vector<CudaDevice> devices = cuda_devices();
  if (devices.empty()) return {};
  return {QString::fromStdString(devices.front().name), qint64(devices.front().total_bytes), devices.front().has_bf16()};
}

bool cpuComputesBf16() { return cpu_has_bf16(); }

}  // namespace bksdm
