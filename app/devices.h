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

// Whether this CPU computes bf16 in hardware (avx512_bf16 or AMX): only there is bf16 offered on
// the CPU, as elsewhere it runs many times slower than fp32.
bool cpuComputesBf16();

}  // namespace bksdm
