#include "ui/prompt_editor.h"

#include "app/generation_params.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QLabel>
#include <QPointer>
#include <QToolTip>
#include <QVBoxLayout>

#include "app/prompt_syntax.h"
#include "ui/prompt_highlighter.h"
#include "ui/theme.h"

namespace bksdm {
namespace {

constexpr int kDebounceMs = 120;

QString cutWarning(bool plainText) {
  return PromptEditor::tr("Past the %1-token limit: this part will be cut.").arg(TokenCount::limit(plainText));
}

}  // namespace

PromptEditor::PromptEditor(const QString& title, const QString& placeholder, QWidget* parent)
    : QWidget(parent), edit_(new QPlainTextEdit(this)), counter_(new QLabel(this)),
      highlighter_(new PromptHighlighter(edit_->document())) {
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
  edit_->installEventFilter(this);

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

void PromptEditor::setPromptSyntax(const QString& syntax) {
  highlighter_->setActive(syntax != QLatin1String("plain"));
  ++generation_;
  recount();
}

bool PromptEditor::readsPlainText() const { return !highlighter_->isActive(); }

void PromptEditor::stepWeightAtCursor(double delta) {
  const QString text = edit_->toPlainText();
  const QTextCursor cursor = edit_->textCursor();
  const std::optional<WeightEdit> edit = stepWeight(text, cursor.selectionStart(), cursor.selectionEnd(), delta);
  if (!edit) return;
  // Only the part that changed is replaced, so the undo step and the scroll position stay small.
  int prefix = 0;
  while (prefix < text.size() && prefix < edit->text.size() && text[prefix] == edit->text[prefix]) ++prefix;
  int suffix = 0;
  while (suffix < text.size() - prefix && suffix < edit->text.size() - prefix &&
         text[text.size() - 1 - suffix] == edit->text[edit->text.size() - 1 - suffix])
    ++suffix;
  QTextCursor change(edit_->document());
  change.beginEditBlock();
  change.setPosition(prefix);
  change.setPosition(int(text.size()) - suffix, QTextCursor::KeepAnchor);
  change.insertText(edit->text.mid(prefix, edit->text.size() - prefix - suffix));
  change.endEditBlock();
  QTextCursor selection(edit_->document());
  selection.setPosition(edit->selectionStart);
  selection.setPosition(edit->selectionEnd, QTextCursor::KeepAnchor);
  edit_->setTextCursor(selection);
}

bool PromptEditor::isWeightKey(const QKeyEvent* event) const {
  return highlighter_->isActive() && (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down) &&
         (event->modifiers() & ~Qt::KeypadModifier) == Qt::ControlModifier;
}

QString PromptEditor::syntaxToolTip(int position) const {
  for (const PromptSyntaxSpan& span : highlighter_->spans()) {
    if (position < span.start || position >= span.start + span.length) continue;
    switch (span.kind) {
      case PromptSyntaxSpan::Kind::Weighted:
        return tr("Weight %1 (Ctrl+Up / Ctrl+Down change it)").arg(QLocale().toString(span.weight, 'g', 4));
      case PromptSyntaxSpan::Kind::Emphasis:
        return tr("Emphasis: (text) weights it by 1.1, [text] by 1/1.1, (text:w) by w");
      case PromptSyntaxSpan::Kind::Escape:
        return tr("An escaped bracket: the character itself, not emphasis");
      case PromptSyntaxSpan::Kind::ChunkBreak:
        return tr("BREAK: the text after it starts a new chunk of %1 tokens").arg(promptChunkTokens());
      case PromptSyntaxSpan::Kind::Edit:
        return tr("Prompt editing: [from:to:when] uses “from” until step “when”, then “to”");
      case PromptSyntaxSpan::Kind::Alternation:
        return tr("Alternation: [a|b] uses each option in turn, one step each");
    }
  }
  return {};
}

QCoro::Task<> PromptEditor::recount() {
  if (!tokenCounter_ || !tokenCounter_->hasCounter()) {
    show(TokenCount{});
    co_return;
  }
  const quint64 generation = generation_;
  QPointer<PromptEditor> self(this);
  const TokenCount count = co_await tokenCounter_->count(text(), readsPlainText());
  if (!self || generation != generation_) co_return;
  show(count);
}

void PromptEditor::show(const TokenCount& count) {
  count_ = count;
  const QString text = count.chunks <= 1 ? tr("%1 / %2").arg(count.tokens).arg(promptChunkTokens())
                                         : tr("%1 chunks \u00b7 %2 tokens").arg(count.chunks).arg(count.tokens);
  counter_->setText(count.valid ? text : QString());
  counter_->setToolTip(count.cutAt >= 0    ? cutWarning(readsPlainText())
                       : readsPlainText() ? tr("Tokens used of the %1 the text encoder reads; read as plain text, a "
                                               "longer prompt is cut")
                                                .arg(promptChunkTokens())
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
  // Ctrl+Up/Down are ours: the shortcut override keeps the window's shortcuts from taking them.
  if (watched == edit_ && (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)) {
    auto* key = static_cast<QKeyEvent*>(event);
    if (isWeightKey(key)) {
      if (event->type() == QEvent::KeyPress) stepWeightAtCursor(key->key() == Qt::Key_Up ? kWeightStep : -kWeightStep);
      event->accept();
      return true;
    }
  }
  if (watched == edit_->viewport() && event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const QTextCursor under = edit_->cursorForPosition(help->pos());
    // The character under the pointer: the cursor position rounds to the nearer edge of it.
    const int position = edit_->cursorRect(under).center().x() > help->pos().x() ? under.position() - 1 : under.position();
    if (count_.cutAt >= 0 && position >= count_.cutAt && position < edit_->document()->characterCount() - 1)
      QToolTip::showText(help->globalPos(), cutWarning(readsPlainText()), edit_->viewport());
    else if (const QString syntax = syntaxToolTip(position); !syntax.isEmpty())
      QToolTip::showText(help->globalPos(), syntax, edit_->viewport());
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
