#pragma once
// An InferenceWorker on a thread of its own, reached only through queued calls as the Studio
// reaches it; each call waits for the worker's answer.
#include <optional>

#include <QTest>
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
    return ask(&InferenceWorker::modelLoadDone, [worker = worker_, location, options] { worker->loadModel(location, options); },
               60000);
  }

  // The run's outcome; Failed, without an error, when none came within two minutes.
  GenerationOutcome run(const GenerationJob& job) {
    return ask(&InferenceWorker::jobDone, [worker = worker_, job] { worker->generate(job); }, 120000);
  }

 private:
  // The first answer `signal` brings after `call` runs on the worker's thread. Not QSignalSpy::wait:
  // an answer that comes before the wait begins (a run cancelled before its first step ends at
  // once) would be counted as already there, and the wait would last its whole timeout.
  template <typename Answer, typename Call>
  Answer ask(void (InferenceWorker::*signal)(const Answer&), Call call, int timeoutMs) {
    std::optional<Answer> answer;
    QObject receiver;
    QObject::connect(worker_, signal, &receiver, [&answer](const Answer& a) { if (!answer) answer = a; },
                     Qt::QueuedConnection);
    QMetaObject::invokeMethod(worker_, std::move(call), Qt::QueuedConnection);
    QTest::qWaitFor([&answer] { return answer.has_value(); }, timeoutMs);
    return answer.value_or(Answer{});
  }

 private:
  QThread thread_;
  InferenceWorker* worker_;
};

}  // namespace bksdm::testing
