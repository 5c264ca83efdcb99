#pragma once
#include <QString>

#include <qcoro/qcorotask.h>

#include "app/loaded_model.h"

namespace bksdm {

// How a prompt fares against CLIP's 77-token window (start + 75 + end).
struct TokenCount {
  static constexpr int kLimit = 75;
  int tokens = 0;   // between the start and end tokens, before any cut
  int cutAt = -1;   // where in the text the cut part starts (at a word), -1 when it all fits
  bool valid = false;  // false without a model
};

// Counts as the loaded model's runs tokenize, off the UI thread.
class TokenCounter {
 public:
  void setCounter(CountTokensFunction countTokens) { countTokens_ = std::move(countTokens); }
  bool hasCounter() const { return static_cast<bool>(countTokens_); }

  QCoro::Task<TokenCount> count(QString text) const;

  // The same, on the calling thread.
  static TokenCount countNow(const CountTokensFunction& countTokens, const QString& text);

 private:
  CountTokensFunction countTokens_;
};

}  // namespace bksdm
