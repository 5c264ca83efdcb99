#pragma once
// An InferenceWorker on a thread of its own, reached only through queued calls as the Studio
// reaches it; each call waits for the worker's answer.
#include <QSignalSpy>
#include <QThread>

#include "app/inference_worker.h"

namespace bksdm::testing {

class WorkerOnThread {
 public:
  WorkerOnThread() : worker_(new InferenceWorker) {
    worker_->moveToThread(&thread_);
    QObject::connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
  }
  ~WorkerOnThread() {
    thread_.quit();
    thread_.wait();
  }
  WorkerOnThread(const WorkerOnThread&) = delete;
  WorkerOnThread& operator=(const WorkerOnThread&) = delete;

  InferenceWorker* worker() const { return worker_; }

  // The load's outcome; not ok, without an error, when none came within a minute.
  LoadOutcome load(const QString& location, const EngineOptions& options = {}) {
    QSignalSpy loaded(worker_, &InferenceWorker::modelLoadDone);
    QMetaObject::invokeMethod(worker_, [worker = worker_, location, options] { worker->loadModel(location, options); },
                              Qt::QueuedConnection);
    if (!loaded.wait(60000)) return {};
    return loaded.at(0).at(0).value<LoadOutcome>();
  }

  // The run's outcome; Failed, without an error, when none came within two minutes.
  GenerationOutcome run(const GenerationJob& job) {
    QSignalSpy done(worker_, &InferenceWorker::jobDone);
    QMetaObject::invokeMethod(worker_, [worker = worker_, job] { worker->generate(job); }, Qt::QueuedConnection);
    if (!done.wait(120000)) return {};
    return done.at(0).at(0).value<GenerationOutcome>();
  }

 private:
  QThread thread_;
  InferenceWorker* worker_;
};

}  // namespace bksdm::testing
