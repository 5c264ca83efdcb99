#pragma once
#include <QWidget>

#include "app/generation_job.h"

class QLabel;
class QListView;
class QMenu;
class QToolButton;

namespace bksdm {

class Studio;

// The runs waiting behind the current one: move them up or down, remove them, or cancel everything;
// their context menu edits (back into the form), duplicates or runs one first. Jobs restored from the
// last session wait, paused, until Resume.
class QueuePanel : public QWidget {
  Q_OBJECT

 public:
  explicit QueuePanel(Studio* studio, QWidget* parent = nullptr);

  QListView* view() const { return view_; }
  QToolButton* resumeButton() const { return resume_; }
  // The context menu for `row`, as right-clicking it shows it.
  QMenu* contextMenuFor(int row);

 public Q_SLOTS:
  void moveSelected(int by);
  void removeSelected();
  void editRow(int row);
  void duplicateRow(int row);
  void moveToTop(int row);

 Q_SIGNALS:
  // "Edit": the job left the queue; its settings go back into the form.
  void editRequested(const bksdm::GenerationParams& params);

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
  QToolButton* resume_;
  QMenu* menu_ = nullptr;
};

}  // namespace bksdm
