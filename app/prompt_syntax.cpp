#include "app/prompt_syntax.h"

#include <cmath>
#include <vector>

#include <QRegularExpression>

#include "core/prompt/prompt_marks.h"

namespace bksdm {
namespace {

PromptSyntaxSpan::Kind spanKind(PromptMark::Kind kind) {
  switch (kind) {
    case PromptMark::Kind::weighted: return PromptSyntaxSpan::Kind::Weighted;
    case PromptMark::Kind::emphasis: return PromptSyntaxSpan::Kind::Emphasis;
    case PromptMark::Kind::escape: return PromptSyntaxSpan::Kind::Escape;
    case PromptMark::Kind::chunk_break: return PromptSyntaxSpan::Kind::ChunkBreak;
    case PromptMark::Kind::edit: return PromptSyntaxSpan::Kind::Edit;
    case PromptMark::Kind::alternation: return PromptSyntaxSpan::Kind::Alternation;
  }
  return PromptSyntaxSpan::Kind::Weighted;
}

// For each byte offset of the prompt's UTF-8 (QString::toUtf8's, which writes a lone surrogate as
// U+FFFD), the position in the QString it falls in; one more entry for the end.
std::vector<int> positionsOfBytes(const QString& text) {
  std::vector<int> positions;
  for (int i = 0; i < text.size(); ++i) {
    const char16_t unit = text[i].unicode();
    const bool pair = QChar::isHighSurrogate(unit) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode());
    const int bytes = pair ? 4 : unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
    positions.insert(positions.end(), bytes, i);
    if (pair) ++i;
  }
  positions.push_back(int(text.size()));
  return positions;
}

// JavaScript's parseFloat: the longest number at the start, after spaces; NaN if none.
double parseFloatPrefix(const QString& text) {
  static const QRegularExpression number(QStringLiteral("^\\s*([+-]?(?:Infinity|[0-9]+\\.?[0-9]*(?:[eE][+-]?[0-9]+)?|"
                                                        "\\.[0-9]+(?:[eE][+-]?[0-9]+)?))"));
  const QRegularExpressionMatch match = number.match(text);
  if (!match.hasMatch()) return std::nan("");
  const QString spelled = match.captured(1);
  if (spelled.endsWith(QLatin1String("Infinity"))) return spelled.startsWith(u'-') ? -INFINITY : INFINITY;
  return spelled.toDouble();
}

// A number as A1111 writes it after `parseFloat(w.toPrecision(12))`, an integer with ".0".
QString weightText(double weight) {
  QString text = QString::number(weight, 'g', 12);
  if (!text.contains(u'.') && !text.contains(u'e') && !text.contains(u'n') && !text.contains(u'i')) text += QLatin1String(".0");
  return text;
}

// With an empty selection inside open...close, the selection becomes their content, less a
// trailing ":weight".
bool selectBracketContent(const QString& text, QChar open, QChar close, int& start, int& end) {
  if (start != end) return false;
  const QString before = text.left(start);
  const int openAt = int(before.lastIndexOf(open));
  if (openAt < 0 || before.lastIndexOf(close) > openAt) return false;
  const QString after = text.mid(start);
  const int closeAt = int(after.indexOf(close));
  if (closeAt < 0) return false;
  if (const int openAfter = int(after.indexOf(open)); openAfter >= 0 && openAfter < closeAt) return false;
  const QString content = text.mid(openAt + 1, start + closeAt - openAt - 1);
  static const QRegularExpression weighted(QStringLiteral(":-?[0-9.]"));
  start = openAt + 1;
  end = start + int(weighted.match(content).hasMatch() ? content.lastIndexOf(u':') : content.size());
  return true;
}

// With an empty selection, the selection becomes the word around it (A1111's default delimiters).
void selectWord(const QString& text, int& start, int& end) {
  if (start != end) return;
  static const QString delimiters = QStringLiteral(".,\\/!?%^*;:{}=`~() \t\r\n");
  while (start > 0 && !delimiters.contains(text[start - 1])) --start;
  while (end < text.size() && !delimiters.contains(text[end])) ++end;
  while (start < end && text[start] == u' ') ++start;
  while (end > start && text[end - 1] == u' ') --end;
}

}  // namespace

QList<PromptSyntaxSpan> promptSyntaxSpans(const QString& prompt) {
  const std::vector<int> positions = positionsOfBytes(prompt);
  QList<PromptSyntaxSpan> spans;
  for (const PromptMark& mark : prompt_syntax_marks(prompt.toStdString())) {
    // Marks begin and end on character boundaries: their ends map like their starts.
    const int start = positions[mark.begin];
    spans.push_back({start, positions[mark.end] - start, spanKind(mark.kind), mark.weight});
  }
  return spans;
}

std::optional<WeightEdit> stepWeight(const QString& original, int start, int end, double delta) {
  QString text = original;
  if (start > end) std::swap(start, end);
  start = std::clamp(start, 0, int(text.size()));
  end = std::clamp(end, 0, int(text.size()));
  if (!selectBracketContent(text, u'(', u')', start, end) && !selectBracketContent(text, u'[', u']', start, end))
    selectWord(text, start, end);

  const QChar before = start > 0 ? text[start - 1] : QChar();
  const QChar after = end < text.size() ? text[end] : QChar();
  if ((before == u'(' && after == u')') || (before == u'[' && after == u']')) {
    // Old-style emphasis, "((x))" or "[x]", becomes "(x:w)" with its weight to the step.
    int brackets = 0;
    while (start - brackets - 1 >= 0 && end + brackets < text.size() && text[start - brackets - 1] == before &&
           text[end + brackets] == after)
      ++brackets;
    const double weight = std::round(std::pow(before == u'[' ? 1 / 1.1 : 1.1, brackets) / delta) * delta;
    text = text.left(start - brackets) + u'(' + text.mid(start, end - start) + u':' + weightText(weight) + u')' +
           text.mid(end + brackets);
    start -= brackets - 1;
    end -= brackets - 1;
  } else if (before != u'(') {
    while (end > start && text[end - 1] == u' ') --end;
    if (start == end) return std::nullopt;
    text = text.left(start) + u'(' + text.mid(start, end - start) + QLatin1String(":1.0)") + text.mid(end);
    ++start;
    ++end;
  }
  if (end >= text.size() || text[end] != u':') return std::nullopt;
  const int close = int(text.indexOf(u')', end + 1));
  if (close < 0) return std::nullopt;
  double weight = parseFloatPrefix(text.mid(end + 1, close - end - 1));
  if (std::isnan(weight)) return std::nullopt;
  weight = QString::number(weight + delta, 'g', 12).toDouble();
  if (weight == 1.0) {
    // "(x:1.0)" is "x".
    text = text.left(start - 1) + text.mid(start, end - start) + text.mid(close + 1);
    return WeightEdit{text, start - 1, end - 1};
  }
  text = text.left(end + 1) + weightText(weight) + text.mid(close);
  return WeightEdit{text, start, end};
}

}  // namespace bksdm
