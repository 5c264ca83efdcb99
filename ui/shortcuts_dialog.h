#pragma once
#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;

namespace bksdm {

// Help ▸ Keyboard Shortcuts: every shortcut of the given actions, read from the actions themselves,
// so the page cannot drift from what the keys do.
class ShortcutsDialog : public QDialog {
  Q_OBJECT

 public:
  explicit ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);

  QTableWidget* table() const { return table_; }

 private:
  QTableWidget* table_;
};

// The actions of `window` and of its menus (depth first), each once, that have a shortcut.
QList<QAction*> actionsWithShortcuts(QWidget* window);

}  // namespace bksdm
