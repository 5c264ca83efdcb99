#include "app/studio.h"

#include <qcoro/qcorofuture.h>

#include "app/inference_worker.h"

namespace bksdm {
namespace {

template <typename T>
void fulfil(QPromise<T>& promise, const T& value) {
  promise.addResult(value);
  promise.finish();
}

GenerationOutcome cancelledBeforeStart(const GenerationJob& job) {
  GenerationOutcome outcome;
  outcome.jobId = job.id;
  outcome.params = job.params;
  outcome.status = GenerationOutcome::Status::Cancelled;
  return outcome;
}

}  // namespace

Studio::Studio(QObject* parent) : QObject(parent), worker_(new InferenceWorker) {
  thread_.setObjectName(QStringLiteral("inference"));
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(this, &Studio::loadRequested, worker_, &InferenceWorker::loadModel, Qt::QueuedConnection);
  connect(this, &Studio::generateRequested, worker_, &InferenceWorker::generate, Qt::QueuedConnection);
  connect(worker_, &InferenceWorker::modelLoadDone, this, &Studio::onModelLoadDone, Qt::QueuedConnection);
  connect(worker_, &InferenceWorker::jobStarted, this, &Studio::onJobStarted, Qt::QueuedConnection);
  connect(worker_, &InferenceWorker::stageStarted, this, &Studio::stageStarted, Qt::QueuedConnection);
  connect(worker_, &InferenceWorker::stepProgress, this, &Studio::stepProgress, Qt::QueuedConnection);
  connect(worker_, &InferenceWorker::previewReady, this, &Studio::previewReady, Qt::QueuedConnection);
  connect(worker_, &InferenceWorker::previewFallback, this, &Studio::previewFallback, Qt::QueuedConnection);
  connect(worker_, &InferenceWorker::jobDone, this, &Studio::onJobDone, Qt::QueuedConnection);
  thread_.start();
}

Studio::~Studio() {
  blockSignals(true);  // the owner is being torn down too
  cancelAll();
  thread_.quit();
  thread_.wait();
  // Whatever the worker did not answer ends here, so no one awaits forever.
  for (auto& [id, promise] : completions_) {
    GenerationOutcome outcome;
    outcome.jobId = id;
    outcome.status = GenerationOutcome::Status::Cancelled;
    fulfil(promise, outcome);
  }
  for (QPromise<LoadOutcome>& promise : pendingLoads_) fulfil(promise, LoadOutcome{{}, false, {}, tr("The application is closing.")});
}

std::optional<quint64> Studio::currentJobId() const {
  if (!current_) return std::nullopt;
  return current_->id;
}

QCoro::Task<LoadOutcome> Studio::loadModel(QString location, EngineOptions options) {
  QPromise<LoadOutcome>& promise = pendingLoads_.emplace_back();
  promise.start();
  QFuture<LoadOutcome> future = promise.future();
  model_.reset();
  tokenCounter_.setCounter({});
  Q_EMIT modelLoadStarted(location);
  Q_EMIT loadRequested(location, options, QPrivateSignal());
  co_return co_await future;
}

void Studio::onModelLoadDone(const LoadOutcome& outcome) {
  if (outcome.ok) {
    model_ = outcome.model;
    tokenCounter_.setCounter(outcome.model.countTokens);
  }
  QPromise<LoadOutcome> promise = std::move(pendingLoads_.front());
  pendingLoads_.pop_front();
  fulfil(promise, outcome);
  Q_EMIT modelLoadDone(outcome);
  dispatchNext();
}

quint64 Studio::enqueue(const GenerationParams& params, const PreviewOptions& preview, bool held) {
  GenerationJob job;
  job.id = nextJobId_++;
  job.params = params;
  job.preview = preview;
  job.held = held;
  completions_[job.id].start();
  // Only a job that has to wait goes into the queue, so the queue's views never show one that ran at once.
  if (!held && workerIsFree() && queue_.firstRunnable() < 0)
    start(job);
  else
    queue_.append(job);
  return job.id;
}

QCoro::Task<GenerationOutcome> Studio::outcome(quint64 jobId) {
  const auto found = completions_.find(jobId);
  if (found == completions_.end()) {
    GenerationOutcome unknown;
    unknown.jobId = jobId;
    unknown.error = tr("No such job.");
    co_return unknown;
  }
  QFuture<GenerationOutcome> future = found->second.future();
  co_return co_await future;
}

QCoro::Task<GenerationOutcome> Studio::generate(GenerationParams params, PreviewOptions preview) {
  co_return co_await outcome(enqueue(params, preview));
}

void Studio::resumeHeld() {
  queue_.releaseHeld();
  dispatchNext();
}

QList<GenerationJob> Studio::pendingJobs() const {
  QList<GenerationJob> jobs;
  if (current_) jobs.append(*current_);
  return jobs + queue_.jobs();
}

void Studio::remove(quint64 jobId) {
  if (auto job = queue_.take(queue_.rowOf(jobId))) finish(cancelledBeforeStart(*job));
}

void Studio::cancelCurrent() {
  if (current_) current_->cancel->store(true);
}

void Studio::cancelAll() {
  for (const GenerationJob& job : queue_.takeAll()) finish(cancelledBeforeStart(job));
  cancelCurrent();
}

bool Studio::workerIsFree() const { return !current_ && !isLoading() && model_.has_value(); }

void Studio::dispatchNext() {
  const int next = queue_.firstRunnable();
  if (!workerIsFree() || next < 0) return;
  start(*queue_.take(next));
}

void Studio::start(const GenerationJob& job) {
  current_ = job;
  setRunning(true);
  Q_EMIT generateRequested(*current_, QPrivateSignal());
}

void Studio::onJobStarted(quint64 jobId) {
  if (current_ && current_->id == jobId) Q_EMIT jobStarted(*current_);
}

void Studio::onJobDone(const GenerationOutcome& outcome) {
  current_.reset();
  finish(outcome);
  dispatchNext();
  setRunning(current_.has_value());
}

void Studio::setRunning(bool running) {
  if (running == running_) return;
  running_ = running;
  Q_EMIT runningChanged(running);
}

void Studio::finish(const GenerationOutcome& outcome) {
  if (const auto completion = completions_.find(outcome.jobId); completion != completions_.end()) {
    fulfil(completion->second, outcome);
    completions_.erase(completion);
  }
  Q_EMIT jobDone(outcome);
}

}  // namespace bksdm
