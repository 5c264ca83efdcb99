#include "app/job_queue.h"

#include <algorithm>

namespace bksdm {
namespace {

constexpr int kPromptChars = 40;

QString elided(const QString& text) {
  const QString simple = text.simplified();
  return simple.size() <= kPromptChars ? simple : simple.left(kPromptChars - 1) + QChar(0x2026);
}

QString sizeText(const GenerationParams& p) {
  if (p.width <= 0 || p.height <= 0) return JobQueue::tr("model's size");
  return QStringLiteral("%1\u00d7%2").arg(p.width).arg(p.height);
}

QString promptText(const QString& prompt, bool elide) {
  if (prompt.trimmed().isEmpty()) return JobQueue::tr("(empty prompt)");
  return elide ? elided(prompt) : prompt;
}

// What tells queued jobs apart comes first: jobs of one prompt differ in seed, size or steps.
QString describe(const GenerationJob& job) {
  const GenerationParams& p = job.params;
  QString text = JobQueue::tr("seed %1 \u00b7 %2 \u00b7 %3 steps").arg(p.seed).arg(sizeText(p)).arg(p.steps);
  if (p.numImages > 1) text = JobQueue::tr("%1 \u00b7 %2 images").arg(text).arg(p.numImages);
  text = JobQueue::tr("%1 \u00b7 %2").arg(text, promptText(p.prompt, true));
  return job.held ? JobQueue::tr("Paused: %1").arg(text) : text;
}

QString describeFully(const GenerationJob& job) {
  const GenerationParams& p = job.params;
  QStringList lines;
  lines << JobQueue::tr("Prompt: %1").arg(promptText(p.prompt, false));
  if (!p.negativePrompt.trimmed().isEmpty()) lines << JobQueue::tr("Negative prompt: %1").arg(p.negativePrompt);
  lines << JobQueue::tr("Seed: %1").arg(p.seed) << JobQueue::tr("Size: %1").arg(sizeText(p))
        << JobQueue::tr("Steps: %1").arg(p.steps)
        << JobQueue::tr("Scheduler: %1").arg(p.scheduler.isEmpty() ? JobQueue::tr("the model's") : p.scheduler)
        << JobQueue::tr("Guidance: %1").arg(p.guidanceScale) << JobQueue::tr("Images: %1").arg(p.numImages);
  if (job.held) lines << JobQueue::tr("Restored from the last session: waits until you resume the queue.");
  return lines.join(QLatin1Char('\n'));
}

}  // namespace

int JobQueue::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : jobs_.size(); }

QVariant JobQueue::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= jobs_.size()) return {};
  const GenerationJob& job = jobs_[index.row()];
  switch (role) {
    case Qt::DisplayRole: return describe(job);
    case Qt::ToolTipRole: return describeFully(job);
    case JobIdRole: return job.id;
    default: return {};
  }
}

int JobQueue::rowOf(quint64 jobId) const {
  for (int row = 0; row < jobs_.size(); ++row)
    if (jobs_[row].id == jobId) return row;
  return -1;
}

int JobQueue::firstRunnable() const {
  for (int row = 0; row < jobs_.size(); ++row)
    if (!jobs_[row].held) return row;
  return -1;
}

int JobQueue::heldCount() const {
  return int(std::count_if(jobs_.begin(), jobs_.end(), [](const GenerationJob& job) { return job.held; }));
}

void JobQueue::releaseHeld() {
  if (heldCount() == 0) return;
  for (GenerationJob& job : jobs_) job.held = false;
  Q_EMIT dataChanged(index(0), index(jobs_.size() - 1));
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
