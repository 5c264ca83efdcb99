// A hundred runs queued behind a running one, shown in the queue panel: the UI thread's event loop
// keeps turning (its longest stall is measured and printed), and Cancel all empties the queue at
// once and stops the running job within a step or so.
#include <QElapsedTimer>
#include <QListView>
#include <QSignalSpy>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include "app/event_loop_monitor.h"
#include "app/studio.h"
#include "ui/queue_panel.h"

using namespace bksdm;

namespace {

const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");
constexpr int kQueued = 100;

GenerationParams params(int steps, quint64 seed) {
  GenerationParams p;
  p.prompt = QStringLiteral("a harbour at night, lanterns on the water");
  p.steps = steps;
  p.seed = seed;
  p.attentionMaps = true;
  return p;
}

PreviewOptions everyStep() {
  PreviewOptions previews;
  previews.mode = PreviewMode::Fast;
  previews.interval = 1;
  return previews;
}

}  // namespace

class LongQueueTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    const LoadOutcome outcome = QCoro::waitFor(studio_.loadModel(kFixture, EngineOptions{}));
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
  }

  void aHundredQueuedRunsThenCancelAll() {
    QueuePanel panel(&studio_);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    EventLoopMonitor monitor;
    monitor.start();
    QSignalSpy started(&studio_, &Studio::jobStarted);
    const quint64 running = studio_.enqueue(params(300, 0), everyStep());
    QVERIFY(started.wait(60000));

    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < kQueued; ++i) studio_.enqueue(params(10, quint64(i) + 1), everyStep());
    const double enqueueMs = clock.nsecsElapsed() / 1e6;
    QTest::qWait(1000);  // the run goes on, previews arrive, the panel shows the queue
    QCOMPARE(studio_.currentJobId(), std::optional<quint64>(running));
    QCOMPARE(panel.view()->model()->rowCount(), kQueued);

    QSignalSpy done(&studio_, &Studio::jobDone);
    clock.restart();
    studio_.cancelAll();
    const double cancelAllMs = clock.nsecsElapsed() / 1e6;
    QVERIFY(studio_.queue()->isEmpty());
    QCOMPARE(panel.view()->model()->rowCount(), 0);
    QCOMPARE(done.size(), kQueued);  // every queued run answered before cancelAll returned
    for (const QList<QVariant>& signal : done)
      QCOMPARE(signal.at(0).value<GenerationOutcome>().status, GenerationOutcome::Status::Cancelled);
    // The run stops before its next step; one step with its preview and maps takes 0.1 s on an idle
    // machine but over a second on a busy 2-core one.
    QTRY_VERIFY_WITH_TIMEOUT(!studio_.isRunning(), 5000);
    const double idleMs = clock.nsecsElapsed() / 1e6;
    monitor.stop();
    QCOMPARE(done.size(), kQueued + 1);
    QCOMPARE(done.last().at(0).value<GenerationOutcome>().status, GenerationOutcome::Status::Cancelled);
    qInfo("%d runs queued in %.1f ms; Cancel all returned in %.2f ms, the worker idle after %.0f ms; "
          "longest event-loop stall %.1f ms",
          kQueued, enqueueMs, cancelAllMs, idleMs, monitor.longestStallMs());
    // A loaded 2-core CI machine can deschedule us for a while; a blocking call would take seconds.
    QVERIFY(monitor.longestStallMs() < 250);
    QCOMPARE(QCoro::waitFor(studio_.generate(params(2, 7), everyStep())).status, GenerationOutcome::Status::Finished);
  }

 private:
  Studio studio_;
};

QTEST_MAIN(LongQueueTest)
#include "test_long_queue.moc"
