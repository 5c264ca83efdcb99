#include "ui/queue_panel.h"

#include <QGridLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QToolButton>

#include "app/studio.h"
#include "ui/theme.h"

namespace bksdm {
namespace {

QToolButton* toolButton(QWidget* parent, const QString& icon, const QString& tip) {
  auto* button = new QToolButton(parent);
  button->setIcon(appIcon(icon));
  button->setToolTip(tip);
  button->setAutoRaise(true);
  return button;
}

}  // namespace

QueuePanel::QueuePanel(Studio* studio, QWidget* parent)
    : QWidget(parent), studio_(studio), title_(new QLabel(this)), view_(new QListView(this)),
      up_(toolButton(this, QStringLiteral("move-up"), tr("Run earlier"))),
      down_(toolButton(this, QStringLiteral("move-down"), tr("Run later"))),
      remove_(toolButton(this, QStringLiteral("remove"), tr("Remove from the queue"))),
      cancelAll_(toolButton(this, QStringLiteral("cancel-all"), tr("Cancel all: the current run and the queue"))),
      resume_(toolButton(this, QStringLiteral("generate"), tr("Run the jobs restored from the last session"))) {
  view_->setModel(studio_->queue());
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->setUniformItemSizes(true);
  view_->setMaximumHeight(110);
  cancelAll_->setText(tr("Cancel all"));
  cancelAll_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  resume_->setText(tr("Resume"));
  resume_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  view_->setContextMenuPolicy(Qt::CustomContextMenu);

  auto* layout = new QGridLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addWidget(title_, 0, 0);
  layout->addWidget(up_, 0, 1);
  layout->addWidget(down_, 0, 2);
  layout->addWidget(remove_, 0, 3);
  layout->addWidget(resume_, 0, 4);
  layout->addWidget(cancelAll_, 0, 5);
  layout->addWidget(view_, 1, 0, 1, 6);
  layout->setColumnStretch(0, 1);

  connect(up_, &QToolButton::clicked, this, [this] { moveSelected(-1); });
  connect(down_, &QToolButton::clicked, this, [this] { moveSelected(+1); });
  connect(remove_, &QToolButton::clicked, this, &QueuePanel::removeSelected);
  connect(cancelAll_, &QToolButton::clicked, studio_, &Studio::cancelAll);
  connect(resume_, &QToolButton::clicked, studio_, &Studio::resumeHeld);
  connect(view_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
    const QModelIndex index = view_->indexAt(at);
    if (index.isValid()) contextMenuFor(index.row())->popup(view_->viewport()->mapToGlobal(at));
  });
  connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this, &QueuePanel::updateButtons);
  JobQueue* queue = studio_->queue();
  connect(queue, &QAbstractItemModel::rowsInserted, this, &QueuePanel::updateButtons);
  connect(queue, &QAbstractItemModel::rowsRemoved, this, &QueuePanel::updateButtons);
  connect(queue, &QAbstractItemModel::rowsMoved, this, &QueuePanel::updateButtons);
  connect(queue, &QAbstractItemModel::modelReset, this, &QueuePanel::updateButtons);
  connect(queue, &QAbstractItemModel::dataChanged, this, &QueuePanel::updateButtons);
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

QMenu* QueuePanel::contextMenuFor(int row) {
  if (!menu_) menu_ = new QMenu(this);
  menu_->clear();
  const quint64 id = studio_->queue()->jobs().value(row).id;
  // By id, not row: the queue may move on while the menu is open.
  auto onJob = [this, id](void (QueuePanel::*act)(int)) {
    return [this, id, act] {
      const int current = studio_->queue()->rowOf(id);
      if (current >= 0) (this->*act)(current);
    };
  };
  menu_->addAction(tr("&Edit"), this, onJob(&QueuePanel::editRow))->setToolTip(tr("Put it back into the form and take it out of the queue"));
  menu_->addAction(tr("&Duplicate"), this, onJob(&QueuePanel::duplicateRow));
  menu_->addAction(tr("Move to &Top"), this, onJob(&QueuePanel::moveToTop))->setEnabled(row > 0);
  return menu_;
}

void QueuePanel::editRow(int row) {
  const GenerationJob job = studio_->queue()->jobs()[row];
  studio_->remove(job.id);
  Q_EMIT editRequested(job.params);
}

void QueuePanel::duplicateRow(int row) {
  const GenerationJob job = studio_->queue()->jobs()[row];
  const quint64 copy = studio_->enqueue(job.params, job.preview, job.held);
  const int at = studio_->queue()->rowOf(copy);
  if (at >= 0) studio_->queue()->moveJob(at, row + 1);
}

void QueuePanel::moveToTop(int row) {
  if (studio_->queue()->moveJob(row, 0)) view_->setCurrentIndex(studio_->queue()->index(0));
}

void QueuePanel::updateButtons() {
  const int count = studio_->queue()->rowCount();
  const int row = selectedRow();
  const int held = studio_->queue()->heldCount();
  title_->setText(held > 0 ? tr("Queue (%1 waiting, %2 paused)").arg(count).arg(held) : tr("Queue (%1 waiting)").arg(count));
  resume_->setVisible(held > 0);
  up_->setEnabled(row > 0);
  down_->setEnabled(row >= 0 && row + 1 < count);
  remove_->setEnabled(row >= 0);
  cancelAll_->setEnabled(count > 0 || studio_->isRunning());
}

}  // namespace bksdm
