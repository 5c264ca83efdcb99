#pragma once
#include <QString>

#include <qcoro/qcorotask.h>

#include "app/loaded_model.h"

namespace bksdm {

// How a prompt fares against CLIP's window of 75 tokens (between start and end), which a run reads
// in chunks, up to a limit, in A1111's language, and cuts after the first as plain text.
struct TokenCount {
  int tokens = 0;   // A1111's count, before any cut: 75 for each full chunk, then the last's tokens
  int chunks = 1;
  int cutAt = -1;   // where in the text the cut part starts (at a word), -1 when it all fits
  bool valid = false;  // false without a model

  // The tokens a run reads at most.
  static int limit(bool plainText = false);
};

// Counts as the loaded model's runs tokenize, off the UI thread.
class TokenCounter {
 public:
  void setCounter(CountTokensFunction countTokens) { countTokens_ = std::move(countTokens); }
  bool hasCounter() const { return static_cast<bool>(countTokens_); }
  // The textual-inversion embeddings' folder whose words count as their vectors; empty: none.
  void setEmbeddingsFolder(const QString& folder) { embeddingsFolder_ = folder; }
  const QString& embeddingsFolder() const { return embeddingsFolder_; }

  QCoro::Task<TokenCount> count(QString text, bool plainText = false) const;

  // The same, on the calling thread.
  static TokenCount countNow(const CountTokensFunction& countTokens, const QString& text, bool plainText = false,
                             const QString& embeddingsFolder = {});

 private:
  CountTokensFunction countTokens_;
  QString embeddingsFolder_;
};

}  // namespace bksdm
