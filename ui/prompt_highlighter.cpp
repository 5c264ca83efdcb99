#include "ui/prompt_highlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QTextDocument>

#include "ui/theme.h"

namespace bksdm {
namespace {

// A colour readable on the editor's background in either theme.
QColor tinted(const QColor& light, const QColor& dark) { return isDark(QGuiApplication::palette()) ? dark : light; }

}  // namespace

PromptHighlighter::PromptHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {}

void PromptHighlighter::setActive(bool active) {
  if (active == active_) return;
  active_ = active;
  spansValid_ = false;
  rehighlight();
}

void PromptHighlighter::refreshSpans() {
  // Per block, so once per line of a prompt: the text is compared, not read again.
  const QString text = document()->toPlainText();
  if (spansValid_ && text == spansText_) return;
  spansText_ = text;
  spansValid_ = true;
  const QList<PromptSyntaxSpan> spans = active_ ? promptSyntaxSpans(text) : QList<PromptSyntaxSpan>{};
  if (spans == spans_) return;
  spans_ = spans;
  // A bracket closed on a later line changes earlier ones too; those are not rehighlighted by
  // themselves, so the whole prompt is (a prompt is short).
  if (document()->blockCount() > 1) QMetaObject::invokeMethod(this, &QSyntaxHighlighter::rehighlight, Qt::QueuedConnection);
}

void PromptHighlighter::highlightBlock(const QString& text) {
  refreshSpans();
  const int blockStart = currentBlock().position();
  const int blockEnd = blockStart + int(text.size());
  for (const PromptSyntaxSpan& span : spans_) {
    const int start = std::max(span.start, blockStart);
    const int end = std::min(span.start + span.length, blockEnd);
    if (start < end) setFormat(start - blockStart, end - start, formatOf(span));
  }
}

QTextCharFormat PromptHighlighter::formatOf(const PromptSyntaxSpan& span) const {
  QTextCharFormat format;
  switch (span.kind) {
    case PromptSyntaxSpan::Kind::Emphasis:
      format.setForeground(tinted(QColor(0x1a, 0x5f, 0xb4), QColor(0x78, 0xae, 0xf0)));
      format.setFontWeight(QFont::Bold);
      break;
    case PromptSyntaxSpan::Kind::Weighted:
      // Up warm, down faded, negative struck through: how much it counts, at a glance.
      if (span.weight > 1) {
        format.setForeground(tinted(QColor(0xa5, 0x1d, 0x2d), QColor(0xf6, 0x61, 0x51)));
      } else {
        format.setForeground(QGuiApplication::palette().color(QPalette::PlaceholderText));
        format.setFontStrikeOut(span.weight < 0);
      }
      break;
    case PromptSyntaxSpan::Kind::Escape:
      format.setForeground(QGuiApplication::palette().color(QPalette::PlaceholderText));
      break;
    case PromptSyntaxSpan::Kind::ChunkBreak:
      format.setFontWeight(QFont::Bold);
      format.setFontUnderline(true);
      break;
    case PromptSyntaxSpan::Kind::Edit:
    case PromptSyntaxSpan::Kind::Alternation:
      format.setForeground(tinted(QColor(0x61, 0x35, 0x83), QColor(0xc0, 0x61, 0xcb)));
      format.setFontWeight(QFont::Bold);
      break;
  }
  return format;
}

}  // namespace bksdm
