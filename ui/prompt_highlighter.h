#pragma once
#include <QList>
#include <QSyntaxHighlighter>

#include "app/prompt_syntax.h"

namespace bksdm {

// Shows how A1111's language reads a prompt as it is typed: brackets and weights in one colour,
// the text they weight up or down in others, BREAK, edits and alternations each in their own
// look. What is not marked is text, bad syntax included. Off for prompts read as plain text.
class PromptHighlighter : public QSyntaxHighlighter {
  Q_OBJECT

 public:
  explicit PromptHighlighter(QTextDocument* document);

  void setActive(bool active);
  bool isActive() const { return active_; }

  // The marks of the whole text, as last highlighted.
  const QList<PromptSyntaxSpan>& spans() const { return spans_; }

 protected:
  void highlightBlock(const QString& text) override;

 private:
  QTextCharFormat formatOf(const PromptSyntaxSpan& span) const;
  void refreshSpans();

  bool active_ = true;
  QString spansText_;  // the text spans_ were read from
  bool spansValid_ = false;
  QList<PromptSyntaxSpan> spans_;
};

}  // namespace bksdm
