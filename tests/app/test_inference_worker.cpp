// The inference worker on its own thread with a fixture model: signals per step, previews, the final
// image against the pipeline's direct output, and cancellation through the job's flag.
#include <atomic>

#include <QCryptographicHash>
#include <QFile>
#include <QtTest>

#include "app/inference_worker.h"
#include "tests/app/worker_on_thread.h"
#include "app/tensor_image.h"
#include "core/loading/model_folder.h"
#include "core/pipeline/pipeline.h"

using namespace bksdm;

namespace {

const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");
constexpr int kSize = 64;

GenerationJob job(quint64 id, int steps, PreviewMode preview = PreviewMode::Fast) {
  GenerationJob job;
  job.id = id;
  job.params.prompt = QStringLiteral("a watercolor painting of a lighthouse");
  job.params.negativePrompt = QStringLiteral("blurry");
  job.params.scheduler = QStringLiteral("euler_a");
  job.params.steps = steps;
  job.params.seed = 1234;
  job.params.width = kSize;
  job.params.height = kSize;
  job.preview = {preview, 1};
  return job;
}

// The image the pipeline itself gives for `params`, loaded and run on this thread.
QImage pipelineImage(const GenerationParams& params) {
  auto pipeline = StableDiffusionPipeline::load(ModelFolder::open(kFixture.toStdString()));
  GenerationRequest direct;
  direct.prompt = params.prompt.toStdString();
  direct.negative_prompt = params.negativePrompt.toStdString();
  direct.scheduler = params.scheduler.toStdString();
  direct.steps = params.steps;
  direct.seed = params.seed;
  direct.guidance_scale = params.guidanceScale;
  direct.width = params.width;
  direct.height = params.height;
  direct.tiled_decode = params.tiledDecode;
  return imageFromTensor(pipeline->generate(direct).images, 0);
}

}  // namespace

class InferenceWorkerTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    const LoadOutcome outcome = worker_.load(kFixture);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.model.defaultSize, kSize);
    QCOMPARE(outcome.model.entry.family, QString("SD 2.x"));
    QVERIFY(outcome.model.countTokens);
    QCOMPARE(outcome.model.countTokens("a photo of a cat", false, {}), 5);  // CLIP's tokens, without start and end
    // A weight's brackets and number are syntax in A1111's language, tokens as plain text.
    QCOMPARE(outcome.model.countTokens("(a photo:1.5) of a cat", false, {}), 5);
    QVERIFY(outcome.model.countTokens("(a photo:1.5) of a cat", true, {}) > 5);
    // An embedding counts its vectors: the files hold 3 ([3, 16]), 2 and 1.
    const std::string embeddings = BKSDM_FIXTURES_DIR "/inputs/embeddings/sd2";
    QCOMPARE(outcome.model.countTokens("a dusk3v sky", false, embeddings), 5);
    QCOMPARE(outcome.model.countTokens("a dusk3v sky", true, embeddings), 5);
    QCOMPARE(outcome.model.countTokens("lowq-neg", false, embeddings), 2);
    QCOMPARE(outcome.model.countTokens("moonlit-ti", false, embeddings), 1);
    QVERIFY(outcome.model.countTokens("moonlit-ti", false, {}) > 1);  // CLIP's pieces without the folder
  }

  void oneProgressAndOnePreviewPerStep() {
    std::atomic<int> previews{0}, wrongSize{0};
    QList<StepProgress> steps;
    connect(worker_.worker(), &InferenceWorker::stepProgress, this, [&](const StepProgress& p) { steps << p; });
    connect(worker_.worker(), &InferenceWorker::previewReady, this, [&](quint64, int, const QImage& image) {
      ++previews;
      if (image.size() != QSize(kSize, kSize)) ++wrongSize;
    });
    const GenerationOutcome outcome = worker_.run(job(1, 6));
    disconnect(worker_.worker(), nullptr, this, nullptr);
    QCOMPARE(outcome.status, GenerationOutcome::Status::Finished);
    QCOMPARE(steps.size(), 6);
    for (int i = 0; i < steps.size(); ++i) {
      QCOMPARE(steps[i].step, i);
      QCOMPARE(steps[i].total, 6);
      QVERIFY(steps[i].seconds > 0);
    }
    QCOMPARE(previews.load(), 6);
    QCOMPARE(wrongSize.load(), 0);
    QCOMPARE(outcome.images.size(), 1);
    QCOMPARE(outcome.images[0].size(), QSize(kSize, kSize));
  }

  void fullPreviewsDecodeEveryKthStep() {
    GenerationJob full = job(2, 6, PreviewMode::Full);
    full.preview.interval = 3;
    int previews = 0;
    connect(worker_.worker(), &InferenceWorker::previewReady, this, [&](quint64, int step, const QImage& image) {
      ++previews;
      QVERIFY(step == 2 || step == 5);
      QCOMPARE(image.size(), QSize(kSize, kSize));
    });
    QCOMPARE(worker_.run(full).status, GenerationOutcome::Status::Finished);
    disconnect(worker_.worker(), nullptr, this, nullptr);
    QCOMPARE(previews, 2);
  }

  void finalImageEqualsThePipelinesOwnOutput() {
    const GenerationJob request = job(3, 5);
    const GenerationOutcome outcome = worker_.run(request);
    QCOMPARE(outcome.status, GenerationOutcome::Status::Finished);
    QCOMPARE(outcome.images[0], pipelineImage(request.params));
  }

  // Twice the fixture VAE's 64-pixel tile each way, so that tiling changes the image.
  void tiledDecodeReachesThePipeline() {
    GenerationJob request = job(4, 2);
    request.params.width = request.params.height = 2 * kSize;
    request.params.tiledDecode = true;
    const GenerationOutcome outcome = worker_.run(request);
    QCOMPARE(outcome.status, GenerationOutcome::Status::Finished);
    QCOMPARE(outcome.images[0], pipelineImage(request.params));
    request.params.tiledDecode = false;
    QVERIFY(outcome.images[0] != pipelineImage(request.params));
  }

  // A VAE folder in place of the model's (here the model's own, so the image stays the same) reaches
  // the load, and the run's description names it with its weights' sha256.
  void aVaeFolderOfItsOwnIsRecorded() {
    const QString vae = kFixture + QStringLiteral("/vae");
    testing::WorkerOnThread worker;
    EngineOptions options;
    options.vae = vae;
    QVERIFY(worker.load(kFixture, options).ok);
    const GenerationJob request = job(9, 2);
    const GenerationOutcome outcome = worker.run(request);
    QCOMPARE(outcome.status, GenerationOutcome::Status::Finished);
    QCOMPARE(outcome.params.vaeId, vae);
    QCOMPARE(outcome.params.vaeName, QStringLiteral("vae"));
    QFile weights(vae + QStringLiteral("/diffusion_pytorch_model.safetensors"));
    QVERIFY(weights.open(QIODevice::ReadOnly));
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(weights.readAll(), QCryptographicHash::Sha256).toHex());
    QCOMPARE(outcome.params.vaeHashes, (QMap<QString, QString>{{"diffusion_pytorch_model.safetensors", sha256}}));
    QCOMPARE(outcome.images[0], pipelineImage(request.params));
  }

  void cancelStopsWithinOneStepAndLeavesTheWorkerReady() {
    constexpr int kCancelAt = 2;
    const GenerationJob cancelled = job(4, 20);
    std::atomic<int> stepsSeen{0};
    // Runs on the worker thread: the flag goes up while step kCancelAt is being reported.
    connect(worker_.worker(), &InferenceWorker::stepProgress, this, [&, flag = cancelled.cancel](const StepProgress& p) {
      ++stepsSeen;
      if (p.step == kCancelAt) flag->store(true);
    }, Qt::DirectConnection);
    const GenerationOutcome outcome = worker_.run(cancelled);
    disconnect(worker_.worker(), nullptr, this, nullptr);
    QCOMPARE(outcome.status, GenerationOutcome::Status::Cancelled);
    QVERIFY2(stepsSeen.load() <= kCancelAt + 2, qPrintable(QString::number(stepsSeen.load())));
    QVERIFY(outcome.images.isEmpty());

    const GenerationOutcome next = worker_.run(job(5, 3));
    QCOMPARE(next.status, GenerationOutcome::Status::Finished);
    QCOMPARE(next.images.size(), 1);
  }

 private:
  testing::WorkerOnThread worker_;
};

QTEST_GUILESS_MAIN(InferenceWorkerTest)
#include "test_inference_worker.moc"
