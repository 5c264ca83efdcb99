#pragma once
#include <QPlainTextEdit>
#include <QTimer>

#include "app/token_counter.h"

class QLabel;

namespace bksdm {

// A multi-line prompt with a live token count from the model's tokenizer ("31 / 75"); the words
// past CLIP's limit are marked, and hovering them says they will be cut.
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

 Q_SIGNALS:
  void textChanged();
  void counted(const bksdm::TokenCount& count);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  QCoro::Task<> recount();
  void show(const TokenCount& count);

  QPlainTextEdit* edit_;
  QLabel* counter_;
  QTimer debounce_;
  const TokenCounter* tokenCounter_ = nullptr;
  TokenCount count_;
  quint64 generation_ = 0;  // drops answers to texts that have since changed
};

}  // namespace bksdm
