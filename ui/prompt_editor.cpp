#include "ui/prompt_editor.h"

#include "app/generation_params.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QPointer>
#include <QToolTip>
#include <QVBoxLayout>

#include "ui/theme.h"

namespace bksdm {
namespace {

constexpr int kDebounceMs = 120;

QString cutWarning() {
  return PromptEditor::tr("Past the %1-token limit: this part will be cut.").arg(TokenCount::limit());
}

}  // namespace

PromptEditor::PromptEditor(const QString& title, const QString& placeholder, QWidget* parent)
    : QWidget(parent), edit_(new QPlainTextEdit(this)), counter_(new QLabel(this)) {
  auto* header = new QHBoxLayout;
  auto* label = new QLabel(title, this);
  label->setBuddy(edit_);
  header->addWidget(label);
  header->addStretch();
  header->addWidget(counter_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addLayout(header);
  layout->addWidget(edit_);

  edit_->setPlaceholderText(placeholder);
  edit_->setTabChangesFocus(true);
  edit_->viewport()->installEventFilter(this);

  debounce_.setSingleShot(true);
  debounce_.setInterval(kDebounceMs);
  connect(&debounce_, &QTimer::timeout, this, [this] { recount(); });
  connect(edit_, &QPlainTextEdit::textChanged, this, [this] {
    ++generation_;
    debounce_.start();
    Q_EMIT textChanged();
  });
}

QString PromptEditor::text() const { return edit_->toPlainText(); }

void PromptEditor::setText(const QString& text) { edit_->setPlainText(text); }

void PromptEditor::setTokenCounter(const TokenCounter* counter) {
  tokenCounter_ = counter;
  ++generation_;
  recount();
}

QCoro::Task<> PromptEditor::recount() {
  if (!tokenCounter_ || !tokenCounter_->hasCounter()) {
    show(TokenCount{});
    co_return;
  }
  const quint64 generation = generation_;
  QPointer<PromptEditor> self(this);
  const TokenCount count = co_await tokenCounter_->count(text());
  if (!self || generation != generation_) co_return;
  show(count);
}

void PromptEditor::show(const TokenCount& count) {
  count_ = count;
  const QString text = count.chunks <= 1 ? tr("%1 / %2").arg(count.tokens).arg(promptChunkTokens())
                                         : tr("%1 chunks \u00b7 %2 tokens").arg(count.chunks).arg(count.tokens);
  counter_->setText(count.valid ? text : QString());
  counter_->setToolTip(count.cutAt >= 0 ? cutWarning()
                                        : tr("Tokens used of the %1 the text encoder reads at once; a longer prompt is "
                                             "read in chunks of %1, up to %2 of them")
                                              .arg(promptChunkTokens())
                                              .arg(maxPromptChunks()));
  QFont font = counter_->font();
  font.setBold(count.cutAt >= 0);
  counter_->setFont(font);

  QList<QTextEdit::ExtraSelection> marks;
  if (count.cutAt >= 0) {
    QTextEdit::ExtraSelection mark;
    mark.cursor = QTextCursor(edit_->document());
    mark.cursor.setPosition(count.cutAt);
    mark.cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    mark.format.setBackground(warningBackground(palette()));
    marks << mark;
  }
  edit_->setExtraSelections(marks);
  Q_EMIT counted(count);
}

bool PromptEditor::eventFilter(QObject* watched, QEvent* event) {
  if (watched == edit_->viewport() && event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const int position = edit_->cursorForPosition(help->pos()).position();
    if (count_.cutAt >= 0 && position >= count_.cutAt && position < edit_->document()->characterCount() - 1)
      QToolTip::showText(help->globalPos(), cutWarning(), edit_->viewport());
    else
      QToolTip::hideText();
    return true;
  }
  return QWidget::eventFilter(watched, event);
}

void PromptEditor::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange) show(count_);  // the mark's colour follows the theme
  QWidget::changeEvent(event);
}

}  // namespace bksdm
