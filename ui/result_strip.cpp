#include "ui/result_strip.h"

#include <QPixmap>
#include <QScrollBar>

#include "ui/image_drag.h"

namespace bksdm {
namespace {

constexpr int kThumbnail = 96;

}  // namespace

ResultStrip::ResultStrip(QWidget* parent) : QListWidget(parent) {
  setViewMode(QListView::IconMode);
  setFlow(QListView::LeftToRight);
  setWrapping(false);
  setMovement(QListView::Static);
  setIconSize(QSize(kThumbnail, kThumbnail));
  setSpacing(4);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setMinimumHeight(kThumbnail + fontMetrics().height() + 4 * spacing() + 2 * frameWidth() +
                   horizontalScrollBar()->sizeHint().height());
  setSelectionMode(QAbstractItemView::SingleSelection);
  setDragDropMode(QAbstractItemView::DragOnly);
  connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row >= 0 && row < results_.size()) Q_EMIT chosen(results_[row]);
  });
}

void ResultStrip::add(const GeneratedImage& generated) {
  results_.append(generated);
  const QPixmap thumbnail = QPixmap::fromImage(
      generated.image.scaled(kThumbnail, kThumbnail, Qt::KeepAspectRatio, Qt::SmoothTransformation));
  auto* item = new QListWidgetItem(QIcon(thumbnail), QString::number(generated.params.seed));
  item->setToolTip(parametersText(generated));
  addItem(item);
  setCurrentItem(item);
  scrollToItem(item);
}

void ResultStrip::setSavedPath(int row, const QString& path) {
  if (row >= 0 && row < results_.size()) results_[row].savedPath = path;
}

void ResultStrip::startDrag(Qt::DropActions) {
  if (const GeneratedImage* current = currentResult()) dragImage(this, *current);
}

const GeneratedImage* ResultStrip::currentResult() const {
  const int row = currentRow();
  return row >= 0 && row < results_.size() ? &results_[row] : nullptr;
}

}  // namespace bksdm
