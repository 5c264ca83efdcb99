// The window with a fixture model on the offscreen platform: the welcome and no-model panels,
// loading, the live token count, Ctrl+Enter with previews and results saved into the gallery (with
// the model that made them, also when another is picked meanwhile), "Reuse", the queue, Esc and
// "Cancel all".
#include <QAction>
#include <QCryptographicHash>
#include <QLabel>
#include <QListView>
#include <QDir>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include <utility>

#include "app/gallery/gallery_settings.h"
#include "app/gallery/image_file.h"
#include "app/studio.h"
#include "ui/gallery/gallery_widget.h"
#include "ui/hub/model_manager_dialog.h"
#include "ui/hub/welcome_panel.h"
#include "ui/image_view.h"
#include "ui/main_window.h"
#include "ui/model_picker.h"
#include "ui/no_model_panel.h"
#include "ui/parameters_panel.h"
#include "ui/progress_panel.h"
#include "ui/prompt_editor.h"
#include "ui/result_strip.h"
#include "ui/seed_field.h"
#include "tests/app/temporary_settings.h"

using namespace bksdm;

namespace {

const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");
const QString kOtherFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/sd-v1-4-mini");

// sha256sum of the model's weight files, by their path in its folder.
QMap<QString, QString> weightHashes(const QString& model) {
  QMap<QString, QString> hashes;
  for (const QString file : {"unet/diffusion_pytorch_model.safetensors", "text_encoder/model.safetensors",
                             "vae/diffusion_pytorch_model.safetensors"}) {
    QFile weights(QDir(model).filePath(file));
    QCryptographicHash sha256(QCryptographicHash::Sha256);
    if (weights.open(QIODevice::ReadOnly) && sha256.addData(&weights)) hashes.insert(file, sha256.result().toHex());
  }
  return hashes;
}

QString repeated(const QString& word, int times) {
  QString text;
  for (int i = 0; i < times; ++i) text += word + ' ';
  return text;
}

}  // namespace

class MainWindowTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    testing::keepSettingsIn(settingsDir_.path(), QStringLiteral("window-test"));
    // No model anywhere and no network: the first run as a new user sees it.
    qputenv("HF_HUB_CACHE", hubCache_.path().toLocal8Bit());
    qputenv("HF_HUB_OFFLINE", "1");
    gallery::GallerySettings gallerySettings;
    gallerySettings.setFolders({galleryDir_.path()});
    gallerySettings.setCurrentFolder(galleryDir_.path());
    window_ = new MainWindow;
    window_->resize(1200, 800);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_));
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_));
  }

  void cleanupTestCase() { delete window_; }

  void withoutAModelThePanelSaysSo() {
    QVERIFY(window_->showsNoModelPanel());
    QVERIFY(!window_->generateAction()->isEnabled());
  }

  void theWelcomePanelShowsWithNoModelAndOpensTheManager() {
    QCoro::waitFor(window_->start(StartupOptions{}));
    QVERIFY(window_->showsWelcomePanel());
    QVERIFY(window_->welcomePanel()->isVisible());
    QVERIFY(window_->welcomePanel()->addFolderButton()->isEnabled());
    window_->welcomePanel()->otherModelsButton()->click();
    ModelManagerDialog* manager = window_->findChild<ModelManagerDialog*>();
    QVERIFY(manager);
    QTRY_VERIFY(manager->isVisible());
    manager->close();
    QTRY_VERIFY(!window_->findChild<ModelManagerDialog*>());
    window_->downloadModelsAction()->trigger();
    QVERIFY(window_->findChild<ModelManagerDialog*>());
    window_->findChild<ModelManagerDialog*>()->close();
    closeMessageBoxes();
  }

  void aBadFolderLeavesNoModelAndSaysWhy() {
    QTemporaryDir empty;
    QVERIFY(!QCoro::waitFor(window_->loadModel(empty.path())));
    QVERIFY(window_->showsNoModelPanel());
    QVERIFY2(window_->noModelPanel()->detail().contains("model_index.json"), qPrintable(window_->noModelPanel()->detail()));
    closeMessageBoxes();
  }

  void loadsAModelOffTheUiThread() {
    QVERIFY(QCoro::waitFor(window_->loadModel(kFixture)));
    QVERIFY(!window_->showsNoModelPanel());
    QVERIFY(window_->generateAction()->isEnabled());
    QCOMPARE(window_->modelPicker()->currentLocation(), kFixture);
    QCOMPARE(window_->parametersPanel()->params().width, 64);  // the model's default size
  }

  void countsTokensLive() {
    window_->promptEditor()->setText(QStringLiteral("a photo of a cat"));
    QTRY_COMPARE(window_->promptEditor()->counterLabel()->text(), QString("5 / 75"));
    QVERIFY(window_->promptEditor()->editor()->extraSelections().isEmpty());

    // Past 75 tokens a prompt is read in chunks, and nothing is cut before 8 of them.
    window_->promptEditor()->setText(repeated("cat", 80));
    QTRY_COMPARE(window_->promptEditor()->counterLabel()->text(), QString("2 chunks \u00b7 80 tokens"));
    QVERIFY(window_->promptEditor()->editor()->extraSelections().isEmpty());

    window_->promptEditor()->setText(repeated("cat", 610));
    QTRY_COMPARE(window_->promptEditor()->counterLabel()->text(), QString("9 chunks \u00b7 610 tokens"));
    const auto marks = window_->promptEditor()->editor()->extraSelections();
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks[0].cursor.selectionStart(), 600 * 4);
  }

  void ctrlEnterRunsWithPreviewsIntoTheResultStrip() {
    configure(4);
    window_->promptEditor()->setText(QStringLiteral("a lighthouse on a cliff"));
    int previews = 0, steps = 0, total = 0;
    auto previewConnection = connect(window_->studio(), &Studio::previewReady, this, [&](quint64, int, const QImage& image) {
      ++previews;
      QCOMPARE(image.size(), QSize(64, 64));
    });
    auto stepConnection = connect(window_->studio(), &Studio::stepProgress, this, [&](const StepProgress& progress) {
      ++steps;
      total = progress.total;
    });
    const int before = window_->resultStrip()->count();
    QTest::keyClick(window_->promptEditor()->editor(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window_->resultStrip()->count(), before + 1, 60000);
    disconnect(previewConnection);
    disconnect(stepConnection);
    QCOMPARE(steps, total);  // PNDM makes 4 steps 5 U-Net calls, as diffusers does
    QCOMPARE(previews, total);
    QCOMPARE(window_->imageView()->image().size(), QSize(64, 64));
    QVERIFY(window_->progressPanel()->text().startsWith("Done"));
    QVERIFY(window_->promptEditor()->text().indexOf('\n') < 0);  // Ctrl+Enter ran; it typed no newline
    qInfo("longest event-loop stall in that run: %.1f ms", window_->lastRunStallMs());
  }

  void aFinishedImageIsSavedInTheGalleryWithItsParameters() {
    configure(2);
    window_->promptEditor()->setText(QStringLiteral("a red barn in snow"));
    window_->generateAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(imagesWithPrompt(QStringLiteral("a red barn in snow")).size(), 1, 60000);
    const QStringList saved = imagesWithPrompt(QStringLiteral("a red barn in snow"));
    QCOMPARE(saved.size(), 1);
    const gallery::ImageMetadata metadata = gallery::readImageMetadata(saved.first());
    QCOMPARE(metadata.source, gallery::ImageMetadata::Source::Studio);
    const gallery::GenerationSettings& settings = metadata.settings;
    QCOMPARE(settings.params.steps, 2);
    QCOMPARE(settings.params.seed, quint64(7));
    QCOMPARE(settings.params.width, 64);
    QCOMPARE(settings.params.modelId, kFixture);
    QCOMPARE(settings.params.modelHashes, weightHashes(kFixture));
    QCOMPARE(settings.params.modelHashes.size(), 3);  // U-Net, text encoder, VAE
  }

  // The result, in the strip and in the gallery, names the model that made it, not the one picked
  // while it ran (the window's "loaded model" is nobody while the other one loads).
  void aRunKeepsItsModelWhenAnotherLoadsMeanwhile() {
    configure(60);
    const QString prompt = QStringLiteral("a windmill by a canal");
    window_->promptEditor()->setText(prompt);
    const int before = window_->resultStrip()->count();
    bool switched = false;
    auto switchOnFirstStep = connect(window_->studio(), &Studio::stepProgress, this, [&](const StepProgress&) {
      if (!std::exchange(switched, true)) window_->loadModel(kOtherFixture);
    });
    window_->generateAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(imagesWithPrompt(prompt).size(), 1, 120000);
    disconnect(switchOnFirstStep);
    QVERIFY(switched);
    QCOMPARE(window_->resultStrip()->count(), before + 1);
    const GenerationParams shown = window_->resultStrip()->results().last().params;
    QCOMPARE(shown.modelId, kFixture);
    QCOMPARE(shown.modelHashes, weightHashes(kFixture));
    const GenerationParams saved = gallery::readImageMetadata(imagesWithPrompt(prompt).first()).settings.params;
    QCOMPARE(saved.modelId, kFixture);
    QCOMPARE(saved.modelName, shown.modelName);
    QCOMPARE(saved.modelHashes, weightHashes(kFixture));
    QTRY_VERIFY_WITH_TIMEOUT(window_->studio()->model() && window_->studio()->model()->location == kOtherFixture, 60000);
    QVERIFY(QCoro::waitFor(window_->loadModel(kFixture)));
  }

  void reuseSetsTheForm() {
    gallery::GenerationSettings settings;
    settings.params.prompt = QStringLiteral("a quiet harbour at night");
    settings.params.negativePrompt = QStringLiteral("people");
    settings.params.modelId = kFixture;
    settings.params.scheduler = QStringLiteral("ddim");
    settings.params.steps = 13;
    settings.params.guidanceScale = 5.5;
    settings.params.seed = 4242;
    settings.params.width = 128;
    settings.params.height = 64;
    window_->galleryAction()->trigger();
    QVERIFY(window_->showsGallery());
    Q_EMIT window_->galleryWidget()->reuseRequested(settings);
    QTRY_COMPARE(window_->promptEditor()->text(), settings.params.prompt);
    QCOMPARE(window_->negativePromptEditor()->text(), settings.params.negativePrompt);
    const GenerationParams params = window_->parametersPanel()->params();
    QCOMPARE(params.scheduler, settings.params.scheduler);
    QCOMPARE(params.steps, 13);
    QCOMPARE(params.guidanceScale, 5.5);
    QCOMPARE(params.width, 128);
    QCOMPARE(params.height, 64);
    QCOMPARE(window_->parametersPanel()->seedField()->seedForRun(), quint64(4242));
    QVERIFY(!window_->showsGallery());
  }

  void generateWhileBusyQueuesEscCancelsAndCancelAllClears() {
    configure(400);
    const int before = window_->resultStrip()->count();
    window_->generateAction()->trigger();
    window_->generateAction()->trigger();
    window_->generateAction()->trigger();
    QCOMPARE(window_->studio()->queue()->rowCount(), 2);
    QTRY_VERIFY(window_->cancelAction()->isEnabled());
    const auto first = window_->studio()->currentJobId();
    QTest::keyClick(window_, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(window_->studio()->currentJobId() != first, 30000);
    QCOMPARE(window_->studio()->queue()->rowCount(), 1);
    QTest::keyClick(window_, Qt::Key_Escape, Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!window_->studio()->isRunning(), 30000);
    QVERIFY(window_->studio()->queue()->isEmpty());
    QCOMPARE(window_->resultStrip()->count(), before);
    QVERIFY(window_->generateAction()->isEnabled());
  }

 private:
  void configure(int steps) {
    ParametersPanel* panel = window_->parametersPanel();
    panel->stepsBox()->setValue(steps);
    panel->widthBox()->setValue(64);
    panel->heightBox()->setValue(64);
    panel->seedField()->setValue(7);
    panel->seedField()->setLocked(true);
  }

  void closeMessageBoxes() {
    for (QWidget* widget : QApplication::topLevelWidgets())
      if (widget->inherits("QMessageBox")) widget->close();
    // The offscreen platform does not hand activation back to the window, as a desktop does.
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_));
  }

  QStringList imagesWithPrompt(const QString& prompt) const {
    QStringList paths;
    const QDir folder(galleryDir_.path());
    for (const QString& name : folder.entryList({QStringLiteral("*.png")}, QDir::Files)) {
      const QString path = folder.filePath(name);
      try {
        if (gallery::readImageMetadata(path).settings.params.prompt == prompt) paths << path;
      } catch (const std::exception&) {  // still being written
      }
    }
    return paths;
  }

  QTemporaryDir settingsDir_;
  QTemporaryDir hubCache_;
  QTemporaryDir galleryDir_;
  MainWindow* window_ = nullptr;
};

QTEST_MAIN(MainWindowTest)
#include "test_main_window.moc"
