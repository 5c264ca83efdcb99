#pragma once
#include <QString>

namespace bksdm {

// How the worker loads a model: the pipeline's LoadOptions in the UI's terms.
struct EngineOptions {
  QString device = QStringLiteral("cpu");
  int threads = 0;  // 0: all cores
  bool lowMemory = false;  // LoadOptions::low_memory: fp16 weights, about half the memory, CPU only
};

inline bool operator==(const EngineOptions& a, const EngineOptions& b) {
  return a.device == b.device && a.threads == b.threads && a.lowMemory == b.lowMemory;
}

}  // namespace bksdm
