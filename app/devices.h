#pragma once
#include <QString>
#include <QStringList>

namespace bksdm {

// The GPU CUDA runs on, as its driver reports it.
struct GpuInfo {
  QString name;  // "" without a GPU
  qint64 totalBytes = 0;
  bool bf16 = false;  // computes in bfloat16 (compute capability 8.0 and later)
};

// The devices this build of libtorch can run on: "cpu", and "cuda" where a GPU is usable.
QStringList availableDevices();

// The first GPU the driver reports; no name where there is none.
GpuInfo cudaGpu();

}  // namespace bksdm
