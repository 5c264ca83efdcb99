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
  bool valid = false;  // false without a tokenizer
};

// Counts with the loaded model's own tokenizer, off the UI thread.
class TokenCounter {
 public:
  void setTokenizer(TokenizeFunction tokenize) { tokenize_ = std::move(tokenize); }
  bool hasTokenizer() const { return static_cast<bool>(tokenize_); }

  QCoro::Task<TokenCount> count(QString text) const;

  // The same, on the calling thread.
  static TokenCount countNow(const TokenizeFunction& tokenize, const QString& text);

 private:
  TokenizeFunction tokenize_;
};

}  // namespace bksdm
