#pragma once
#include <QString>

namespace bksdm {

// How the worker loads a model: the pipeline's LoadOptions in the UI's terms.
struct EngineOptions {
  QString device = QStringLiteral("cpu");
  int threads = 0;  // 0: all cores
  bool lowMemory = false;  // LoadOptions::low_memory: fp16 weights, about half the memory, CPU only
  // What a GPU computes in: "fp16" (half the memory, tensor cores), "fp32", or "bf16" on cards that
  // have it. The CPU always computes in fp32.
  QString precision = QStringLiteral("fp16");
  // A VAE folder in place of the model's (LoadOptions::vae, e.g. stabilityai/sd-vae-ft-mse's);
  // empty: the model's own.
  QString vae;
  // On a CPU with bf16 units (avx512_bf16, AMX): the model computes in bf16, faster, the images
  // slightly different; else in fp32.
  bool cpuBf16 = false;

  // LoadOptions::dtype for this device.
  QString dtype() const {
    if (device != QStringLiteral("cpu")) return precision;
    return cpuBf16 ? QStringLiteral("bf16") : QStringLiteral("fp32");
  }
};

inline bool operator==(const EngineOptions& a, const EngineOptions& b) {
  return a.device == b.device && a.threads == b.threads && a.lowMemory == b.lowMemory && a.precision == b.precision &&
         a.vae == b.vae && a.cpuBf16 == b.cpuBf16;
}

}  // namespace bksdm
