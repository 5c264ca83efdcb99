#pragma once
#include <QString>

namespace bksdm {

// How the worker loads a model: the pipeline's LoadOptions in the UI's terms.
struct EngineOptions {
  QString device = QStringLiteral("cpu");
  int threads = 0;  // 0: all cores
};

inline bool operator==(const EngineOptions& a, const EngineOptions& b) {
  return a.device == b.device && a.threads == b.threads;
}

}  // namespace bksdm
