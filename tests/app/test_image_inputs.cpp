// Runs from an image in the window (issue 18): a result or a file as the init image, a mask painted
// in the image area reaching the worker as the tensor the CLI makes from the same PNG, the steps
// that run counted by the progress, Reuse bringing the image and mask back, and Vary queueing a job
// with a variation seed.
#include <QAction>
#include <QComboBox>
#include <QDropEvent>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include <ATen/ATen.h>

#include "app/studio.h"
#include "core/io/image_file.h"
#include "core/loading/model_folder.h"
#include "core/pipeline/image_input.h"
#include "core/pipeline/pipeline.h"
#include "ui/gallery/gallery_widget.h"
#include "ui/image_view.h"
#include "ui/init_image_panel.h"
#include "ui/main_window.h"
#include "ui/mask_editor.h"
#include "ui/parameters_panel.h"
#include "ui/progress_panel.h"
#include "ui/prompt_editor.h"
#include "ui/result_strip.h"
#include "ui/seed_field.h"
#include "app/gallery/gallery_settings.h"
#include "tests/app/temporary_settings.h"

using namespace bksdm;

namespace {

const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");
const QString kGradient = QStringLiteral(BKSDM_FIXTURES_DIR "/inputs/images/gradient-64x64.png");

// The largest difference between a window's image and a tensor image [3,H,W] in [0,1], in 8-bit steps.
int maxDifference(const QImage& image, const at::Tensor& expected) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  int most = 0;
  for (int y = 0; y < rgb.height(); ++y)
    for (int x = 0; x < rgb.width(); ++x)
      for (int c = 0; c < 3; ++c) {
        const int want = int(std::lround(expected[c][y][x].item<double>() * 255));
        most = std::max(most, std::abs(int(uchar(rgb.constScanLine(y)[x * 3 + c])) - want));
      }
  return most;
}

}  // namespace

class ImageInputsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    testing::keepSettingsIn(settingsDir_.path(), QStringLiteral("image-inputs-test"));
    qputenv("XDG_DATA_HOME", dataDir_.path().toLocal8Bit());  // the input store's folder
    qputenv("HF_HUB_OFFLINE", "1");
    gallery::GallerySettings gallerySettings;
    gallerySettings.setFolders({galleryDir_.path()});
    gallerySettings.setCurrentFolder(galleryDir_.path());
    window_ = new MainWindow;
    window_->resize(1200, 800);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_));
    QVERIFY(QCoro::waitFor(window_->loadModel(kFixture)));
    ParametersPanel* panel = window_->parametersPanel();
    panel->stepsBox()->setValue(4);
    panel->schedulerBox()->setCurrentIndex(panel->schedulerBox()->findData(QStringLiteral("ddim")));
    panel->seedField()->setValue(11);
    panel->seedField()->setLocked(true);
    window_->promptEditor()->setText(QStringLiteral("a red cube"));
  }

  void cleanupTestCase() { delete window_; }

  // A file dropped on the prompt becomes the init image: a copy in the store, the form at its size.
  void anImageDroppedOnThePromptIsTheInitImage() {
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(kGradient)});
    QWidget* viewport = window_->promptEditor()->editor()->viewport();
    // As a real drag: the enter makes the viewport the drop's target.
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    const QString stored = window_->initImagePanel()->initImage();
    QVERIFY2(stored.startsWith(dataDir_.path()), qPrintable(stored + " " + window_->statusBar()->currentMessage()));
    QCOMPARE(QImage(stored).convertToFormat(QImage::Format_RGB888), QImage(kGradient).convertToFormat(QImage::Format_RGB888));
    QCOMPARE(window_->parametersPanel()->params().width, 64);
    QVERIFY(window_->promptEditor()->text() == QStringLiteral("a red cube"));  // no file name typed in
  }

  // The painted mask and the init image reach the run as `bksdm generate --init-image --mask` reads
  // the same files; the progress counts the steps that run: int(4 x 0.5) = 2.
  void aPaintedMaskReachesTheRunAsTheCommandLineReadsIt() {
    InitImagePanel* init = window_->initImagePanel();
    init->setStrength(0.5);
    init->paintMaskButton()->click();
    MaskEditor* editor = window_->maskEditor();
    QVERIFY(editor->isVisible());
    const QPoint centre = editor->rect().center();  // the image's centre: a disc of the default brush
    QTest::mousePress(editor, Qt::LeftButton, {}, centre);
    QTest::mouseRelease(editor, Qt::LeftButton, {}, centre);
    const QImage painted = editor->mask();
    QVERIFY(editor->hasPaint());
    init->paintMaskButton()->click();
    QVERIFY(!init->mask().isEmpty());
    const QString png = scratch_.filePath(QStringLiteral("mask.png"));
    QVERIFY(painted.save(png));

    int total = 0;
    auto steps = connect(window_->studio(), &Studio::stepProgress, this, [&](const StepProgress& p) { total = p.total; });
    const int before = window_->resultStrip()->count();
    window_->generateAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window_->resultStrip()->count(), before + 1, 60000);
    disconnect(steps);
    QCOMPARE(total, 2);
    QVERIFY(window_->progressPanel()->text().startsWith("Done"));

    GenerationRequest request;
    request.prompt = "a red cube";
    request.steps = 4;
    request.scheduler = "ddim";
    request.seed = 11;
    request.init_image = read_image(kGradient.toStdString());
    request.mask = read_image(png.toStdString());
    request.strength = 0.5;
    const at::Tensor latents = mask_latents(request.mask, 64, 64, 8);
    QVERIFY(latents.sum().item<float>() > 0 && latents.sum().item<float>() < 64);  // a part painted
    const auto pipeline = StableDiffusionPipeline::load(ModelFolder::open(kFixture.toStdString()));
    const at::Tensor expected = pipeline->generate(request).images[0];
    QVERIFY(maxDifference(window_->imageView()->image(), expected) <= 1);
  }

  // Reuse of the saved image brings back its init image and mask.
  void reuseBringsTheImageAndTheMaskBack() {
    QVERIFY(window_->resultStrip()->currentResult());
    const QString init = window_->initImagePanel()->initImage(), mask = window_->initImagePanel()->mask();
    QVERIFY(!mask.isEmpty());
    gallery::GenerationSettings settings;
    settings.params = window_->resultStrip()->currentResult()->params;
    window_->initImagePanel()->setInitImage({});
    QVERIFY(window_->initImagePanel()->mask().isEmpty());
    Q_EMIT window_->galleryWidget()->reuseRequested(settings);
    QTRY_COMPARE(window_->initImagePanel()->initImage(), init);
    QCOMPARE(window_->initImagePanel()->mask(), mask);
    QCOMPARE(window_->initImagePanel()->strength(), 0.5);
  }

  void useAsInitImageTakesTheShownResult() {
    const QImage shown = window_->imageView()->image();
    window_->useAsInitImageAction()->trigger();
    const QString stored = window_->initImagePanel()->initImage();
    QVERIFY(stored.startsWith(dataDir_.path()));
    QCOMPARE(QImage(stored).convertToFormat(QImage::Format_RGB888), shown.convertToFormat(QImage::Format_RGB888));
    QVERIFY(window_->initImagePanel()->mask().isEmpty());  // a new image, no mask yet
  }

  // Vary queues the shown image's settings with a random variation seed at once.
  void varyQueuesAJobWithAVariationSeed() {
    QVERIFY(window_->resultStrip()->currentResult());
    const GenerationParams shown = window_->resultStrip()->currentResult()->params;
    GenerationParams queued;
    auto started = connect(window_->studio(), &Studio::jobStarted, this, [&](const GenerationJob& job) { queued = job.params; });
    const int before = window_->resultStrip()->count();
    window_->varyStrongAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window_->resultStrip()->count(), before + 1, 60000);
    disconnect(started);
    QCOMPARE(queued.subseedStrength, 0.4);
    QCOMPARE(queued.seed, shown.seed);
    QCOMPARE(queued.prompt, shown.prompt);
    QCOMPARE(queued.initImage, shown.initImage);
    QVERIFY(queued.subseed != shown.subseed || shown.subseedStrength == 0);
  }

 private:
  QTemporaryDir settingsDir_, dataDir_, galleryDir_, scratch_;
  MainWindow* window_ = nullptr;
};

QTEST_MAIN(ImageInputsTest)
#include "test_image_inputs.moc"
