// The window's controls around a run, with the fixture model on the offscreen platform: Esc that a
// popup takes, quitting with a queue (asked, then restored paused), the progress line's stages and
// steps, Reuse and the seed's lock, the preview of a cancelled run, the queue's rows and menu, the
// disabled icons, the shortcuts page, and the batch position in the A1111 text.
#include <QAction>
#include <QComboBox>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QMenuBar>
#include <QTableWidget>
#include <QTextDocument>
#include <QTextLayout>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include "app/gallery/gallery_settings.h"
#include "app/gallery/image_file.h"
#include "app/studio.h"
#include "ui/gallery/gallery_widget.h"
#include "ui/image_view.h"
#include "ui/main_window.h"
#include "ui/parameters_panel.h"
#include "ui/progress_panel.h"
#include "ui/prompt_editor.h"
#include "ui/queue_panel.h"
#include "ui/seed_field.h"
#include "ui/shortcuts_dialog.h"
#include "ui/theme.h"
#include "tests/app/temporary_settings.h"

using namespace bksdm;

namespace {

const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");

// Clicks the button whose text is `button` in the next modal message box, once it shows.
void answerNextMessageBox(const QString& button) {
  auto* poll = new QTimer;
  poll->setInterval(10);
  QObject::connect(poll, &QTimer::timeout, poll, [poll, button] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box) return;
    for (QAbstractButton* candidate : box->buttons())
      if (candidate->text().remove('&') == button) candidate->click();
    poll->deleteLater();
  });
  poll->start();
}

double secondsLeftIn(const QString& text) {
  const auto match = QRegularExpression(QStringLiteral("([0-9.]+) s left")).match(text);
  return match.hasMatch() ? match.captured(1).toDouble() : -1;
}

double alphaSum(const QImage& image) {
  double sum = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) sum += qAlpha(image.pixel(x, y));
  return sum;
}

}  // namespace

class WindowControlsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    testing::keepSettingsIn(settingsDir_.path(), QStringLiteral("window-controls-test"));
    QApplication::setQuitOnLastWindowClosed(false);  // a window closes and another opens
    qputenv("HF_HUB_CACHE", hubCache_.path().toLocal8Bit());
    qputenv("HF_HUB_OFFLINE", "1");
    gallery::GallerySettings gallerySettings;
    gallerySettings.setFolders({galleryDir_.path()});
    gallerySettings.setCurrentFolder(galleryDir_.path());
    openWindow();
    QVERIFY(QCoro::waitFor(window_->loadModel(kFixture)));
  }

  void cleanupTestCase() { delete window_; }

  void aCancelledRunsPreviewLeavesTheView() {
    configure(400);
    QSignalSpy previews(window_->studio(), &Studio::previewReady);
    window_->generateAction()->trigger();
    QVERIFY(previews.wait(30000));
    const QImage preview = previews.last().at(2).value<QImage>();
    QTRY_COMPARE(window_->imageView()->image().cacheKey(), preview.cacheKey());
    window_->cancelAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window_->studio()->isRunning(), 30000);
    QVERIFY(window_->imageView()->image().isNull());  // no result yet: nothing, rather than the stale preview
    QCOMPARE(window_->progressPanel()->text(), QStringLiteral("Cancelled"));
  }

  void escClosesAnOpenDropDownWithoutCancellingTheRun() {
    configure(500, 256);  // some seconds: long enough to see whether Esc ended it
    window_->generateAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window_->studio()->isRunning(), 30000);
    const auto running = window_->studio()->currentJobId();
    QSignalSpy done(window_->studio(), &Studio::jobDone);
    for (QComboBox* combo : {window_->parametersPanel()->schedulerBox(), window_->parametersPanel()->presetBox()}) {
      combo->showPopup();
      QTRY_VERIFY(QApplication::activePopupWidget());
      QWidget* popup = QApplication::activePopupWidget();
      QTest::keyClick(popup->focusWidget() ? popup->focusWidget() : popup, Qt::Key_Escape);
      QTRY_VERIFY(!QApplication::activePopupWidget());
      QTest::qWait(200);  // a cancel would end the run within a step (about a millisecond here)
      QCOMPARE(done.count(), 0);
      QCOMPARE(window_->studio()->currentJobId(), running);
    }
    // A desktop gives the activation and focus back to the window and the combo; offscreen does not.
    QApplication::setActiveWindow(window_);
    window_->parametersPanel()->schedulerBox()->setFocus();
    QTest::keyClick(window_->parametersPanel()->schedulerBox(), Qt::Key_Escape);  // nothing open: Esc cancels
    QVERIFY(done.wait(30000));
    QCOMPARE(done.first().at(0).value<GenerationOutcome>().status, GenerationOutcome::Status::Cancelled);
  }

  void progressFoldsPndmsExtraCallAndNamesEachStage() {
    configure(3);
    window_->parametersPanel()->schedulerBox()->setCurrentIndex(window_->parametersPanel()->schedulerBox()->findData("pndm"));
    QStringList labels;
    auto record = [&] {
      const QString text = window_->progressPanel()->text();
      if (labels.isEmpty() || labels.last() != text) labels << text;
    };
    // After the window's own handlers, which update the panel first.
    auto stages = connect(window_->studio(), &Studio::stageStarted, this, record);
    auto steps = connect(window_->studio(), &Studio::stepProgress, this, record);
    auto started = connect(window_->studio(), &Studio::jobStarted, this, record);
    QSignalSpy done(window_->studio(), &Studio::jobDone);
    QSignalSpy stepSpy(window_->studio(), &Studio::stepProgress);
    window_->generateAction()->trigger();
    QVERIFY(done.wait(60000));
    record();
    disconnect(stages);
    disconnect(steps);
    disconnect(started);
    QCOMPARE(stepSpy.last().at(0).value<StepProgress>().total, 4);  // PNDM: 3 steps, 4 U-Net calls
    QStringList stepNumbers;
    for (const QString& label : labels) {
      QVERIFY2(!label.contains(QLatin1String("/ 4")), qPrintable(labels.join(" | ")));
      const auto match = QRegularExpression(QStringLiteral("^Step (\\d) / 3")).match(label);
      if (match.hasMatch()) stepNumbers << match.captured(1);
    }
    const QString order = labels.join(" | ");
    QVERIFY2(labels.first().startsWith("Encoding the prompt"), qPrintable(order));
    QVERIFY2(stepNumbers.first() == "1" && stepNumbers.last() == "3", qPrintable(order));
    QVERIFY2(std::is_sorted(stepNumbers.begin(), stepNumbers.end()), qPrintable(order));
    const qsizetype decoding = labels.indexOf(QRegularExpression("Decoding the image.*"));
    QVERIFY2(decoding > labels.lastIndexOf(QRegularExpression("Step .*")), qPrintable(order));
    QVERIFY2(labels.last().startsWith("Done"), qPrintable(order));
  }

  void elapsedTicksAndTheLastStepsEtaIncludesTheDecode() {
    ProgressPanel panel;
    GenerationJob job;
    job.params.steps = 3;
    job.params.width = job.params.height = 64;
    GenerationOutcome learned;  // a finished run whose decode took 2 s teaches the panel
    learned.status = GenerationOutcome::Status::Finished;
    learned.params = job.params;
    learned.decodeSeconds = 2.0;
    panel.start(job);
    panel.finish(learned);

    panel.start(job);
    const QString atStart = panel.text();
    QTest::qWait(350);
    QVERIFY2(panel.text() != atStart, qPrintable(atStart));  // no step came: the clock alone moved it
    panel.enterStage(JobStage::Denoising);
    for (int call = 0; call < 4; ++call) panel.step(StepProgress{1, call, 4, 0, 0.01, 0});
    QVERIFY2(panel.text().startsWith("Step 3 / 3"), qPrintable(panel.text()));
    QVERIFY2(secondsLeftIn(panel.text()) >= 1.9, qPrintable(panel.text()));  // the 2 s decode is still ahead
    panel.enterStage(JobStage::Decoding);
    QVERIFY2(panel.text().startsWith("Decoding the image"), qPrintable(panel.text()));
    QVERIFY2(secondsLeftIn(panel.text()) > 1.5, qPrintable(panel.text()));
  }

  void reuseKeepsTheLockAndReuseWithThisSeedLocks() {
    SeedField* seed = window_->parametersPanel()->seedField();
    seed->setLocked(false);
    gallery::GenerationSettings settings;
    settings.params.prompt = QStringLiteral("a fox in the snow");
    settings.params.modelId = kFixture;
    settings.params.scheduler = QStringLiteral("ddim");
    settings.params.steps = 5;
    settings.params.seed = 4242;
    settings.params.width = settings.params.height = 64;
    Q_EMIT window_->galleryWidget()->reuseRequested(settings);
    QTRY_COMPARE(window_->promptEditor()->text(), settings.params.prompt);
    QCOMPARE(seed->value(), quint64(4242));
    QVERIFY(!seed->isLocked());  // so three Ctrl+Enter make three different images
    seed->setLocked(true);
    settings.params.seed = 99;
    Q_EMIT window_->galleryWidget()->reuseRequested(settings);
    QTRY_COMPARE(seed->value(), quint64(99));
    QVERIFY(seed->isLocked());  // as the user had it
    seed->setLocked(false);
    settings.params.seed = 7;
    Q_EMIT window_->galleryWidget()->reuseWithSeedRequested(settings);
    QTRY_COMPARE(seed->value(), quint64(7));
    QVERIFY(seed->isLocked());
  }

  void queueRowsTellJobsApartAndTheirMenuEditsDuplicatesAndMovesToTop() {
    configure(400);
    window_->promptEditor()->setText(QStringLiteral("a very long prompt about a lighthouse on a cliff at dawn, oil painting"));
    window_->generateAction()->trigger();  // runs
    QTRY_VERIFY_WITH_TIMEOUT(window_->studio()->isRunning(), 30000);
    window_->parametersPanel()->seedField()->setValue(11);
    window_->generateAction()->trigger();
    window_->parametersPanel()->seedField()->setValue(12);
    window_->parametersPanel()->stepsBox()->setValue(300);
    window_->generateAction()->trigger();
    JobQueue* queue = window_->studio()->queue();
    QCOMPARE(queue->rowCount(), 2);
    const QString first = queue->index(0).data().toString(), second = queue->index(1).data().toString();
    QVERIFY2(first.contains("seed 11") && first.contains(QString::fromUtf8("64×64")) && first.contains("400 steps"), qPrintable(first));
    QVERIFY2(second.contains("seed 12") && second.contains("300 steps"), qPrintable(second));
    QVERIFY(queue->index(0).data(Qt::ToolTipRole).toString().contains("oil painting"));  // the whole prompt

    QueuePanel* panel = window_->queuePanel();
    QMenu* menu = panel->contextMenuFor(1);
    actionIn(menu, "Move to Top")->trigger();
    QVERIFY(queue->index(0).data().toString().contains("seed 12"));
    actionIn(panel->contextMenuFor(0), "Duplicate")->trigger();
    QCOMPARE(queue->rowCount(), 3);
    QVERIFY(queue->index(1).data().toString().contains("seed 12"));
    window_->promptEditor()->setText(QStringLiteral("something else"));
    actionIn(panel->contextMenuFor(2), "Edit")->trigger();
    QCOMPARE(queue->rowCount(), 2);
    QVERIFY(window_->promptEditor()->text().startsWith("a very long prompt"));
    QCOMPARE(window_->parametersPanel()->seedField()->value(), quint64(11));
    QCOMPARE(window_->parametersPanel()->stepsBox()->value(), 400);
    window_->studio()->cancelAll();
    QTRY_VERIFY_WITH_TIMEOUT(!window_->studio()->isRunning(), 30000);
  }

  void quittingWithAQueueAsksAndTheQueueComesBackPaused() {
    configure(400);
    window_->generateAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window_->studio()->isRunning(), 30000);
    window_->parametersPanel()->seedField()->setValue(21);
    window_->generateAction()->trigger();
    window_->parametersPanel()->seedField()->setValue(22);
    window_->generateAction()->trigger();

    answerNextMessageBox(QStringLiteral("Cancel"));
    QVERIFY(!window_->close());
    QVERIFY(window_->isVisible());
    QVERIFY(window_->studio()->isRunning());
    QCOMPARE(window_->studio()->queue()->rowCount(), 2);

    answerNextMessageBox(QStringLiteral("Quit"));
    QVERIFY(window_->close());
    delete window_;
    openWindow();
    JobQueue* queue = window_->studio()->queue();
    QCOMPARE(queue->rowCount(), 3);  // the stopped run first, then the two that waited
    QCOMPARE(queue->heldCount(), 3);
    QCOMPARE(queue->jobs()[1].params.seed, quint64(21));
    QCOMPARE(queue->jobs()[2].params.seed, quint64(22));
    QVERIFY(queue->index(0).data().toString().startsWith("Paused"));
    QVERIFY(window_->queuePanel()->resumeButton()->isVisible());
    QVERIFY(QCoro::waitFor(window_->loadModel(kFixture)));
    QTest::qWait(100);
    QVERIFY(!window_->studio()->isRunning());  // a model is there, and still they wait
    window_->queuePanel()->resumeButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(window_->studio()->isRunning(), 30000);
    QCOMPARE(queue->heldCount(), 0);
    window_->studio()->cancelAll();
    QTRY_VERIFY_WITH_TIMEOUT(!window_->studio()->isRunning(), 30000);
    QVERIFY(window_->close());  // nothing pending: no question
  }

  void disabledIconsAreFadedOnBothPalettes() {
    for (const QString theme : {QStringLiteral("dark"), QStringLiteral("light")}) {
      applyTheme(*qApp, theme);
      const QIcon icon = appIcon(QStringLiteral("move-up"));
      const double normal = alphaSum(icon.pixmap(24, QIcon::Normal).toImage());
      const double disabled = alphaSum(icon.pixmap(24, QIcon::Disabled).toImage());
      QVERIFY(normal > 0);
      QVERIFY2(disabled < 0.5 * normal, qPrintable(theme));
    }
    applyTheme(*qApp, QStringLiteral("system"));
  }

  void theShortcutsPageListsTheWindowsActionsAndPreferencesHasOne() {
    const QList<QKeySequence> preferences = window_->preferencesAction()->shortcuts();
    QVERIFY(!preferences.isEmpty());
    if (QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty())
      QCOMPARE(preferences.first(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    const QList<QAction*> actions = actionsWithShortcuts(window_);
    ShortcutsDialog dialog(actions, window_);
    QTableWidget* table = dialog.table();
    QStringList commands;
    for (int row = 0; row < table->rowCount(); ++row) commands << table->item(row, 0)->text();
    for (QAction* action : {window_->generateAction(), window_->cancelAction(), window_->preferencesAction()})
      QVERIFY2(commands.contains(action->text().remove('&').remove(QChar(0x2026))), qPrintable(commands.join(", ")));
    QVERIFY2(commands.contains("Quit"), qPrintable(commands.join(", ")));  // a menu's own action too
    const int quit = int(commands.indexOf("Quit"));
    QVERIFY(!table->item(quit, 1)->text().isEmpty());
    QVERIFY(!MainWindow::docsUrl().isEmpty());
    QVERIFY(QFileInfo::exists(MainWindow::docsUrl().toLocalFile()));
  }

  void aboutNeverBreaksCPlusPlus() {
    QString about;
    auto* poll = new QTimer;
    poll->setInterval(10);
    connect(poll, &QTimer::timeout, poll, [poll, &about] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      if (!box) return;
      about = box->text();
      box->accept();
      poll->deleteLater();
    });
    poll->start();
    QAction* action = nullptr;
    for (QAction* menu : window_->menuBar()->actions())
      for (QAction* item : menu->menu()->actions())
        if (item->text().startsWith("&About")) action = item;
    QVERIFY(action);
    action->trigger();
    QTextDocument document;
    document.setHtml(about);
    const QString text = document.toPlainText();
    const QRegularExpressionMatch cpp = QRegularExpression(QStringLiteral("C\\W*\\+\\W*\\+")).match(text);
    QVERIFY2(cpp.hasMatch(), qPrintable(text));
    for (int width = 5; width < 600; ++width) {  // as a word-wrapping label lays it out, at every width
      QTextLayout layout(text, window_->font());
      QTextOption wrapping;
      wrapping.setWrapMode(QTextOption::WordWrap);
      layout.setTextOption(wrapping);
      layout.beginLayout();
      for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        const int end = line.textStart() + line.textLength();
        QVERIFY2(end <= cpp.capturedStart() || end >= cpp.capturedEnd(), qPrintable(QString::number(width)));
      }
      layout.endLayout();
    }
  }

  void aBatchImagesA1111TextSaysWhichImageOfWhichBatch() {
    gallery::GenerationSettings settings;
    settings.params.prompt = QStringLiteral("two cats");
    settings.params.scheduler = QStringLiteral("pndm");
    settings.params.seed = 1234;
    settings.params.width = settings.params.height = 64;
    settings.params.numImages = 2;
    settings.batchIndex = 1;
    QImage image(64, 64, QImage::Format_RGB888);
    image.fill(Qt::gray);
    const gallery::GalleryEntry entry = gallery::writeImageFile(galleryDir_.path(), image, settings);
    QVERIFY2(entry.metadata.parameters.contains("Batch size: 2, Batch pos: 1"), qPrintable(entry.metadata.parameters));
    const gallery::GenerationSettings read = gallery::metadataFromParameters(entry.metadata.parameters).settings;
    QCOMPARE(read.params.numImages, 2);
    QCOMPARE(read.batchIndex, 1);
    QString batch;
    for (const gallery::SettingsField& field : settings.displayFields())
      if (field.key == "batch") batch = field.value;
    // Per-image noise, as A1111: image 2 is seed 1235's, and its text says so.
    QCOMPARE(batch, QStringLiteral("image 2 of a batch of 2, seed 1235"));
    QVERIFY2(entry.metadata.parameters.contains("Seed: 1235"), qPrintable(entry.metadata.parameters));
  }

 private:
  void openWindow() {
    window_ = new MainWindow;
    window_->resize(1200, 800);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_));
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_));
  }

  void configure(int steps, int size = 64) {
    ParametersPanel* panel = window_->parametersPanel();
    panel->stepsBox()->setValue(steps);
    panel->widthBox()->setValue(size);
    panel->heightBox()->setValue(size);
    panel->imagesBox()->setValue(1);
    panel->seedField()->setValue(7);
    panel->seedField()->setLocked(true);
  }

  static QAction* actionIn(QMenu* menu, const QString& text) {
    for (QAction* action : menu->actions())
      if (action->text().remove('&') == text) return action;
    qFatal("no action %s", qPrintable(text));
  }

  QTemporaryDir settingsDir_;
  QTemporaryDir hubCache_;
  QTemporaryDir galleryDir_;
  MainWindow* window_ = nullptr;
};

QTEST_MAIN(WindowControlsTest)
#include "test_window_controls.moc"
