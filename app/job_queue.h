#pragma once
#include <optional>

#include <QAbstractListModel>
#include <QList>

#include "app/generation_job.h"

namespace bksdm {

// The jobs waiting for the worker, in the order they will run; the UI shows, reorders and removes
// them through this model.
class JobQueue : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role { JobIdRole = Qt::UserRole + 1 };

  using QAbstractListModel::QAbstractListModel;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

  bool isEmpty() const { return jobs_.isEmpty(); }
  const QList<GenerationJob>& jobs() const { return jobs_; }
  int rowOf(quint64 jobId) const;  // -1 when not queued
  int firstRunnable() const;       // the first job not held; -1 when none
  int heldCount() const;

  void append(const GenerationJob& job);
  std::optional<GenerationJob> take(int row);
  QList<GenerationJob> takeAll();
  // Moves the job at `from` to `to` (both rows of the current order).
  bool moveJob(int from, int to);
  void releaseHeld();

 private:
  QList<GenerationJob> jobs_;
};

}  // namespace bksdm
