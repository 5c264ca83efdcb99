// The catalogue of broken model folders (tests/core/loading/test_broken_folders.cpp) as the app
// meets it, through the Studio: each defect ends the load, or the first run where only a run can
// show it, with a message naming the file and what is wrong (what the app's dialog shows); the same
// Studio then loads a good model and runs it. A cache with a symlink loop, too.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <vector>

#include "app/studio.h"
#include "core/io/safetensors.h"

using namespace bksdm;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = BKSDM_FIXTURES_DIR;
const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");
constexpr const char* kUNetWeights = "unet/diffusion_pytorch_model.safetensors";

void writeText(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary | std::ios::trunc) << text; }

void editJson(const fs::path& path, const std::function<void(nlohmann::json&)>& edit) {
  nlohmann::json json;
  std::ifstream(path) >> json;
  edit(json);
  writeText(path, json.dump(2));
}

void editTensor(const fs::path& path, const std::string& name, const std::function<at::Tensor(at::Tensor)>& change) {
  std::vector<std::pair<std::string, at::Tensor>> tensors;
  {
    const auto file = SafetensorsFile::open(path);
    for (const TensorInfo& info : file->tensors()) {
      const at::Tensor tensor = file->tensor(info.name).clone();
      tensors.emplace_back(info.name, info.name == name ? change(tensor) : tensor);
    }
  }
  write_safetensors(path, tensors);
}

struct Breakage {
  const char* name;
  std::function<void(const fs::path&)> apply;
  const char* file;  // the message names it
  const char* says;
};

std::function<void(const fs::path&)> without(const char* file) {
  return [file](const fs::path& model) { fs::remove(model / file); };
}

// One of each kind the issue lists; the core catalogue has them all.
const std::vector<Breakage>& breakages() {
  static const std::vector<Breakage> all = {
      {"MissingModelIndex", without("model_index.json"), "model_index.json", "missing"},
      {"MissingUNetConfig", without("unet/config.json"), "unet/config.json", "missing"},
      {"MissingVaeWeights", without("vae/diffusion_pytorch_model.safetensors"), "vae", "no .safetensors"},
      {"MissingMerges", without("tokenizer/merges.txt"), "tokenizer/merges.txt", "missing"},
      {"MissingSchedulerConfig", without("scheduler/scheduler_config.json"), "scheduler/scheduler_config.json", "missing"},
      {"TruncatedWeights",
       [](const fs::path& model) { fs::resize_file(model / kUNetWeights, fs::file_size(model / kUNetWeights) / 2); },
       kUNetWeights, "truncated"},
      {"TensorOfTheWrongShape",
       [](const fs::path& model) {
         editTensor(model / kUNetWeights, "conv_in.weight", [](at::Tensor t) { return t.narrow(0, 0, 4); });
       },
       kUNetWeights, "conv_in.weight"},
      {"TensorOfIntegers",
       [](const fs::path& model) {
         editTensor(model / kUNetWeights, "conv_in.weight", [](at::Tensor t) { return t.to(at::kLong); });
       },
       kUNetWeights, "I64"},
      {"NanWeights",
       [](const fs::path& model) {
         editTensor(model / kUNetWeights, "conv_in.bias", [](at::Tensor t) { return t.index_fill(0, at::tensor({1L}), NAN); });
       },
       "", "NaN or infinite values"},
      {"StringWhereANumberGoes",
       [](const fs::path& model) { editJson(model / "unet/config.json", [](auto& j) { j["layers_per_block"] = "1"; }); },
       "unet/config.json", "layers_per_block"},
      {"UnsupportedBlock",
       [](const fs::path& model) {
         editJson(model / "unet/config.json", [](auto& j) { j["down_block_types"][0] = "SimpleCrossAttnDownBlock2D"; });
       },
       "unet/config.json", "SimpleCrossAttnDownBlock2D"},
      {"MergeOfAPieceNotInTheVocab",
       [](const fs::path& model) { writeText(model / "tokenizer/merges.txt", "#version: 0.2\ni n\nq\xc4\xa0 zz\n"); },
       "tokenizer/merges.txt", "line 3"},
  };
  return all;
}

GenerationParams oneStep() {
  GenerationParams p;
  p.prompt = QStringLiteral("x");
  p.steps = 1;
  return p;
}

// What the app shows for `location`: the load's error, else the first run's.
QString errorOf(Studio& studio, const QString& location) {
  const LoadOutcome loaded = QCoro::waitFor(studio.loadModel(location, EngineOptions{}));
  if (!loaded.ok) return loaded.error;
  const GenerationOutcome outcome = QCoro::waitFor(studio.generate(oneStep(), {}));
  return outcome.status == GenerationOutcome::Status::Failed ? outcome.error : QString();
}

}  // namespace

class BrokenModelsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void aBrokenFolderSaysWhatAndTheStudioStaysUsable_data() {
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(breakages().size()); ++i) QTest::newRow(breakages()[size_t(i)].name) << i;
  }

  void aBrokenFolderSaysWhatAndTheStudioStaysUsable() {
    QFETCH(int, index);
    const Breakage& breakage = breakages()[size_t(index)];
    QTemporaryDir temp;
    const fs::path model = fs::path(temp.path().toStdString()) / "broken";
    fs::copy(kFixtures / "models/bk-sdm-v2-tiny-mini", model, fs::copy_options::recursive);
    breakage.apply(model);

    const QString error = errorOf(studio_, QString::fromStdString(model.string()));
    QVERIFY2(!error.isEmpty(), "the broken folder loaded and ran");
    QVERIFY2(error.contains(QString::fromUtf8(breakage.file)), qPrintable(error));
    QVERIFY2(error.contains(QString::fromUtf8(breakage.says)), qPrintable(error));
    expectUsable();
  }

  // huggingface_hub's layout with the snapshot's unet folder a link that leads back to itself.
  void aCacheWithASymlinkLoopSaysWhichLink() {
    QTemporaryDir hub;
    const fs::path repo = fs::path(hub.path().toStdString()) / "models--nota-ai--bk-sdm-v2-tiny";
    const std::string commit = "0123456789abcdef0123456789abcdef01234567";
    fs::create_directories(repo / "refs");
    writeText(repo / "refs" / "main", commit);
    const fs::path snapshot = repo / "snapshots" / commit;
    fs::create_directories(snapshot.parent_path());
    fs::copy(kFixtures / "models/bk-sdm-v2-tiny-mini", snapshot, fs::copy_options::recursive);
    fs::remove_all(snapshot / "unet");
    fs::create_symlink("unet.link", snapshot / "unet");
    fs::create_symlink("unet", snapshot / "unet.link");
    qputenv("HF_HUB_CACHE", hub.path().toLocal8Bit());
    const QString error = errorOf(studio_, QStringLiteral("nota-ai/bk-sdm-v2-tiny"));
    qunsetenv("HF_HUB_CACHE");
    QVERIFY2(error.contains("unet"), qPrintable(error));
    expectUsable();
  }

 private:
  void expectUsable() {
    const LoadOutcome loaded = QCoro::waitFor(studio_.loadModel(kFixture, EngineOptions{}));
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    QCOMPARE(QCoro::waitFor(studio_.generate(oneStep(), {})).status, GenerationOutcome::Status::Finished);
  }

  Studio studio_;
};

QTEST_GUILESS_MAIN(BrokenModelsTest)
#include "test_broken_models.moc"
