// The Grid tab (issue 20): the app's grid plan from the form and its axes (core's grid, checked as
// the CLI checks it), its estimate, and in the window the cells filled in as their runs finish, in
// the plan's order, a cancelled grid's cells marked so.
#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include "app/generation_job.h"
#include "app/grid_plan.h"
#include "app/studio.h"
#include "tests/app/temporary_settings.h"
#include "ui/grid_panel.h"
#include "ui/main_window.h"
#include "ui/parameters_panel.h"
#include "ui/prompt_editor.h"
#include "ui/seed_field.h"

using namespace bksdm;

namespace {

const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/sd-v1-4-mini");

GenerationParams base() {
  GenerationParams params;
  params.prompt = QStringLiteral("a red vase");
  params.seed = 5;
  params.width = params.height = 64;
  return params;
}

}  // namespace

class GridTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { testing::keepSettingsIn(settingsDir_.path(), QStringLiteral("grid-test")); }

  // Columns from X, rows from Y; a description twice is made once; labels as A1111 writes them.
  void aPlanHasTheCellsOfItsAxes() {
    const GridPlanning planning = planGrid(base(), {QStringLiteral("steps: 1, 2"), QStringLiteral("seed: 5, 5, 6")});
    QVERIFY2(planning.error.isEmpty(), qPrintable(planning.error));
    const GridPlan& plan = planning.plan;
    QCOMPARE(plan.columns, 2);
    QCOMPARE(plan.rows, 3);
    QCOMPARE(plan.cells.size(), 6);
    QCOMPARE(plan.cells[plan.cellIndex(1, 2, 0)].steps, 2);
    QCOMPARE(plan.cells[plan.cellIndex(1, 2, 0)].seed, quint64(6));
    QCOMPARE(plan.cells[plan.cellIndex(1, 2, 0)].prompt, QStringLiteral("a red vase"));
    QCOMPARE(plan.madeBy[plan.cellIndex(0, 1, 0)], plan.cellIndex(0, 0, 0));  // seed 5 twice
    QCOMPARE(plan.runOrder, (QList<int>{0, 1, 4, 5}));
    QCOMPARE(plan.columnLabels, (QStringList{"steps: 1", "steps: 2"}));
    QCOMPARE(plan.rowLabels, (QStringList{"seed: 5", "seed: 5", "seed: 6"}));
  }

  void badGridsAreRefusedInWords() {
    QVERIFY(planGrid(base(), {QString(), QStringLiteral("seed: 1")}).error.contains("X axis before the Y"));
    QVERIFY(planGrid(base(), {QStringLiteral("steps: 0")}).error.contains("0 is out of range"));
    QVERIFY(planGrid(base(), {QStringLiteral("prompt s/r: blue, green")}).error.contains("'blue'"));
    GenerationParams batch = base();
    batch.numImages = 2;
    QVERIFY(planGrid(batch, {QStringLiteral("steps: 1")}).error.contains("one image each"));
  }

  // At the last run's pace: 1.5 s of denoising over 10 steps of 64 x 64 and 0.5 s of decode, so a
  // step of 64 x 64 takes 0.15 s: cells of 1 and 2 steps take 0.65 and 0.8 s.
  void theEstimateFollowsTheLastRunsPace() {
    GenerationParams last = base();
    last.steps = 10;
    const GridPlan plan = planGrid(base(), {QStringLiteral("steps: 1, 2")}).plan;
    QCOMPARE(gridSeconds(plan, last, 2.0, 0.5), 1.45);
    QCOMPARE(gridSeconds(plan, last, 0, 0), 0.0);  // no run yet: unknown
  }

  // The grid as the CLI draws it: 64-pixel cells, a row label band three quarters of one wide.
  void theGridImageHoldsItsCells() {
    const GridPlan plan = planGrid(base(), {QStringLiteral("steps: 1, 2"), QStringLiteral("seed: 1, 2")}).plan;
    QImage red(64, 64, QImage::Format_RGB888);
    red.fill(Qt::red);
    const QImage grid = gridImage(plan, 0, {red, red, red, QImage()});
    QCOMPARE(grid.width(), 48 + 128);
    QCOMPARE(grid.pixelColor(48 + 10, grid.height() - 64 - 10), QColor(Qt::red));
    QCOMPARE(grid.pixelColor(48 + 64 + 10, grid.height() - 10), QColor(Qt::white));  // not made
  }

  // From the Grid tab: the cells fill in as their runs end, in the plan's order.
  void aGridFillsInInItsOrder() {
    MainWindow& window = loadedWindow();
    QSignalSpy done(window.studio(), &Studio::jobDone);
    GridPanel* grid = window.gridPanel();
    grid->setAxis(0, QStringLiteral("steps"), QStringLiteral("1, 2"));
    grid->setAxis(1, QStringLiteral("seed"), QStringLiteral("7, 8"));
    QVERIFY2(grid->makeButton()->isEnabled(), qPrintable(grid->summary()->text()));
    QVERIFY2(grid->summary()->text().startsWith("Images: 4"), qPrintable(grid->summary()->text()));
    grid->makeButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 4, 150000);
    const GridPlan& plan = grid->plan();
    for (int i = 0; i < done.count(); ++i) {
      const auto outcome = done.at(i).at(0).value<GenerationOutcome>();
      QCOMPARE(int(outcome.status), int(GenerationOutcome::Status::Finished));
      QCOMPARE(outcome.params.steps, plan.cells[plan.runOrder[i]].steps);
      QCOMPARE(outcome.params.seed, plan.cells[plan.runOrder[i]].seed);
    }
    for (int row = 0; row < 2; ++row)
      for (int column = 0; column < 2; ++column) QVERIFY(!grid->table()->item(row, column)->icon().isNull());
    // A cell's settings come back into the form with its seed, locked.
    grid->table()->setCurrentCell(1, 1);
    grid->table()->actions().front()->trigger();
    QTRY_COMPARE(window.parametersPanel()->seedField()->value(), plan.cells[plan.cellIndex(1, 1, 0)].seed);
    QCOMPARE(window.parametersPanel()->stepsBox()->value(), 2);
    QVERIFY(window.parametersPanel()->seedField()->isLocked());
    window.parametersPanel()->stepsBox()->setValue(2);
    window.parametersPanel()->seedField()->setValue(7);
    // Now the pace of a run is known: the estimate says a time.
    grid->check();
    QVERIFY2(grid->summary()->text().contains("about"), qPrintable(grid->summary()->text()));
    // scripts/doc-screenshots.sh: the Grid tab as docs/walkthrough/grid.png shows it.
    if (const QString docs = qEnvironmentVariable("BKSDM_DOCS_DIR"); !docs.isEmpty()) {
      window.gridAction()->setChecked(false);
      window.gridAction()->trigger();
      QVERIFY(window.grab().save(docs + QStringLiteral("/grid.png")));
    }
  }

  // A model axis: each model's cells run on it, loaded once; the model loaded before comes back.
  void aModelAxisRunsEachModelsCells() {
    MainWindow& window = loadedWindow();
    window.parametersPanel()->stepsBox()->setValue(2);
    const QString other = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-tiny-mini");
    QSignalSpy done(window.studio(), &Studio::jobDone);
    QSignalSpy loads(window.studio(), &Studio::modelLoadStarted);
    GridPanel* grid = window.gridPanel();
    grid->setAxis(0, QStringLiteral("model"), kFixture + QStringLiteral(", ") + other);
    grid->setAxis(1, QStringLiteral("seed"), QStringLiteral("1, 2"));
    QVERIFY2(grid->makeButton()->isEnabled(), qPrintable(grid->summary()->text()));
    grid->makeButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 4, 150000);
    QTRY_VERIFY_WITH_TIMEOUT(window.studio()->model() && window.studio()->model()->location == kFixture, 60000);
    for (int i = 0; i < done.count(); ++i) {
      const auto outcome = done.at(i).at(0).value<GenerationOutcome>();
      QCOMPARE(int(outcome.status), int(GenerationOutcome::Status::Finished));
      QCOMPARE(outcome.params.modelId, i < 2 ? kFixture : other);  // a model's cells together
    }
    QCOMPARE(loads.count(), 2);  // the other model, then the one loaded before
    QCOMPARE(grid->plan().columnLabels, (QStringList{"model: sd-v1-4-mini", "model: bk-sdm-tiny-mini"}));
  }

  // Cancelling everything ends the grid's waiting cells as cancelled, none left waiting.
  void aCancelledGridSaysSo() {
    MainWindow& window = loadedWindow();
    GridPanel* grid = window.gridPanel();
    window.parametersPanel()->stepsBox()->setValue(30);
    grid->setAxis(0, QStringLiteral("seed"), QStringLiteral("+4"));
    grid->setAxis(1, QString(), QString());
    grid->makeButton()->click();
    window.studio()->cancelAll();
    const auto cancelledCells = [grid] {
      int cancelled = 0;
      for (int column = 0; column < grid->table()->columnCount(); ++column) {
        const QTableWidgetItem* item = grid->table()->item(0, column);
        if (item && item->text() == QStringLiteral("waiting")) return -1;
        if (item && item->text() == QStringLiteral("cancelled")) ++cancelled;
      }
      return cancelled;
    };
    QTRY_VERIFY_WITH_TIMEOUT(cancelledCells() >= 3, 150000);
  }

  void cleanupTestCase() { delete window_; }

 private:
  MainWindow& loadedWindow() {
    if (!window_) {
      window_ = new MainWindow;
      window_->resize(1280, 800);
      window_->show();
      if (!QCoro::waitFor(window_->loadModel(kFixture))) qFatal("the fixture model did not load");
      window_->promptEditor()->setText(QStringLiteral("a red vase"));
      window_->parametersPanel()->widthBox()->setValue(64);
      window_->parametersPanel()->heightBox()->setValue(64);
      window_->parametersPanel()->stepsBox()->setValue(2);
      window_->parametersPanel()->seedField()->setValue(7);
      window_->parametersPanel()->seedField()->setLocked(true);
    }
    return *window_;
  }

  QTemporaryDir settingsDir_;
  MainWindow* window_ = nullptr;
};

QTEST_MAIN(GridTest)
#include "test_grid.moc"
