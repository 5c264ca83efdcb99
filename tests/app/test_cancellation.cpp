// Cancelling at every step of a run, before its first step, and while a model loads: the run ends
// cancelled at once, and the worker (through the Studio too) then gives the next run the very image
// an undisturbed run gives. Previews and attention maps are on, so their per-step work is cut too.
#include <atomic>

#include <QSignalSpy>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include "app/inference_worker.h"
#include "tests/app/worker_on_thread.h"
#include "app/studio.h"

using namespace bksdm;

namespace {

const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");
const QString kOtherFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-small-mini");
constexpr int kSteps = 5;  // euler_a runs exactly this many

GenerationParams params(int steps = kSteps) {
  GenerationParams p;
  p.prompt = QStringLiteral("a lighthouse on a cliff at dawn");
  p.scheduler = QStringLiteral("euler_a");
  p.steps = steps;
  p.seed = 4321;
  p.attentionMaps = true;
  return p;
}

PreviewOptions everyStep() {
  PreviewOptions previews;
  previews.mode = PreviewMode::Fast;
  previews.interval = 1;
  return previews;
}

GenerationJob job(quint64 id) {
  GenerationJob job;
  job.id = id;
  job.params = params();
  job.preview = everyStep();
  return job;
}

}  // namespace

class CancellationTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(worker_.load(kFixture).ok);
    const GenerationOutcome reference = worker_.run(job(nextId_++));
    QCOMPARE(reference.status, GenerationOutcome::Status::Finished);
    QCOMPARE(reference.images.size(), 1);
    reference_ = reference.images[0];
  }

  void cancelAtEveryStep_data() {
    QTest::addColumn<int>("step");
    QTest::newRow("before the first step") << -1;
    for (int step = 0; step < kSteps; ++step) QTest::newRow(qPrintable(QStringLiteral("at step %1").arg(step))) << step;
  }

  // The flag goes up on the worker thread while `step` is reported: no further step may run.
  void cancelAtEveryStep() {
    QFETCH(int, step);
    const GenerationJob cancelled = job(nextId_++);
    if (step < 0) cancelled.cancel->store(true);
    std::atomic<int> stepsSeen{0};
    connect(worker_.worker(), &InferenceWorker::stepProgress, this, [&, flag = cancelled.cancel](const StepProgress& p) {
      ++stepsSeen;
      if (p.step == step) flag->store(true);
    }, Qt::DirectConnection);
    const GenerationOutcome outcome = worker_.run(cancelled);
    disconnect(worker_.worker(), nullptr, this, nullptr);
    QCOMPARE(outcome.status, GenerationOutcome::Status::Cancelled);
    QCOMPARE(stepsSeen.load(), step + 1);
    QVERIFY(outcome.images.isEmpty());
    QVERIFY(outcome.attention.isEmpty());

    const GenerationOutcome next = worker_.run(job(nextId_++));
    QCOMPARE(next.status, GenerationOutcome::Status::Finished);
    QCOMPARE(next.images.value(0), reference_);
    QCOMPARE(next.attention.size(), 1);
  }

  // Nothing runs while a model loads: Cancel all takes the queued run at once, the load goes on.
  void aRunQueuedDuringALoadIsCancelledAtOnce() {
    Studio studio;
    auto load = studio.loadModel(kFixture, EngineOptions{});
    QSignalSpy done(&studio, &Studio::jobDone);
    const quint64 id = studio.enqueue(params(), everyStep());
    QVERIFY(studio.isLoading());
    studio.cancelAll();
    QVERIFY(studio.queue()->isEmpty());
    QCOMPARE(done.size(), 1);  // before the load has ended
    QVERIFY(studio.isLoading());
    QCOMPARE(done.at(0).at(0).value<GenerationOutcome>().jobId, id);
    QCOMPARE(done.at(0).at(0).value<GenerationOutcome>().status, GenerationOutcome::Status::Cancelled);
    QVERIFY(QCoro::waitFor(load).ok);
    expectTheReferenceImage(studio);
  }

  // A second model picked while the first loads: both loads are answered, in order, and the second
  // model is the one that runs.
  void aLoadDuringALoadIsTakenNext() {
    Studio studio;
    auto first = studio.loadModel(kOtherFixture, EngineOptions{});
    auto second = studio.loadModel(kFixture, EngineOptions{});
    const quint64 id = studio.enqueue(params(), everyStep());
    auto cancelled = studio.outcome(id);
    studio.cancelAll();
    QCOMPARE(QCoro::waitFor(cancelled).status, GenerationOutcome::Status::Cancelled);
    QVERIFY(QCoro::waitFor(first).ok);
    const LoadOutcome loaded = QCoro::waitFor(second);
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    QCOMPARE(loaded.location, kFixture);
    QCOMPARE(studio.model()->entry.name, loaded.model.entry.name);
    QVERIFY(!studio.isLoading());
    expectTheReferenceImage(studio);
  }

  // A model load asked for during a run waits for it; cancelling the run lets the load start.
  void aRunCancelledWhileALoadWaits() {
    Studio studio;
    QVERIFY(QCoro::waitFor(studio.loadModel(kOtherFixture, EngineOptions{})).ok);
    const quint64 id = studio.enqueue(params(maxSteps()), everyStep());
    QSignalSpy started(&studio, &Studio::jobStarted);
    QVERIFY(started.wait(60000));
    auto cancelled = studio.outcome(id);
    auto load = studio.loadModel(kFixture, EngineOptions{});
    studio.cancelCurrent();
    const GenerationOutcome outcome = QCoro::waitFor(cancelled);
    QCOMPARE(outcome.status, GenerationOutcome::Status::Cancelled);
    QVERIFY(QCoro::waitFor(load).ok);
    expectTheReferenceImage(studio);
  }

 private:
  void expectTheReferenceImage(Studio& studio) {
    const GenerationOutcome next = QCoro::waitFor(studio.generate(params(), everyStep()));
    QCOMPARE(next.status, GenerationOutcome::Status::Finished);
    QCOMPARE(next.images.value(0), reference_);
  }

  testing::WorkerOnThread worker_;
  quint64 nextId_ = 1;
  QImage reference_;
};

QTEST_GUILESS_MAIN(CancellationTest)
#include "test_cancellation.moc"
