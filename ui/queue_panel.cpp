#include "ui/queue_panel.h"

#include <QGridLayout>
#include <QLabel>
#include <QListView>
#include <QToolButton>

#include "app/studio.h"

namespace bksdm {
namespace {

QToolButton* toolButton(QWidget* parent, const QString& icon, const QString& tip) {
  auto* button = new QToolButton(parent);
  button->setIcon(QIcon(icon));
  button->setToolTip(tip);
  button->setAutoRaise(true);
  return button;
}

}  // namespace

QueuePanel::QueuePanel(Studio* studio, QWidget* parent)
    : QWidget(parent), studio_(studio), title_(new QLabel(this)), view_(new QListView(this)),
      up_(toolButton(this, QStringLiteral(":/icons/move-up.svg"), tr("Run earlier"))),
      down_(toolButton(this, QStringLiteral(":/icons/move-down.svg"), tr("Run later"))),
      remove_(toolButton(this, QStringLiteral(":/icons/remove.svg"), tr("Remove from the queue"))),
      cancelAll_(toolButton(this, QStringLiteral(":/icons/cancel-all.svg"), tr("Cancel all: the current run and the queue"))) {
  view_->setModel(studio_->queue());
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->setUniformItemSizes(true);
  view_->setMaximumHeight(110);
  cancelAll_->setText(tr("Cancel all"));
  cancelAll_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

  auto* layout = new QGridLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addWidget(title_, 0, 0);
  layout->addWidget(up_, 0, 1);
  layout->addWidget(down_, 0, 2);
  layout->addWidget(remove_, 0, 3);
  layout->addWidget(cancelAll_, 0, 4);
  layout->addWidget(view_, 1, 0, 1, 5);
  layout->setColumnStretch(0, 1);

  connect(up_, &QToolButton::clicked, this, [this] { moveSelected(-1); });
  connect(down_, &QToolButton::clicked, this, [this] { moveSelected(+1); });
  connect(remove_, &QToolButton::clicked, this, &QueuePanel::removeSelected);
  connect(cancelAll_, &QToolButton::clicked, studio_, &Studio::cancelAll);
  connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this, &QueuePanel::updateButtons);
  JobQueue* queue = studio_->queue();
  connect(queue, &QAbstractItemModel::rowsInserted, this, &QueuePanel::updateButtons);
  connect(queue, &QAbstractItemModel::rowsRemoved, this, &QueuePanel::updateButtons);
  connect(queue, &QAbstractItemModel::rowsMoved, this, &QueuePanel::updateButtons);
  connect(queue, &QAbstractItemModel::modelReset, this, &QueuePanel::updateButtons);
  connect(studio_, &Studio::runningChanged, this, &QueuePanel::updateButtons);
  updateButtons();
}

int QueuePanel::selectedRow() const {
  const QModelIndex current = view_->currentIndex();
  return current.isValid() ? current.row() : -1;
}

void QueuePanel::moveSelected(int by) {
  const int row = selectedRow();
  if (studio_->queue()->moveJob(row, row + by)) view_->setCurrentIndex(studio_->queue()->index(row + by));
}

void QueuePanel::removeSelected() {
  const int row = selectedRow();
  if (row < 0) return;
  studio_->remove(studio_->queue()->jobs()[row].id);
}

void QueuePanel::updateButtons() {
  const int count = studio_->queue()->rowCount();
  const int row = selectedRow();
  title_->setText(tr("Queue (%1 waiting)").arg(count));
  up_->setEnabled(row > 0);
  down_->setEnabled(row >= 0 && row + 1 < count);
  remove_->setEnabled(row >= 0);
  cancelAll_->setEnabled(count > 0 || studio_->isRunning());
}

}  // namespace bksdm
