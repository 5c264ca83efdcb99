// The pieces of the downloads that need no server: file choice, sizes, cache paths, the
// environment, speed and the texts shown.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>

#include "app/hub/cached_models.h"
#include "app/hub/hub_cache_repo.h"
#include "app/hub/hub_config.h"
#include "app/hub/hub_error.h"
#include "app/hub/known_models.h"
#include "app/hub/model_files.h"
#include "app/hub/transfer_rate.h"
#include "ui/hub/download_progress_view.h"
#include "ui/hub/model_manager_dialog.h"

using namespace bksdm;

namespace {

const QStringList kRepoFiles = {
    QStringLiteral(".gitattributes"),
    QStringLiteral("README.md"),
    QStringLiteral("model_index.json"),
    QStringLiteral("feature_extractor/preprocessor_config.json"),
    QStringLiteral("safety_checker/config.json"),
    QStringLiteral("safety_checker/model.safetensors"),
    QStringLiteral("scheduler/scheduler_config.json"),
    QStringLiteral("text_encoder/config.json"),
    QStringLiteral("text_encoder/model.safetensors"),
    QStringLiteral("text_encoder/model.fp16.safetensors"),
    QStringLiteral("text_encoder/pytorch_model.bin"),
    QStringLiteral("tokenizer/merges.txt"),
    QStringLiteral("tokenizer/special_tokens_map.json"),
    QStringLiteral("tokenizer/tokenizer_config.json"),
    QStringLiteral("tokenizer/vocab.json"),
    QStringLiteral("unet/config.json"),
    QStringLiteral("unet/diffusion_pytorch_model.bin"),
    QStringLiteral("unet/diffusion_pytorch_model.safetensors"),
    QStringLiteral("unet/diffusion_pytorch_model.fp16.safetensors"),
    QStringLiteral("unet/diffusion_pytorch_model.non_ema.safetensors"),
    QStringLiteral("vae/config.json"),
    QStringLiteral("vae/diffusion_pytorch_model.safetensors"),
    QStringLiteral("v1-5-pruned.ckpt"),
};

void writeFile(const QString& path, const QByteArray& content) {
  QDir().mkpath(QFileInfo(path).path());
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(content);
}

QString errorOf(const QStringList& files, const QString& variant = {}) {
  try {
    selectModelFiles(files, variant, QStringLiteral("org/model"));
  } catch (const HubError& error) {
    return error.message();
  }
  return {};
}

}  // namespace

