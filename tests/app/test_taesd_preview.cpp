// TAESD live previews from the inference worker with a fixture model: one TAESD preview per step at
// the output size, and, without a usable TAESD, Fast previews and one message saying why. No real
// TAESD weights exist offline; the TAESD here is written by the test: every weight zero but the last
// convolution's bias, so that each preview is that one colour and shows the TAESD made it.
#include <atomic>
#include <fstream>

#include <nlohmann/json.hpp>

#include <QSignalSpy>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include "app/app_settings.h"
#include "app/inference_worker.h"
#include "tests/app/worker_on_thread.h"
#include "core/io/safetensors.h"
#include "core/models/taesd.h"
#include "tests/app/temporary_settings.h"

using namespace bksdm;

namespace {

const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");
constexpr int kSize = 64;
constexpr int kSteps = 4;
// The colour every preview of the test's TAESD has: the last bias, in [0, 1], as 8-bit RGB.
const float kBias[3] = {0.2f, 0.5f, 0.8f};
const QColor kColour(51, 128, 204);

void writeTaesd(const std::filesystem::path& folder) {
  const nlohmann::json config = {{"_class_name", "AutoencoderTiny"}};
  AutoencoderTiny taesd(AutoencoderTinyConfig::from_json(config, "config.json"));
  std::vector<std::pair<std::string, at::Tensor>> tensors;
  for (const auto& item : taesd.named_parameters()) tensors.emplace_back(item.key(), at::zeros(item.value().sizes()));
  for (auto& [name, tensor] : tensors)
    if (name == "decoder.layers.18.bias") tensor = at::tensor({kBias[0], kBias[1], kBias[2]});
  write_safetensors(folder / "diffusion_pytorch_model.safetensors", tensors);
  std::ofstream(folder / "config.json") << config.dump();
}

GenerationJob job(quint64 id, const QString& taesdFolder) {
  GenerationJob job;
  job.id = id;
  job.params.prompt = QStringLiteral("a lighthouse at dawn");
  job.params.scheduler = QStringLiteral("euler");
  job.params.steps = kSteps;
  job.params.seed = 7;
  job.params.width = kSize;
  job.params.height = kSize;
  job.preview = {PreviewMode::Taesd, 1, taesdFolder};
  return job;
}

bool allPixels(const QImage& image, const QColor& colour) {
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      if (image.pixelColor(x, y) != colour) return false;
  return true;
}

}  // namespace

class TaesdPreviewTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    writeTaesd(dir_.path().toStdString());
    QVERIFY(worker_.load(kFixture).ok);
  }

  void onePreviewPerStepFromTaesd() {
    QSignalSpy fallbacks(worker_.worker(), &InferenceWorker::previewFallback);
    QList<QImage> previews;
    connect(worker_.worker(), &InferenceWorker::previewReady, this, [&](quint64, int, const QImage& image) { previews << image; });
    QCOMPARE(worker_.run(job(1, dir_.path())).status, GenerationOutcome::Status::Finished);
    disconnect(worker_.worker(), nullptr, this, nullptr);
    QCOMPARE(fallbacks.count(), 0);
    QCOMPARE(previews.size(), kSteps);
    for (const QImage& image : previews) {
      QCOMPARE(image.size(), QSize(kSize, kSize));
      QVERIFY(allPixels(image, kColour));
    }
  }

  void missingTaesdFallsBackToFastWithAMessage() {
    const QString missing = dir_.filePath(QStringLiteral("no-such-taesd"));
    QSignalSpy fallbacks(worker_.worker(), &InferenceWorker::previewFallback);
    QList<QImage> previews;
    connect(worker_.worker(), &InferenceWorker::previewReady, this, [&](quint64, int, const QImage& image) { previews << image; });
    QCOMPARE(worker_.run(job(2, missing)).status, GenerationOutcome::Status::Finished);
    disconnect(worker_.worker(), nullptr, this, nullptr);
    QCOMPARE(fallbacks.count(), 1);  // once per job, not per step
    QCOMPARE(fallbacks.at(0).at(0).value<quint64>(), quint64(2));
    const QString message = fallbacks.at(0).at(1).toString();
    QVERIFY2(message.contains(QStringLiteral("Fast")) && message.contains(missing), qPrintable(message));
    QCOMPARE(previews.size(), kSteps);
    for (const QImage& image : previews) {
      QCOMPARE(image.size(), QSize(kSize, kSize));
      QVERIFY(!allPixels(image, kColour));  // the latent colours, not the TAESD's
    }
    // The next job tries again, and finds a TAESD once there is one.
    QSignalSpy again(worker_.worker(), &InferenceWorker::previewFallback);
    QCOMPARE(worker_.run(job(3, dir_.path())).status, GenerationOutcome::Status::Finished);
    QCOMPARE(again.count(), 0);
  }

  void modeAndFolderAreRemembered() {
    QTemporaryDir settingsDir;
    testing::keepSettingsIn(settingsDir.path(), QStringLiteral("taesd-test"));
    AppSettings().setPreview({PreviewMode::Taesd, 2, dir_.path()});
    const PreviewOptions read = AppSettings().preview();
    QCOMPARE(read.mode, PreviewMode::Taesd);
    QCOMPARE(read.interval, 2);
    QCOMPARE(read.taesdFolder, dir_.path());
  }

 private:
  QTemporaryDir dir_;
  testing::WorkerOnThread worker_;
};

QTEST_GUILESS_MAIN(TaesdPreviewTest)
#include "test_taesd_preview.moc"
