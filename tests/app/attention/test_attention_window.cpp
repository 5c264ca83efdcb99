// The attention panel in the window with a fixture model: "Record Attention Maps" on, a batch of
// two runs; the panel appears under the image with the prompt's words, a chosen word's overlay
// takes the image's place, the panel follows the image chosen in the result strip, and a run
// without maps hides it.
#include <QAbstractButton>
#include <QAction>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include "ui/attention/attention_panel.h"
#include "ui/image_view.h"
#include "ui/main_window.h"
#include "ui/parameters_panel.h"
#include "ui/prompt_editor.h"
#include "ui/result_strip.h"
#include "ui/seed_field.h"
#include "tests/app/temporary_settings.h"

using namespace bksdm;

namespace {

const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");

}  // namespace

class AttentionWindowTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    testing::keepSettingsIn(settingsDir_.path(), QStringLiteral("attention-window-test"));
    window_ = std::make_unique<MainWindow>();
    window_->resize(1200, 800);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QVERIFY(QCoro::waitFor(window_->loadModel(kFixture)));
    ParametersPanel* parameters = window_->parametersPanel();
    parameters->stepsBox()->setValue(3);
    parameters->widthBox()->setValue(64);
    parameters->heightBox()->setValue(64);
    parameters->imagesBox()->setValue(2);
    parameters->seedField()->setValue(11);
    parameters->seedField()->setLocked(true);
    window_->promptEditor()->setText(QStringLiteral("a lighthouse on a cliff"));
  }

  void cleanupTestCase() { window_.reset(); }

  void theWordsOfARunWithMapsComeUnderTheImage() {
    AttentionPanel* panel = window_->attentionPanel();
    QVERIFY(!panel->isVisible());
    window_->attentionAction()->setChecked(true);
    run();
    QVERIFY(panel->isVisible());
    QVERIFY(panel->hasMaps());
    QCOMPARE(panel->imageCount(), 2);
    QCOMPARE(panel->imageIndex(), 1);  // the strip shows the batch's last image
    QStringList words;
    for (QAbstractButton* chip : panel->chips()) words << chip->text();
    QCOMPARE(words, (QStringList{"a", "lighthouse", "on", "cliff"}));
  }

  void aChosenWordsOverlayTakesTheImagesPlace() {
    AttentionPanel* panel = window_->attentionPanel();
    const QImage plain = window_->resultStrip()->currentResult()->image;
    QTest::mouseClick(panel->chips()[1], Qt::LeftButton);
    QCOMPARE(window_->imageView()->image(), panel->overlay());
    QCOMPARE(window_->imageView()->image().size(), plain.size());
    QVERIFY(window_->imageView()->image() != plain);
    QTest::mouseClick(panel->chips()[1], Qt::LeftButton);
    QCOMPARE(window_->imageView()->image(), plain);
  }

  void thePanelFollowsTheImageChosenInTheStrip() {
    AttentionPanel* panel = window_->attentionPanel();
    ResultStrip* strip = window_->resultStrip();
    panel->setSelection({1});
    strip->setCurrentRow(strip->count() - 2);
    QCOMPARE(panel->imageIndex(), 0);
    QCOMPARE(window_->imageView()->image(), panel->overlay());
  }

  void aRunWithoutMapsHidesThePanel() {
    window_->attentionAction()->setChecked(false);
    run();
    QVERIFY(!window_->attentionPanel()->isVisible());
    QVERIFY(!window_->attentionPanel()->hasMaps());
  }

 private:
  void run() {
    const int before = window_->resultStrip()->count();
    window_->generateAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window_->resultStrip()->count(), before + 2, 60000);
  }

  QTemporaryDir settingsDir_;
  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(AttentionWindowTest)
#include "test_attention_window.moc"
