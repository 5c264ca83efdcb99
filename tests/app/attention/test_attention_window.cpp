// The attention panel in the window with a fixture model: "Record Attention Maps" on, a batch of
// two runs; the panel appears under the image with the prompt's words, a chosen word's overlay
// takes the image's place, the panel follows the image chosen in the result strip, and a run
// without maps hides it. Each image is saved into the gallery with its maps, which the gallery's
// "Attention maps" opens again.
#include <QAbstractButton>
#include <QAction>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include <QFileInfo>
#include <QListView>

#include "app/gallery/gallery.h"
#include "app/gallery/gallery_filter_model.h"
#include "app/gallery/gallery_model.h"
#include "app/gallery/gallery_settings.h"
#include "ui/attention/attention_panel.h"
#include "ui/gallery/gallery_widget.h"
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
    gallery::GallerySettings gallery;  // "Save every image" and "Save attention maps" are on by default
    gallery.setFolders({galleryDir_.path()});
    gallery.setCurrentFolder(galleryDir_.path());
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
    panel->setSelection({1});
    lighthouse_ = panel->overlay();  // of the batch's second image
    steps_ = panel->step();
    panel->setSelection({});
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

  // The first run's two images went into the gallery with their maps (float16, the slots up to
  // the end token: a few kB here), the second run's without; "Attention maps" opens an image's
  // maps under it, the same maps the run showed.
  void theGalleryKeepsEachImagesMapsAndOpensThem() {
    gallery::GalleryWidget* gallery = window_->galleryWidget();
    gallery::GalleryModel* model = gallery->gallery()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 60000);  // saved in the background: slow on a busy machine
    int withMaps = 0;
    for (const gallery::GalleryEntry& entry : model->entries()) {
      if (!entry.hasAttentionMaps) continue;
      ++withMaps;
      QVERIFY(QFileInfo(entry.attentionMapsPath()).size() > 0);
      QVERIFY(QFileInfo(entry.attentionMapsPath()).size() < 77 * 8 * 8 * 4 * 4);  // less than the full float32 maps
    }
    QCOMPARE(withMaps, 2);

    window_->galleryAction()->trigger();
    QAction* open = gallery->findChild<QAction*>(QStringLiteral("attentionMaps"));
    QVERIFY(open);
    const int row = model->rowOf([&] {
      for (const gallery::GalleryEntry& entry : model->entries())
        if (entry.hasAttentionMaps && entry.metadata.settings.batchIndex == 1) return entry.path;
      return QString();
    }());
    QVERIFY(row >= 0);
    gallery->view()->setCurrentIndex(gallery->filterModel()->mapFromSource(model->index(row)));
    QVERIFY(open->isEnabled());
    open->trigger();

    AttentionPanel* panel = window_->attentionPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible() && panel->imageCount() == 1, 30000);  // read in the background
    QVERIFY(!window_->showsGallery());
    QCOMPARE(panel->imageCount(), 1);
    QCOMPARE(panel->step(), steps_);  // every step's maps came along
    QStringList words;
    for (QAbstractButton* chip : panel->chips()) words << chip->text();
    QCOMPARE(words, (QStringList{"a", "lighthouse", "on", "cliff"}));
    panel->setSelection({1});
    const QImage reopened = panel->overlay().convertToFormat(QImage::Format_RGB888);
    const QImage shown = lighthouse_.convertToFormat(QImage::Format_RGB888);
    QCOMPARE(reopened.size(), shown.size());
    QCOMPARE(window_->imageView()->image(), panel->overlay());
    int largest = 0;  // float16 rounding moves a colour by a step or two at most
    for (int y = 0; y < shown.height(); ++y)
      for (int x = 0; x < shown.width() * 3; ++x)
        largest = std::max(largest, std::abs(int(reopened.constScanLine(y)[x]) - int(shown.constScanLine(y)[x])));
    QVERIFY2(largest <= 4, qPrintable(QString::number(largest)));
  }

 private:
  void run() {
    const int before = window_->resultStrip()->count();
    window_->generateAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window_->resultStrip()->count(), before + 2, 60000);
  }

  QTemporaryDir settingsDir_;
  QTemporaryDir galleryDir_;
  std::unique_ptr<MainWindow> window_;
  QImage lighthouse_;
  int steps_ = 0;
};

QTEST_MAIN(AttentionWindowTest)
#include "test_attention_window.moc"
