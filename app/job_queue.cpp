#include "app/job_queue.h"

namespace bksdm {
namespace {

constexpr int kPromptChars = 48;

QString elided(const QString& text) {
  const QString simple = text.simplified();
  return simple.size() <= kPromptChars ? simple : simple.left(kPromptChars - 1) + QChar(0x2026);
}

QString describe(const GenerationJob& job) {
  const GenerationParams& p = job.params;
  const QString prompt = p.prompt.trimmed().isEmpty() ? JobQueue::tr("(empty prompt)") : elided(p.prompt);
  const QString images = p.numImages == 1 ? JobQueue::tr("1 image") : JobQueue::tr("%1 images").arg(p.numImages);
  return JobQueue::tr("%1 \u00b7 %2 steps \u00b7 seed %3 \u00b7 %4").arg(prompt).arg(p.steps).arg(p.seed).arg(images);
}

}  // namespace

int JobQueue::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : jobs_.size(); }

QVariant JobQueue::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= jobs_.size()) return {};
  const GenerationJob& job = jobs_[index.row()];
  switch (role) {
    case Qt::DisplayRole: return describe(job);
    case Qt::ToolTipRole: return job.params.prompt;
    case JobIdRole: return job.id;
    default: return {};
  }
}

int JobQueue::rowOf(quint64 jobId) const {
  for (int row = 0; row < jobs_.size(); ++row)
    if (jobs_[row].id == jobId) return row;
  return -1;
}

void JobQueue::append(const GenerationJob& job) {
  beginInsertRows({}, jobs_.size(), jobs_.size());
  jobs_.append(job);
  endInsertRows();
}

std::optional<GenerationJob> JobQueue::take(int row) {
  if (row < 0 || row >= jobs_.size()) return std::nullopt;
  beginRemoveRows({}, row, row);
  GenerationJob job = jobs_.takeAt(row);
  endRemoveRows();
  return job;
}

QList<GenerationJob> JobQueue::takeAll() {
  beginResetModel();
  QList<GenerationJob> all = std::move(jobs_);
  jobs_.clear();
  endResetModel();
  return all;
}

bool JobQueue::moveJob(int from, int to) {
  if (from < 0 || from >= jobs_.size() || to < 0 || to >= jobs_.size() || from == to) return false;
  // beginMoveRows names the row the item lands before, counted in the old order.
  beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
  jobs_.move(from, to);
  endMoveRows();
  return true;
}

}  // namespace bksdm
