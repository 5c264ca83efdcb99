#pragma once
#include <QPlainTextEdit>
#include <QTimer>

#include "app/token_counter.h"

class QLabel;
class QKeyEvent;

namespace bksdm {

class PromptHighlighter;

// A multi-line prompt with a live token count from the model's tokenizer ("31 / 75", or "2 chunks ·
// 98 tokens"); the words past the most chunks a run reads are marked, and hovering them says they
// will be cut. In A1111's language (the default) the syntax is highlighted as it is typed, hovering
// it says how it was read, and Ctrl+Up / Ctrl+Down weight the word or selection under the cursor.
class PromptEditor : public QWidget {
  Q_OBJECT

 public:
  PromptEditor(const QString& title, const QString& placeholder, QWidget* parent = nullptr);

  QString text() const;
  void setText(const QString& text);
  QPlainTextEdit* editor() const { return edit_; }
  QLabel* counterLabel() const { return counter_; }
  const TokenCount& lastCount() const { return count_; }

  // Where counts come from; null or without a tokenizer shows no count.
  void setTokenCounter(const TokenCounter* counter);

  // Whether the prompt is read in A1111's language ("a1111") or as plain text ("plain").
  void setPromptSyntax(const QString& syntax);
  PromptHighlighter* highlighter() const { return highlighter_; }

  // Ctrl+Up (delta > 0) or Ctrl+Down: the weight under the cursor changed, as one undo step.
  void stepWeightAtCursor(double delta);

 Q_SIGNALS:
  void textChanged();
  void counted(const bksdm::TokenCount& count);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  QCoro::Task<> recount();
  void show(const TokenCount& count);
  bool isWeightKey(const QKeyEvent* event) const;
  bool readsPlainText() const;
  QString syntaxToolTip(int position) const;

  QPlainTextEdit* edit_;
  QLabel* counter_;
  PromptHighlighter* highlighter_;
  QTimer debounce_;
  const TokenCounter* tokenCounter_ = nullptr;
  TokenCount count_;
  quint64 generation_ = 0;  // drops answers to texts that have since changed
};

}  // namespace bksdm
