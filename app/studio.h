#pragma once
#include <deque>
#include <map>
#include <memory>
#include <optional>

#include <QFuture>
#include <QImage>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <qcoro/qcorotask.h>

#include "app/engine_options.h"
#include "app/generation_job.h"
#include "app/job_queue.h"
#include "app/loaded_model.h"
#include "app/token_counter.h"

namespace bksdm {

class InferenceWorker;

// The UI thread's side of inference: owns the worker and its thread, the queue of waiting jobs, and
// what is known about the loaded model. It hands the worker one job at a time, so the queue stays
// editable until a job starts.
class Studio : public QObject {
  Q_OBJECT

 public:
  explicit Studio(QObject* parent = nullptr);
  ~Studio() override;  // cancels everything and joins the worker thread

  JobQueue* queue() { return &queue_; }
  const std::optional<LoadedModel>& model() const { return model_; }
  bool isLoading() const { return !pendingLoads_.empty(); }
  bool isRunning() const { return current_.has_value(); }
  std::optional<quint64> currentJobId() const;
  const TokenCounter& tokenCounter() const { return tokenCounter_; }
  // The embeddings whose words the token counter counts as their vectors (empty: none).
  void setEmbeddingsFolder(const QString& folder) { tokenCounter_.setEmbeddingsFolder(folder); }

  // Loads on the worker thread; the previous model is released first.
  QCoro::Task<LoadOutcome> loadModel(QString location, EngineOptions options);

  // Queues a run and returns its id; it starts when the worker is free and a model is loaded. A
  // held job (one restored from the last session) waits until resumeHeld().
  quint64 enqueue(const GenerationParams& params, const PreviewOptions& preview, bool held = false);
  void resumeHeld();
  // The running job, then the queued ones in order: what a restart should bring back.
  QList<GenerationJob> pendingJobs() const;
  // Waits for a job that is queued or running (call it before the job can end: a job that has
  // ended is forgotten, and waiting for it gives a failed outcome at once).
  QCoro::Task<GenerationOutcome> outcome(quint64 jobId);
  // enqueue() and outcome() together.
  QCoro::Task<GenerationOutcome> generate(GenerationParams params, PreviewOptions preview);

  void remove(quint64 jobId);  // a queued job: it ends as cancelled
  void cancelCurrent();        // the running job stops within a step
  void cancelAll();

 Q_SIGNALS:
  void modelLoadStarted(const QString& location);
  void modelLoadDone(const bksdm::LoadOutcome& outcome);
  void jobStarted(const bksdm::GenerationJob& job);
  void stageStarted(quint64 jobId, bksdm::JobStage stage);
  void stepProgress(const bksdm::StepProgress& progress);
  void previewReady(quint64 jobId, int step, const QImage& image);
  void previewFallback(quint64 jobId, const QString& message);  // see InferenceWorker's
  void jobDone(const bksdm::GenerationOutcome& outcome);
  void runningChanged(bool running);

  // Requests to the worker, delivered on its thread.
  void loadRequested(const QString& location, const bksdm::EngineOptions& options, QPrivateSignal);
  void generateRequested(const bksdm::GenerationJob& job, QPrivateSignal);

 private:
  void onModelLoadDone(const LoadOutcome& outcome);
  void onJobStarted(quint64 jobId);
  void onJobDone(const GenerationOutcome& outcome);
  void finish(const GenerationOutcome& outcome);
  bool workerIsFree() const;  // a model is loaded and nothing runs or loads
  void dispatchNext();
  void start(const GenerationJob& job);
  void setRunning(bool running);

  QThread thread_;
  InferenceWorker* worker_;  // lives on thread_, deleted when it finishes
  JobQueue queue_;
  std::optional<GenerationJob> current_;
  bool running_ = false;  // as last announced by runningChanged
  std::optional<LoadedModel> model_;
  TokenCounter tokenCounter_;
  quint64 nextJobId_ = 1;
  // One per job from enqueue() to its end: what outcome() awaits.
  std::map<quint64, QPromise<GenerationOutcome>> completions_;
  std::deque<QPromise<LoadOutcome>> pendingLoads_;
};

}  // namespace bksdm
