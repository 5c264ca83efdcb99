#include "ui/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bksdm {
namespace {

// "&Save Image As…" reads "Save Image As" in a list of commands.
QString plainText(const QAction* action) {
  QString text = action->text();
  text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
  text.replace(QStringLiteral("&&"), QStringLiteral("&"));
  if (text.endsWith(QChar(0x2026))) text.chop(1);
  return text;
}

QString shortcutText(const QAction* action) {
  QStringList keys;
  for (const QKeySequence& key : action->shortcuts()) keys << key.toString(QKeySequence::NativeText);
  return keys.join(QStringLiteral(", "));
}

void collect(const QList<QAction*>& actions, QList<QAction*>& found) {
  for (QAction* action : actions) {
    if (QMenu* menu = action->menu()) collect(menu->actions(), found);
    if (!action->shortcuts().isEmpty() && !found.contains(action)) found << action;
  }
}

}  // namespace

QList<QAction*> actionsWithShortcuts(QWidget* window) {
  QList<QAction*> found;
  if (auto* main = qobject_cast<QMainWindow*>(window)) collect(main->menuBar()->actions(), found);
  collect(window->actions(), found);
  return found;
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(int(actions.size()), 2, this)) {
  setWindowTitle(tr("Keyboard Shortcuts"));
  table_->setHorizontalHeaderLabels({tr("Command"), tr("Shortcut")});
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionMode(QAbstractItemView::NoSelection);
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  for (int row = 0; row < actions.size(); ++row) {
    table_->setItem(row, 0, new QTableWidgetItem(plainText(actions[row])));
    table_->setItem(row, 1, new QTableWidgetItem(shortcutText(actions[row])));
  }
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_);
  layout->addWidget(buttons);
  resize(460, 520);
}

}  // namespace bksdm
