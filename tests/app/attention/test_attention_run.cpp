// The maps' path on real runs of a fixture model: what AttentionCapture keeps is the pipeline's
// GenerationResult::attention, its last step's maps are the final ones, the worker sends them with
// its result, and what recording them costs.
#include <algorithm>
#include <ctime>

#include <ATen/ATen.h>
#include <QtTest>

#include "app/attention/attention_capture.h"
#include "app/attention/attention_view.h"
#include "app/inference_worker.h"
#include "tests/app/worker_on_thread.h"
#include "core/loading/model_folder.h"
#include "core/pipeline/pipeline.h"

using namespace bksdm;

namespace {

const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");
constexpr int kSize = 64, kSteps = 4;
const char* const kPrompt = "a watercolor painting of a lighthouse, lighthouse at dawn";

GenerationRequest request(int size, int steps, bool maps, bool perStep = true) {
  GenerationRequest request;
  request.prompt = kPrompt;
  request.negative_prompt = "blurry";
  request.seed = 7;
  request.steps = steps;
  request.width = request.height = size;
  request.scheduler = "euler_a";
  request.num_images = 2;
  request.attention_maps = maps;
  request.attention_maps_per_step = maps && perStep;
  return request;
}

// One image's maps as a tensor [slots,h,w] (a view of the floats).
at::Tensor tensorOf(const std::vector<float>& maps, const ImageAttention& attention) {
  return at::from_blob(const_cast<float*>(maps.data()), {attention.slots(), attention.height, attention.width},
                       at::kFloat);
}

// A run and what the worker's capture makes of it.
std::pair<GenerationResult, QList<ImageAttention>> captured(StableDiffusionPipeline& pipeline, const GenerationRequest& run) {
  AttentionCapture capture;
  GenerationResult result = pipeline.generate(run, [&](const StepInfo& info) { capture.addStep(info); });
  QList<ImageAttention> images = result.attention.defined() ? capture.finish(result, pipeline.tokenizer()) : QList<ImageAttention>();
  return {std::move(result), std::move(images)};
}

const AttentionWord* wordNamed(const ImageAttention& attention, const QString& text, int textIndex = -1) {
  for (const AttentionWord& word : attention.words)
    if (word.text == text && word.textIndex == textIndex) return &word;
  return nullptr;
}

// The process's CPU time: on a machine shared with other work, wall time measures the neighbours.
double cpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return double(now.tv_sec) + now.tv_nsec / 1e9;
}

// A run as the worker makes it: with the maps, every step's are captured and converted. Returns
// the CPU seconds it took.
double secondsFor(StableDiffusionPipeline& pipeline, const GenerationRequest& request) {
  const double start = cpuSeconds();
  captured(pipeline, request);
  return cpuSeconds() - start;
}

// On one thread, so that CPU time is the work done and not threads waiting for each other.
std::unique_ptr<StableDiffusionPipeline> singleThreaded(const QString& model) {
  LoadOptions options;
  options.threads = 1;
  return StableDiffusionPipeline::load(ModelFolder::open(model.toStdString()), options);
}

struct Cost {
  double off = 1e9, final = 1e9, perStep = 1e9;
};

// The best of `rounds` runs without maps, with the final maps, and with per-step maps too; the
// three alternate, so a busy machine's slow spells do not all fall on one.
Cost measure(StableDiffusionPipeline& pipeline, int size, int steps, int images, int rounds) {
  const auto run = [&](bool maps, bool perStep) {
    GenerationRequest r = request(size, steps, maps, perStep);
    r.num_images = images;
    return secondsFor(pipeline, r);
  };
  GenerationRequest warmup = request(size, 1, true);
  warmup.num_images = images;
  secondsFor(pipeline, warmup);
  Cost best;
  for (int i = 0; i < rounds; ++i) {
    best.off = std::min(best.off, run(false, false));
    best.final = std::min(best.final, run(true, false));
    best.perStep = std::min(best.perStep, run(true, true));
  }
  return best;
}

void report(const QString& what, const Cost& cost) {
  const auto percent = [&](double seconds) { return (seconds / cost.off - 1) * 100; };
  qInfo("%s, CPU time on one thread: maps off %.3f s; final maps %.3f s (%+.1f%%); final and per-step maps %.3f s "
        "(%+.1f%%)",
        qPrintable(what), cost.off, cost.final, percent(cost.final), cost.perStep, percent(cost.perStep));
}

}  // namespace

class AttentionRunTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { pipeline_ = StableDiffusionPipeline::load(ModelFolder::open(kFixture.toStdString())); }

  void theCapturedMapsAreThePipelines() {
    const auto [result, images] = captured(*pipeline_, request(kSize, kSteps, true));
    QVERIFY(result.attention.defined());
    QCOMPARE(images.size(), 2);
    for (int i = 0; i < images.size(); ++i) {
      const ImageAttention& image = images[i];
      QCOMPARE(image.height, kSize / 8);
      QCOMPARE(image.width, kSize / 8);
      QVERIFY(at::equal(tensorOf(image.maps, image), result.attention[i]));
      QCOMPARE(image.steps(), kSteps);
      QVERIFY(at::equal(tensorOf(image.stepMaps.back(), image), tensorOf(image.maps, image)));
      QVERIFY(!at::equal(tensorOf(image.stepMaps.front(), image), tensorOf(image.maps, image)));
    }
    const ImageAttention& first = images[0];
    QCOMPARE(first.tokens.size(), 77);
    QCOMPARE(first.tokens[0], QString("<|startoftext|>"));
    QStringList words;
    for (const AttentionWord& word : first.words) words << word.text;
    QCOMPARE(words, (QStringList{"a", "watercolor", "painting", "of", "lighthouse", "at", "dawn"}));
    const AttentionWord& lighthouse = first.words[4];
    QCOMPARE(lighthouse.positions.size(), 2 * size_t(lighthouse.pieces.size()));  // both occurrences
    for (int slot : lighthouse.positions)
      QVERIFY(lighthouse.pieces.contains(first.tokens[slot]));
    QVERIFY(images[1].maps != first.maps);
    // Every step's maps were copied out, which took time; a run keeping the final maps alone copies none.
    QVERIFY(first.captureMsPerStep > 0);
    QCOMPARE(images[1].captureMsPerStep, first.captureMsPerStep);
    QCOMPARE(captured(*pipeline_, request(kSize, 2, true, false)).second[0].captureMsPerStep, 0.0);
  }

  // A prompt of two chunks: 154 slots, and a word of the second chunk maps the run's maps there.
  // Kept on request only: each layer of the run's maps, whose views average to the run's maps.
  void theRunsLayersComeAlongWhenAskedFor() {
    QVERIFY(captured(*pipeline_, request(kSize, 2, true, false)).second[0].layers.empty());
    GenerationRequest run = request(kSize, 2, true, false);
    run.attention_maps_per_layer = true;
    const auto [result, images] = captured(*pipeline_, run);
    QVERIFY(!result.layer_attention.empty());
    for (const ImageAttention& image : images) {
      QCOMPARE(image.layers.size(), result.layer_attention.size());
      at::Tensor sum = at::zeros({image.slots(), image.height, image.width});
      int pairs = 0;
      for (int l = 0; l < int(image.layers.size()); ++l)
        for (int head = 0; head < image.layers[size_t(l)].heads; ++head, ++pairs) {
          MapView view;
          view.layer = l;
          view.head = head;
          sum += tensorOf(viewMaps(image, view), image);
        }
      QVERIFY(at::allclose(sum / double(pairs), tensorOf(image.maps, image), 1e-4, 1e-6));
    }
    QCOMPARE(images[0].layers.front().name, QString::fromStdString(result.layer_attention.front().layer));
  }

  void aLongPromptsWordsHaveMapsInEveryChunk() {
    GenerationRequest run = request(kSize, 2, true, false);
    run.num_images = 1;
    run.prompt = "a lighthouse BREAK (stormy:1.2) sea";
    const auto [result, images] = captured(*pipeline_, run);
    QCOMPARE(images.size(), 1);
    const ImageAttention& image = images[0];
    QCOMPARE(image.slots(), 2 * 77);
    QCOMPARE(image.tokens[77], QString("<|startoftext|>"));
    const AttentionWord* sea = wordNamed(image, "sea");
    QVERIFY(sea);
    QCOMPARE(sea->positions, (std::vector<int>{77 + 2}));  // start, stormy, sea
    QCOMPARE(image.tokens[77 + 2], QString("sea</w>"));
    QVERIFY(at::equal(tensorOf(image.maps, image)[77 + 2], result.attention[0][77 + 2]));
    QVERIFY(!wordNamed(image, "BREAK") && !wordNamed(image, "1.2"));
  }

  // [red|blue] alternates: each colour is a word of its own text, mapped over that text's steps;
  // the shared words keep the run's maps.
  void anAlternatingPromptsWordsFollowTheirSteps() {
    GenerationRequest run = request(kSize, kSteps, true);
    run.num_images = 1;
    run.prompt = "a [red|blue] lighthouse";
    const auto [result, images] = captured(*pipeline_, run);
    const ImageAttention& image = images[0];
    QCOMPARE(image.texts.size(), 2);
    QCOMPARE(image.texts[0].text, QString("a red lighthouse"));
    // A1111's step s shows option (s - 1) mod 2, and iteration i runs the first step s >= i.
    QCOMPARE(image.texts[0].steps, (QList<int>{1, 2, 4}));
    QCOMPARE(image.texts[1].steps, (QList<int>{3}));
    QCOMPARE(image.textAt(3), 1);
    QVERIFY(wordNamed(image, "a") && wordNamed(image, "lighthouse"));
    QVERIFY(wordNamed(image, "red", 0) && wordNamed(image, "blue", 1));
    QVERIFY(image.texts[1].stepMaps.front().empty());  // blue was not yet in force after step 1
    QVERIFY(!image.texts[0].stepMaps.front().empty());
    QCOMPARE(image.texts[1].stepMaps.back(), image.texts[1].maps);
    QVERIFY(at::equal(tensorOf(image.texts[0].maps, image), result.text_attention[0].maps[0]));
  }

  // Asked for, the negative prompt's maps come with the prompt's, with its own words and steps.
  void theWorkerSendsTheNegativePromptsMapsOnRequest() {
    testing::WorkerOnThread worker;
    QVERIFY(worker.load(kFixture).ok);
    GenerationJob job;
    job.params.prompt = QString::fromUtf8(kPrompt);
    job.params.negativePrompt = QStringLiteral("blurry, [lowres|jpeg]");
    job.params.steps = kSteps;
    job.params.width = job.params.height = kSize;
    job.params.scheduler = QStringLiteral("euler_a");
    job.params.attentionMaps = job.params.negativeAttentionMaps = true;
    job.preview.mode = PreviewMode::Off;
    const GenerationOutcome outcome = worker.run(job);
    QCOMPARE(outcome.status, GenerationOutcome::Status::Finished);
    QCOMPARE(outcome.attention.size(), 1);
    QCOMPARE(outcome.negativeAttention.size(), 1);
    const ImageAttention& negative = outcome.negativeAttention[0];
    QCOMPARE(negative.steps(), kSteps);
    QCOMPARE(negative.texts.size(), 2);  // "blurry, lowres" and "blurry, jpeg"
    QVERIFY(wordNamed(negative, "blurry") && wordNamed(negative, "lowres", 0) && wordNamed(negative, "jpeg", 1));
    QVERIFY(negative.maps != outcome.attention[0].maps);
  }

  void theWorkerSendsTheMapsWithItsResult() {
    testing::WorkerOnThread worker;
    QVERIFY(worker.load(kFixture).ok);
    QList<GenerationOutcome> outcomes;
    for (const bool maps : {true, false}) {
      GenerationJob job;
      job.id = maps ? 1 : 2;
      job.params.prompt = QString::fromUtf8(kPrompt);
      job.params.steps = kSteps;
      job.params.width = job.params.height = kSize;
      job.params.numImages = 2;
      job.params.scheduler = QStringLiteral("euler_a");  // one U-Net call per step
      job.params.attentionMaps = maps;
      job.preview.mode = PreviewMode::Off;
      outcomes << worker.run(job);
    }

    const GenerationOutcome& withMaps = outcomes[0];
    QCOMPARE(withMaps.status, GenerationOutcome::Status::Finished);
    QCOMPARE(withMaps.attention.size(), 2);
    for (const ImageAttention& image : withMaps.attention) {
      QCOMPARE(image.maps.size(), size_t(77) * (kSize / 8) * (kSize / 8));
      QCOMPARE(image.steps(), kSteps);
      QCOMPARE(image.stepMaps.back(), image.maps);
      QCOMPARE(image.words.size(), 7);
    }
    QVERIFY(withMaps.negativeAttention.isEmpty());  // not asked for
    const GenerationOutcome& without = outcomes[1];
    QCOMPARE(without.status, GenerationOutcome::Status::Finished);
    QVERIFY(without.attention.isEmpty());
  }

  // Not pass/fail checks: the numbers go to the log.
  void whatTheMapsCost() {
    report(QStringLiteral("fixture, 2 images 64x64, 4 steps, best of 5"),
           measure(*singleThreaded(kFixture), kSize, kSteps, 2, 5));
  }

  // BKSDM_ATTENTION_COST_MODEL names a full-size model, measured with one image at 256x256 and 5
  // steps (minutes on a CPU: raise QTEST_FUNCTION_TIMEOUT).
  void whatTheMapsCostAFullSizeModel() {
    const QString model = qEnvironmentVariable("BKSDM_ATTENTION_COST_MODEL");
    if (model.isEmpty()) QSKIP("BKSDM_ATTENTION_COST_MODEL is not set");
    report(model + QStringLiteral(", 1 image 256x256, 5 steps, one run each"), measure(*singleThreaded(model), 256, 5, 1, 1));
  }

 private:
  std::unique_ptr<StableDiffusionPipeline> pipeline_;
};

QTEST_GUILESS_MAIN(AttentionRunTest)
#include "test_attention_run.moc"
