#include "app/gallery/word_diff.h"

#include <QRegularExpression>

#include <vector>

namespace bksdm::gallery {
namespace {

QList<DiffPiece> split(const QString& text) {
  static const QRegularExpression pieces(QStringLiteral("[^\\s,]+|[\\s,]+"));
  QList<DiffPiece> result;
  for (auto it = pieces.globalMatch(text); it.hasNext();) result.append({it.next().captured(), false});
  return result;
}

bool isWord(const DiffPiece& piece) { return !piece.text.front().isSpace() && piece.text.front() != QChar(','); }

QStringList words(const QList<DiffPiece>& pieces) {
  QStringList result;
  for (const DiffPiece& piece : pieces)
    if (isWord(piece)) result.append(piece.text.toCaseFolded());
  return result;
}

// Which words of `a` are in a longest common subsequence with `b` (classic dynamic programming).
std::vector<bool> commonWords(const QStringList& a, const QStringList& b) {
  const size_t n = size_t(a.size()), m = size_t(b.size());
  std::vector<std::vector<int>> length(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      length[i][j] = a[qsizetype(i)] == b[qsizetype(j)] ? length[i + 1][j + 1] + 1 : std::max(length[i + 1][j], length[i][j + 1]);
  std::vector<bool> common(n, false);
  for (size_t i = 0, j = 0; i < n && j < m;) {
    if (a[qsizetype(i)] == b[qsizetype(j)]) {
      common[i++] = true;
      ++j;
    } else if (length[i + 1][j] >= length[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return common;
}

}  // namespace

QList<DiffPiece> diffWords(const QString& text, const QString& reference) {
  QList<DiffPiece> pieces = split(text);
  const std::vector<bool> common = commonWords(words(pieces), words(split(reference)));
  size_t word = 0;
  for (DiffPiece& piece : pieces)
    if (isWord(piece)) piece.changed = !common[word++];
  return pieces;
}

}  // namespace bksdm::gallery
