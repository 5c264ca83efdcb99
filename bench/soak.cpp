// Hours of use, through the Studio as the app drives it, on a fixture model:
//   1. RSS before and after N runs, each cancelled at another step: the memory must come back.
//   2. G generations in a row with fast previews every step and attention maps on, each result (the
//      PNG and its maps) saved into a gallery folder: RSS at the start, every 50 runs and at the end,
//      the per-step time of the first runs against the last ones, and every saved file checked.
//
//   soak_bench [--model DIR] [--cancelled 50] [--generations 200] [--steps 6] [--gallery DIR]
//
// Run it with QT_QPA_PLATFORM=offscreen on a headless machine. Step times are the worker's own
// (StepProgress::seconds), and the process's CPU time a step: on a shared machine compare medians,
// and CPU time rather than wall time.
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <qcoro/qcorotask.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "app/attention/attention_export.h"
#include "app/gallery/gallery.h"
#include "app/gallery/gallery_entry.h"
#include "app/studio.h"
#include "bench/process_memory.h"
#include "bench/stopwatch.h"

using namespace bksdm;

namespace {

constexpr int kCompared = 20;  // runs at each end of the soak whose step times are compared

struct Options {
  QString model;
  int cancelled = 50;
  int generations = 200;
  int steps = 6;
  QString gallery;
};

double rssMiB() { return bench::rss_bytes() / (1024.0 * 1024.0); }

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
  return values[values.size() / 2];
}

GenerationParams params(const Options& options, quint64 seed) {
  GenerationParams p;
  p.prompt = QStringLiteral("a lighthouse on a cliff at dawn, oil painting");
  p.steps = options.steps;
  p.seed = seed;
  p.attentionMaps = true;
  return p;
}

// A fast preview after every step, as the app shows them.
PreviewOptions everyStep() {
  PreviewOptions previews;
  previews.mode = PreviewMode::Fast;
  previews.interval = 1;
  return previews;
}

// Each run is cancelled when the UI thread sees its step `i % (steps - 1)`: the cancel lands a
// step or so later, and never after the last one. Returns false when a run ended otherwise.
QCoro::Task<bool> cancelledRuns(Studio& studio, const Options& options) {
  int finished = 0;
  for (int i = 0; i < options.cancelled; ++i) {
    const int at = i % std::max(1, options.steps - 1);
    const quint64 id = studio.enqueue(params(options, 100 + i), everyStep());
    const auto cancel = QObject::connect(&studio, &Studio::stepProgress, &studio, [&studio, id, at](const StepProgress& p) {
      if (p.jobId == id && p.step == at) studio.cancelCurrent();
    });
    const GenerationOutcome outcome = co_await studio.outcome(id);
    QObject::disconnect(cancel);
    if (outcome.status != GenerationOutcome::Status::Cancelled) ++finished;
  }
  std::printf("cancelled runs: %d of %d ended cancelled\n", options.cancelled - finished, options.cancelled);
  co_return finished == 0;
}

QCoro::Task<bool> cancellationMemory(Studio& studio, const Options& options) {
  for (int i = 0; i < 2; ++i) co_await studio.generate(params(options, i), everyStep());  // warm caches
  const double before = rssMiB();
  const bool allCancelled = co_await cancelledRuns(studio, options);
  const double after = rssMiB();
  co_await studio.generate(params(options, 2), everyStep());
  std::printf("RSS before %d cancelled runs: %.1f MiB, after: %.1f MiB (%+.1f), after one more full run: %.1f MiB\n",
              options.cancelled, before, after, after - before, rssMiB());
  co_return allCancelled;
}

gallery::GenerationSettings settingsOf(const GenerationOutcome& outcome) {
  gallery::GenerationSettings settings;
  settings.params = outcome.params;
  settings.created = QDateTime::currentDateTime();
  return settings;
}

// Saves the image and its maps as the gallery does for the app; the path, or empty on failure.
QCoro::Task<QString> save(gallery::Gallery& gallery, const GenerationOutcome& outcome, const QTemporaryDir& scratch) {
  const QString maps = scratch.filePath(QStringLiteral("maps.safetensors"));
  writeAttentionMaps(maps, outcome.attention);
  const QString path = co_await gallery.save(outcome.images.value(0), settingsOf(outcome), maps);
  QFile::remove(maps);
  co_return path;
}

struct SoakRun {
  GenerationOutcome outcome;
  std::vector<double> stepSeconds;
  int previews = 0;
};

QCoro::Task<SoakRun> generateCounting(Studio& studio, GenerationParams p) {
  SoakRun run;
  const quint64 id = studio.enqueue(p, everyStep());
  const auto steps = QObject::connect(&studio, &Studio::stepProgress, &studio, [&run, id](const StepProgress& s) {
    if (s.jobId == id) run.stepSeconds.push_back(s.seconds);
  });
  const auto previews = QObject::connect(&studio, &Studio::previewReady, &studio, [&run, id](quint64 job, int, const QImage&) {
    if (job == id) ++run.previews;
  });
  run.outcome = co_await studio.outcome(id);
  QObject::disconnect(steps);
  QObject::disconnect(previews);
  co_return run;
}