class TestHubParts : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QLocale::setDefault(QLocale::c()); }

  void picksWhatTheAppReads() {
    const QStringList expected = {
        QStringLiteral("safety_checker/config.json"),
        QStringLiteral("scheduler/scheduler_config.json"),
        QStringLiteral("text_encoder/config.json"),
        QStringLiteral("text_encoder/model.safetensors"),
        QStringLiteral("tokenizer/merges.txt"),
        QStringLiteral("tokenizer/special_tokens_map.json"),
        QStringLiteral("tokenizer/tokenizer_config.json"),
        QStringLiteral("tokenizer/vocab.json"),
        QStringLiteral("unet/config.json"),
        QStringLiteral("unet/diffusion_pytorch_model.safetensors"),
        QStringLiteral("vae/config.json"),
        QStringLiteral("vae/diffusion_pytorch_model.safetensors"),
        QStringLiteral("model_index.json"),
    };
    QCOMPARE(selectModelFiles(kRepoFiles, {}, QStringLiteral("org/model")), expected);
  }

  void picksTheVariantWhereThereIsOne() {
    const QStringList files = selectModelFiles(kRepoFiles, QStringLiteral("fp16"), QStringLiteral("org/model"));
    QVERIFY(files.contains(QStringLiteral("text_encoder/model.fp16.safetensors")));
    QVERIFY(files.contains(QStringLiteral("unet/diffusion_pytorch_model.fp16.safetensors")));
    QVERIFY(files.contains(QStringLiteral("vae/diffusion_pytorch_model.safetensors")));
    QVERIFY(!files.contains(QStringLiteral("text_encoder/model.safetensors")));
    QCOMPARE(files.size(), 13);
  }

  void refusesWhatIsNoModel() {
    QStringList noIndex = kRepoFiles;
    noIndex.removeAll(QStringLiteral("model_index.json"));
    QCOMPARE(errorOf(noIndex), QStringLiteral("org/model is not a diffusers model: it has no model_index.json."));
    QStringList picklesOnly = kRepoFiles;
    picklesOnly.removeAll(QStringLiteral("unet/diffusion_pytorch_model.safetensors"));
    picklesOnly.removeAll(QStringLiteral("unet/diffusion_pytorch_model.fp16.safetensors"));
    picklesOnly.removeAll(QStringLiteral("unet/diffusion_pytorch_model.non_ema.safetensors"));
    QVERIFY(errorOf(picklesOnly).startsWith(QLatin1String("org/model has no .safetensors weights for unet")));
  }

  // A VAE's repo: its top-level config and weights, the config last (it marks the download as whole).
  void picksAVaeReposConfigAndWeights() {
    const QStringList vae = {QStringLiteral(".gitattributes"), QStringLiteral("README.md"), QStringLiteral("config.json"),
                             QStringLiteral("diffusion_pytorch_model.bin"), QStringLiteral("diffusion_pytorch_model.safetensors"),
                             QStringLiteral("diffusion_pytorch_model.fp16.safetensors")};
    QCOMPARE(selectModelFiles(vae, {}, QStringLiteral("org/vae")),
             (QStringList{"diffusion_pytorch_model.safetensors", "config.json"}));
    QCOMPARE(selectModelFiles(vae, QStringLiteral("fp16"), QStringLiteral("org/vae")),
             (QStringList{"diffusion_pytorch_model.fp16.safetensors", "config.json"}));
    QVERIFY(errorOf({QStringLiteral("config.json"), QStringLiteral("diffusion_pytorch_model.bin")}).contains("no .safetensors"));
  }

  void ignoresPathsThatLeaveTheSnapshot() {
    QStringList files = kRepoFiles;
    files += {QStringLiteral("../config.json"), QStringLiteral("unet/../../config.json"),
              QStringLiteral("./config.json"), QStringLiteral("/config.json"), QStringLiteral("unet//config.json")};
    QCOMPARE(selectModelFiles(files, {}, QStringLiteral("org/model")).size(), 13);
  }

  void sizesFromParameterCounts() {
    QCOMPARE(knownModels().size(), 11);
    QCOMPARE(knownVaes().size(), 2);
    QCOMPARE(findKnownModel(QStringLiteral("madebyollin/taesd"))->downloadBytes(), 2'445'063LL * 4);  // ~9.8 MB
    const KnownModel& tiny = defaultModel();
    QCOMPARE(tiny.repoId, QStringLiteral("nota-ai/bk-sdm-v2-tiny"));
    QCOMPARE(tiny.downloadBytes(), (340'387'840LL + 326'825'604LL + 83'653'863LL) * 4);
    QCOMPARE(formatBytes(tiny.downloadBytes()), QStringLiteral("3.0 GB"));
    QCOMPARE(tiny.sizeBreakdown(), QStringLiteral("text encoder 1.36 GB, U-Net 1.31 GB, VAE 335 MB"));
    QCOMPARE(formatBytes(tiny.downloadBytes(2)), QStringLiteral("1.5 GB"));
    QCOMPARE(formatBytes(findKnownModel(QStringLiteral("CompVis/stable-diffusion-v1-4"))->downloadBytes()),
             QStringLiteral("4.3 GB"));
    QCOMPARE(formatBytes(findKnownModel(QStringLiteral("nota-ai/bk-sdm-tiny-2m"))->downloadBytes()),
             QStringLiteral("2.1 GB"));
    for (const QString& repoId :
         {QStringLiteral("nota-ai/bk-sdm-v2-small"), QStringLiteral("nota-ai/bk-sdm-v2-base"),
          QStringLiteral("nota-ai/bk-sdm-tiny"), QStringLiteral("nota-ai/bk-sdm-small"),
          QStringLiteral("nota-ai/bk-sdm-base"), QStringLiteral("nota-ai/bk-sdm-small-2m"),
          QStringLiteral("nota-ai/bk-sdm-base-2m"), QStringLiteral("stabilityai/stable-diffusion-2-1-base")}) {
      const KnownModel* model = findKnownModel(repoId);
      QVERIFY2(model, qPrintable(repoId));
      QVERIFY(!model->summaryText().isEmpty());
    }
  }

  void cachePathsAsHuggingFaceHub() {
    QTemporaryDir cache;
    const HubCacheRepo repo(cache.path(), QStringLiteral("nota-ai/bk-sdm-v2-tiny"));
    QCOMPARE(HubCacheRepo::folderName(QStringLiteral("nota-ai/bk-sdm-v2-tiny")),
             QStringLiteral("models--nota-ai--bk-sdm-v2-tiny"));
    QCOMPARE(repo.blobPath(QStringLiteral("abc")),
             cache.path() + QStringLiteral("/models--nota-ai--bk-sdm-v2-tiny/blobs/abc"));
    QCOMPARE(repo.incompletePath(QStringLiteral("abc")),
             repo.blobPath(QStringLiteral("abc")) + QStringLiteral(".incomplete"));
    QCOMPARE(repo.lockPath(QStringLiteral("abc")),
             cache.path() + QStringLiteral("/.locks/models--nota-ai--bk-sdm-v2-tiny/abc.lock"));

    repo.createBlobFolder();
    writeFile(repo.blobPath(QStringLiteral("abc")), "x");
    repo.linkFile(QStringLiteral("c0ffee"), QStringLiteral("model_index.json"), QStringLiteral("abc"));
    repo.linkFile(QStringLiteral("c0ffee"), QStringLiteral("unet/config.json"), QStringLiteral("abc"));
    const auto target = [&](const QString& file) {
      return QString::fromStdString(
          std::filesystem::read_symlink(repo.pointerPath(QStringLiteral("c0ffee"), file).toStdString()).string());
    };
    QCOMPARE(target(QStringLiteral("model_index.json")), QStringLiteral("../../blobs/abc"));
    QCOMPARE(target(QStringLiteral("unet/config.json")), QStringLiteral("../../../blobs/abc"));
    QVERIFY(repo.hasFile(QStringLiteral("c0ffee"), QStringLiteral("unet/config.json")));
    // A link whose blob is gone does not count, and is replaced.
    repo.linkFile(QStringLiteral("c0ffee"), QStringLiteral("vae/config.json"), QStringLiteral("gone"));
    QVERIFY(!repo.hasFile(QStringLiteral("c0ffee"), QStringLiteral("vae/config.json")));
    repo.linkFile(QStringLiteral("c0ffee"), QStringLiteral("vae/config.json"), QStringLiteral("abc"));
    QVERIFY(repo.hasFile(QStringLiteral("c0ffee"), QStringLiteral("vae/config.json")));

    repo.writeRef(QStringLiteral("main"), QStringLiteral("c0ffee"));
    QFile ref(repo.folder() + QStringLiteral("/refs/main"));
    QVERIFY(ref.open(QIODevice::ReadOnly));
    QCOMPARE(ref.readAll(), QByteArray("c0ffee"));
    repo.writeRef(QStringLiteral("c0ffee"), QStringLiteral("c0ffee"));
    QVERIFY(!QFileInfo::exists(repo.folder() + QStringLiteral("/refs/c0ffee")));
  }

  void findsCachedModels() {
    QTemporaryDir cache;
    const auto addModel = [&](const QString& repoId, bool withRef) {
      const HubCacheRepo repo(cache.path(), repoId);
      writeFile(repo.pointerPath(QStringLiteral("c0ffee"), QStringLiteral("model_index.json")), "{}");
      if (withRef) repo.writeRef(QStringLiteral("main"), QStringLiteral("c0ffee"));
    };
    addModel(QStringLiteral("nota-ai/bk-sdm-small"), true);
    addModel(QStringLiteral("someone/my-model"), true);
    addModel(QStringLiteral("someone/half-done"), false);
    QDir().mkpath(cache.path() + QStringLiteral("/models--gpt2"));
    QCOMPARE(cachedModelRepos(cache.path()),
             QStringList({QStringLiteral("nota-ai/bk-sdm-small"), QStringLiteral("someone/my-model")}));
    QVERIFY(isModelCached(cache.path(), QStringLiteral("nota-ai/bk-sdm-small")));
    QVERIFY(!isModelCached(cache.path(), QStringLiteral("someone/half-done")));

    // A VAE's repo: an AutoencoderKL's config at its top; TAESD's (AutoencoderTiny) is no VAE to load.
    const HubCacheRepo vae(cache.path(), QStringLiteral("stabilityai/sd-vae-ft-mse"));
    writeFile(vae.pointerPath(QStringLiteral("c0ffee"), QStringLiteral("config.json")), R"({"_class_name": "AutoencoderKL"})");
    vae.writeRef(QStringLiteral("main"), QStringLiteral("c0ffee"));
    const HubCacheRepo taesd(cache.path(), QStringLiteral("madebyollin/taesd"));
    writeFile(taesd.pointerPath(QStringLiteral("c0ffee"), QStringLiteral("config.json")), R"({"_class_name": "AutoencoderTiny"})");
    taesd.writeRef(QStringLiteral("main"), QStringLiteral("c0ffee"));
    QVERIFY(isModelCached(cache.path(), QStringLiteral("stabilityai/sd-vae-ft-mse")));
    QCOMPARE(cachedVaeFolders(cache.path()),
             QStringList{QFileInfo(vae.pointerPath(QStringLiteral("c0ffee"), QStringLiteral("config.json"))).absolutePath()});
    QVERIFY(cachedVaeFolder(cache.path(), QStringLiteral("nota-ai/bk-sdm-small")).isEmpty());
  }

  void readsTheEnvironmentAsHuggingFaceHub() {
    QTemporaryDir home;
    const QByteArray homePath = home.path().toUtf8();
    for (const char* name : {"HF_ENDPOINT", "HF_HUB_CACHE", "HF_HUB_OFFLINE", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN",
                             "HF_TOKEN_PATH", "XDG_CACHE_HOME"})
      qunsetenv(name);
    qputenv("HF_HOME", homePath);

    HubConfig config = HubConfig::fromEnvironment();
    QCOMPARE(config.endpoint, QUrl(QStringLiteral("https://huggingface.co")));
    QCOMPARE(config.cacheDir, home.path() + QStringLiteral("/hub"));
    QVERIFY(!config.offline);
    QVERIFY(config.token.isEmpty());

    writeFile(home.path() + QStringLiteral("/token"), "hf_from_file\n");
    config = HubConfig::fromEnvironment();
    QCOMPARE(config.token, QStringLiteral("hf_from_file"));
    QCOMPARE(config.tokenSource, home.path() + QStringLiteral("/token"));

    qputenv("HF_TOKEN", "hf_from_env");
    qputenv("HF_ENDPOINT", "http://127.0.0.1:8080/");
    qputenv("HF_HUB_CACHE", homePath + "/elsewhere");
    qputenv("HF_HUB_OFFLINE", "yes");
    config = HubConfig::fromEnvironment();
    QCOMPARE(config.token, QStringLiteral("hf_from_env"));
    QCOMPARE(config.tokenSource, QStringLiteral("HF_TOKEN"));
    QCOMPARE(config.endpoint, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(config.cacheDir, home.path() + QStringLiteral("/elsewhere"));
    QVERIFY(config.offline);

    qputenv("HF_HUB_OFFLINE", "0");
    qunsetenv("HF_TOKEN");
    qputenv("HF_TOKEN_PATH", homePath + "/other-token");
    writeFile(home.path() + QStringLiteral("/other-token"), "hf_other");
    config = HubConfig::fromEnvironment();
    QVERIFY(!config.offline);
    QCOMPARE(config.token, QStringLiteral("hf_other"));
    for (const char* name : {"HF_HOME", "HF_ENDPOINT", "HF_HUB_CACHE", "HF_HUB_OFFLINE", "HF_TOKEN_PATH"})
      qunsetenv(name);
  }

  void speedOverTheLastSeconds() {
    TransferRate rate;
    QCOMPARE(rate.bytesPerSecond(), 0.0);
    QVERIFY(!rate.secondsLeft(100).has_value());
    rate.record(0, 0);
    rate.record(1000, 1'000'000);
    QCOMPARE(rate.bytesPerSecond(), 1'000'000.0);
    QCOMPARE(rate.secondsLeft(5'000'000), 5);
    // After a stall, the old burst leaves the window and the speed falls.
    rate.record(7000, 1'000'000);
    rate.record(9000, 1'000'000);
    QCOMPARE(rate.bytesPerSecond(), 0.0);
  }

  void progressTexts() {
    DownloadProgress progress;
    progress.file = QStringLiteral("unet/diffusion_pytorch_model.safetensors");
    progress.fileNumber = 9;
    progress.fileCount = 12;
    progress.bytes = 1'200'000'000;
    progress.totalSize = 3'003'469'228;
    progress.bytesPerSecond = 25'300'000;
    progress.secondsLeft = 72;
    QCOMPARE(DownloadProgressView::describeFile(progress),
             QStringLiteral("unet/diffusion_pytorch_model.safetensors (9 of 12)"));
    QCOMPARE(DownloadProgressView::describeTotals(progress),
             QStringLiteral("1.2 GB of 3.0 GB \u00b7 25 MB/s \u00b7 1 min 12 s left"));
    QCOMPARE(DownloadProgressView::describeTimeLeft(5), QStringLiteral("5 s left"));
    QCOMPARE(DownloadProgressView::describeTimeLeft(7260), QStringLiteral("2 h 1 min left"));
  }

  void repoIds() {
    QVERIFY(isValidRepoId(QStringLiteral("nota-ai/bk-sdm-v2-tiny")));
    QVERIFY(isValidRepoId(QStringLiteral("CompVis/stable-diffusion-v1-4")));
    QVERIFY(!isValidRepoId(QStringLiteral("bk-sdm-v2-tiny")));
    QVERIFY(!isValidRepoId(QStringLiteral("a/b/c")));
    QVERIFY(!isValidRepoId(QStringLiteral("a/..")));
    QVERIFY(!isValidRepoId(QStringLiteral("a b/c")));
  }
};

QTEST_GUILESS_MAIN(TestHubParts)
#include "test_hub_parts.moc"
