#include "app/devices.h"

#include <torch/cuda.h>

namespace bksdm {

QStringList availableDevices() {
  QStringList devices{QStringLiteral("cpu")};
  if (torch::cuda::is_available()) devices << QStringLiteral("cuda");
  return devices;
}

}  // namespace bksdm
