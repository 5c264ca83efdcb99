#pragma once
#include <functional>

#include <QImage>
#include <QList>
#include <QWidget>

#include "app/generation_params.h"
#include "app/grid_plan.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace bksdm {

// The Grid tab (A1111's X/Y/Z plot): up to three axes, each a kind and its values, checked as they
// are typed, with the number of images and their estimated time; then the grid, filled in as its
// cells finish (a cell made by another of the same description shows its image), one table per Z
// value. Activating a cell asks to show it.
class GridPanel : public QWidget {
  Q_OBJECT

 public:
  explicit GridPanel(QWidget* parent = nullptr);

  // The description the axes vary (the form's), asked for at each check.
  void setBaseSource(std::function<GenerationParams()> source) { baseSource_ = std::move(source); }
  // The pace of the last finished run, for the estimate.
  void setPace(const GenerationParams& params, double seconds, double decodeSeconds);

  // The axes as written: "KIND: VALUES" each, empty where none.
  QStringList axisTexts() const;
  void setAxis(int axis, const QString& kind, const QString& values);
  // Checks the axes against the form now; the summary says what it found.
  void check();

  // A grid begins: its cells empty. A cell's image arrives, or its run failed or was cancelled.
  void start(const GridPlan& plan);
  void setCellImage(int cell, const QImage& image);
  void setCellMissing(int cell, const QString& why);
  const GridPlan& plan() const { return plan_; }
  const QList<QImage>& cellImages() const { return images_; }

  QPushButton* makeButton() const { return make_; }
  QLabel* summary() const { return summary_; }
  QTableWidget* table() const { return table_; }

 Q_SIGNALS:
  void gridRequested(const bksdm::GridPlan& plan);
  void cellActivated(const bksdm::GenerationParams& params, const QImage& image);
  // A cell's settings, its seed included, back into the form (the cell's context menu).
  void reuseRequested(const bksdm::GenerationParams& params);

 private:
  void showGrid(int z);
  int cellAt(int row, int column) const;
  // The cells whose image is `cell`'s: itself and those of the same description.
  QList<int> cellsMadeBy(int cell) const;
  void refreshCell(int cell);

  std::function<GenerationParams()> baseSource_;
  QList<QComboBox*> kinds_;
  QList<QLineEdit*> values_;
  QLabel* summary_;
  QPushButton* make_;
  QComboBox* gridChoice_;
  QTableWidget* table_;
  GridPlan plan_;
  QList<QImage> images_;     // by cell index: its maker's image once made
  QStringList missing_;      // by cell index: why it has no image, once known
  GenerationParams paceParams_;
  double paceSeconds_ = 0, paceDecodeSeconds_ = 0;
};

}  // namespace bksdm
