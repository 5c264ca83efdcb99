#pragma once
#include <QWidget>

class QLabel;
class QListView;
class QToolButton;

namespace bksdm {

class Studio;

// The runs waiting behind the current one: move them up or down, remove them, or cancel everything.
class QueuePanel : public QWidget {
  Q_OBJECT

 public:
  explicit QueuePanel(Studio* studio, QWidget* parent = nullptr);

  QListView* view() const { return view_; }

 public Q_SLOTS:
  void moveSelected(int by);
  void removeSelected();

 private:
  int selectedRow() const;
  void updateButtons();

  Studio* studio_;
  QLabel* title_;
  QListView* view_;
  QToolButton* up_;
  QToolButton* down_;
  QToolButton* remove_;
  QToolButton* cancelAll_;
};

}  // namespace bksdm
