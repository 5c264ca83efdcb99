#include "app/token_counter.h"
#include "app/pool_task.h"

#include <algorithm>

#include "app/generation_params.h"

#include <QList>
#include <qcoro/qcorofuture.h>

namespace bksdm {
namespace {

// Offsets where words start. CLIP tokenizes word by word, so the count of a prefix ending before a
// word start only grows with the prefix: a binary search over these finds the first cut word.
QList<int> wordStarts(const QString& text) {
  QList<int> starts;
  for (int i = 0; i < text.size(); ++i)
    if (!text[i].isSpace() && (i == 0 || text[i - 1].isSpace())) starts << i;
  return starts;
}

}  // namespace

int TokenCount::limit(bool plainText) { return promptChunkTokens() * (plainText ? 1 : maxPromptChunks()); }

TokenCount TokenCounter::countNow(const CountTokensFunction& countTokens, const QString& text, bool plainText,
                                  const QString& embeddingsFolder) {
  TokenCount count;
  if (!countTokens) return count;
  const std::string embeddings = embeddingsFolder.toStdString();
  count.valid = true;
  count.tokens = countTokens(text.toStdString(), plainText, embeddings);
  count.chunks = plainText ? 1 : std::max(1, (count.tokens + promptChunkTokens() - 1) / promptChunkTokens());
  const int limit = TokenCount::limit(plainText);
  if (count.tokens <= limit) return count;
  const QList<int> starts = wordStarts(text);
  // Find the first word whose end pushes the count past the limit.
  int low = 0, high = starts.size() - 1;
  while (low < high) {
    const int middle = (low + high) / 2;
    const int end = middle + 1 < starts.size() ? starts[middle + 1] : text.size();
    if (countTokens(text.left(end).toStdString(), plainText, embeddings) > limit)
      high = middle;
    else
      low = middle + 1;
  }
  count.cutAt = starts.isEmpty() ? 0 : starts[low];
  return count;
}

QCoro::Task<TokenCount> TokenCounter::count(QString text, bool plainText) const {
  // Named, not a temporary inside co_await: GCC 12 destroys such lambda temporaries twice.
  QFuture<TokenCount> counted = runInPool(
      [countTokens = countTokens_, text = std::move(text), plainText, folder = embeddingsFolder_] {
        return countNow(countTokens, text, plainText, folder);
      });
  co_return co_await counted;
}

}  // namespace bksdm