// Every saved image and its maps are on disk, and the folder holds exactly those images.
int missingFiles(const QStringList& saved, const QString& folder) {
  int missing = 0;
  for (const QString& path : saved)
    if (!QFileInfo(path).size() || !QFileInfo(gallery::attentionMapsPath(path)).size()) ++missing;
  const int pngs = int(QDir(folder).entryList({QStringLiteral("*.png")}, QDir::Files).size());
  return missing + std::abs(pngs - int(saved.size()));
}

QCoro::Task<bool> soak(Studio& studio, const Options& options, const QString& folder) {
  QTemporaryDir scratch;
  gallery::Gallery gallery(64, scratch.filePath(QStringLiteral("thumbnails")));
  co_await gallery.open(folder);
  std::vector<double> firstSteps, lastSteps, firstCpu, lastCpu;  // CPU: per step, the run's all threads
  QStringList saved;
  int failures = 0;
  std::printf("soak: RSS at the start %.1f MiB\n", rssMiB());
  for (int i = 0; i < options.generations; ++i) {
    const double cpuStart = bench::process_cpu_seconds();
    const SoakRun run = co_await generateCounting(studio, params(options, 1000 + i));
    const double cpuPerStep = (bench::process_cpu_seconds() - cpuStart) / double(std::max<size_t>(1, run.stepSeconds.size()));
    const bool ok = run.outcome.status == GenerationOutcome::Status::Finished && run.previews == int(run.stepSeconds.size()) &&
                    run.previews >= options.steps &&  // PNDM runs a step more
                    run.outcome.attention.size() == 1 && !run.outcome.attention[0].isEmpty();
    QString path;  // GCC 12 miscompiles a co_await inside a conditional expression
    if (ok) path = co_await save(gallery, run.outcome, scratch);
    if (path.isEmpty()) {
      ++failures;
      std::printf("soak: run %d not saved: status %d, %d previews, %lld attention, %s\n", i,
                  int(run.outcome.status), run.previews, static_cast<long long>(run.outcome.attention.size()),
                  qPrintable(run.outcome.error));
    } else {
      saved << path;
    }
    if (i < kCompared) {
      firstSteps.insert(firstSteps.end(), run.stepSeconds.begin(), run.stepSeconds.end());
      firstCpu.push_back(cpuPerStep);
    }
    if (i >= options.generations - kCompared) {
      lastSteps.insert(lastSteps.end(), run.stepSeconds.begin(), run.stepSeconds.end());
      lastCpu.push_back(cpuPerStep);
    }
    if ((i + 1) % 50 == 0 || i + 1 == options.generations) std::printf("soak: RSS after %d runs %.1f MiB\n", i + 1, rssMiB());
  }
  const int missing = missingFiles(saved, folder);
  std::printf("soak: median step %.1f ms over the first %d runs, %.1f ms over the last %d\n", median(firstSteps) * 1e3,
              kCompared, median(lastSteps) * 1e3, kCompared);
  std::printf("soak: median CPU time a step (run, preview and maps, all threads) %.1f ms over the first %d runs, %.1f ms "
              "over the last %d\n", median(firstCpu) * 1e3, kCompared, median(lastCpu) * 1e3, kCompared);
  std::printf("soak: %d runs, %d failed or unsaved, %lld saved, %d files missing or extra in %s\n", options.generations,
              failures, static_cast<long long>(saved.size()), missing, qPrintable(folder));
  co_return failures == 0 && missing == 0;
}

Options parse(const QCoreApplication& app) {
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addOptions({
      {"model", "Model folder.", "dir", QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini")},
      {"cancelled", "Cancelled runs.", "n", "50"},
      {"generations", "Soak generations.", "n", "200"},
      {"steps", "Steps per run.", "n", "6"},
      {"gallery", "Gallery folder (default: a temporary one).", "dir"},
  });
  parser.process(app);
  Options options;
  options.model = parser.value("model");
  options.cancelled = parser.value("cancelled").toInt();
  options.generations = parser.value("generations").toInt();
  options.steps = std::max(2, parser.value("steps").toInt());
  options.gallery = parser.value("gallery");
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  QGuiApplication app(argc, argv);
  const Options options = parse(app);
  QTemporaryDir galleryFolder;
  const QString folder = options.gallery.isEmpty() ? galleryFolder.path() : options.gallery;
  Studio studio;
  const LoadOutcome loaded = QCoro::waitFor(studio.loadModel(options.model, EngineOptions{}));
  if (!loaded.ok) {
    std::fprintf(stderr, "%s\n", qPrintable(loaded.error));
    return 1;
  }
  std::printf("model %s, %d steps a run, %dx%d, RSS after loading %.1f MiB\n", qPrintable(loaded.model.entry.name),
              options.steps, loaded.model.defaultSize, loaded.model.defaultSize, rssMiB());
  std::fflush(stdout);
  const bool cancelledOk = QCoro::waitFor(cancellationMemory(studio, options));
  std::fflush(stdout);
  const bool soakOk = QCoro::waitFor(soak(studio, options, folder));
  return cancelledOk && soakOk ? 0 : 1;
}
