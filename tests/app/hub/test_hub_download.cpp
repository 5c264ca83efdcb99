// Downloads from FakeHub, a Hub stand-in on 127.0.0.1, into a temporary Hugging Face cache.
#include <qcoro/qcorotask.h>

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/hub/hub_cache_repo.h"
#include "app/hub/hub_client.h"
#include "app/hub/hub_error.h"
#include "app/hub/model_download.h"
#include "core/loading/model_folder.h"
#include "tests/app/hub/fake_hub.h"

using namespace bksdm;
using bksdm::test::FakeHub;

namespace {

const QString kRepo = QStringLiteral("nota-ai/bk-sdm-v2-tiny");
const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");
const QString kUnet = QStringLiteral("unet/diffusion_pytorch_model.safetensors");
const QString kVae = QStringLiteral("vae/diffusion_pytorch_model.safetensors");
const QString kTextEncoder = QStringLiteral("text_encoder/model.safetensors");

QByteArray fileContent(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList paths(const QList<FakeHub::Request>& requests) {
  QStringList found;
  for (const auto& request : requests) found.append(request.path);
  return found;
}

// QCoro::waitFor never returns from a task that throws; this one catches.
template <typename T>
QCoro::Task<std::optional<HubError>> errorOf(QCoro::Task<T> task) {
  try {
    co_await std::move(task);
  } catch (const HubError& error) {
    co_return error;
  }
  co_return std::nullopt;
}

}  // namespace

class TestHubDownload : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<FakeHub> hub_;
  std::unique_ptr<QTemporaryDir> cache_;

  HubConfig config(const QString& token = {}) const {
    HubConfig config;
    config.endpoint = hub_->endpoint();
    config.cacheDir = cache_->path();
    config.token = token;
    config.tokenSource = QStringLiteral("HF_TOKEN");
    return config;
  }

  // Quick retries, so the faults cost milliseconds.
  static void quicken(ModelDownload& download) {
    download.setRetryPolicy({4, std::chrono::milliseconds(10), std::chrono::milliseconds(40)});
    download.setStallTimeout(std::chrono::milliseconds(500));
  }

  DownloadOutcome download(const HubConfig& config, DownloadRequest request, QStringList* statuses = nullptr) {
    ModelDownload download(config, std::move(request));
    quicken(download);
    if (statuses)
      connect(&download, &ModelDownload::statusChanged, this,
              [statuses](const QString& text) { statuses->append(text); });
    return QCoro::waitFor(download.run());
  }

  DownloadOutcome download(const QString& repoId = kRepo) { return download(config(), DownloadRequest(repoId)); }

  HubCacheRepo cachedRepo() const { return HubCacheRepo(cache_->path(), kRepo); }

  void verifyIntact(const QString& file) {
    const QString pointer = cachedRepo().pointerPath(hub_->commit(kRepo), file);
    QCOMPARE(fileContent(pointer), fileContent(kFixture + QLatin1Char('/') + file));
  }

 private Q_SLOTS:
  void init() {
    hub_ = std::make_unique<FakeHub>();
    hub_->addRepo(kRepo, kFixture);
    // Files a download must leave alone: a pickle, a README, another variant.
    hub_->addFile(kRepo, QStringLiteral("unet/diffusion_pytorch_model.bin"), "pickle");
    hub_->addFile(kRepo, QStringLiteral("README.md"), "# card");
    hub_->addFile(kRepo, QStringLiteral("unet/diffusion_pytorch_model.fp16.safetensors"), "half");
    cache_ = std::make_unique<QTemporaryDir>();
    QVERIFY(cache_->isValid());
  }

  void writesTheHuggingFaceCacheLayout() {
    const DownloadOutcome outcome = download();
    QVERIFY2(outcome.status == DownloadOutcome::Status::Done, qPrintable(outcome.message));
    const QString commit = hub_->commit(kRepo);
    QCOMPARE(outcome.commit, commit);
    const QString repoFolder = cache_->path() + QStringLiteral("/models--nota-ai--bk-sdm-v2-tiny");
    QCOMPARE(outcome.snapshot, repoFolder + QStringLiteral("/snapshots/") + commit);
    QCOMPARE(fileContent(repoFolder + QStringLiteral("/refs/main")), commit.toLatin1());

    // Every fixture file, as a relative link into blobs/ named by its ETag.
    QDir fixture(kFixture);
    QDirIterator files(kFixture, QDir::Files, QDirIterator::Subdirectories);
    int count = 0;
    while (files.hasNext()) {
      const QString file = fixture.relativeFilePath(files.next());
      const QString etag = hub_->etag(kRepo, file);
      const QString pointer = outcome.snapshot + QLatin1Char('/') + file;
      const QString expectedTarget =
          QStringLiteral("../").repeated(int(file.count(QLatin1Char('/'))) + 2) + QStringLiteral("blobs/") + etag;
      QCOMPARE(QString::fromStdString(std::filesystem::read_symlink(pointer.toStdString()).string()), expectedTarget);
      QCOMPARE(fileContent(repoFolder + QStringLiteral("/blobs/") + etag), fileContent(files.filePath()));
      ++count;
    }
    QCOMPARE(count, 12);
    QVERIFY(
        QDir(repoFolder + QStringLiteral("/blobs")).entryList({QStringLiteral("*.incomplete")}, QDir::Files).isEmpty());
    QVERIFY(QFileInfo::exists(cache_->path() + QStringLiteral("/.locks/models--nota-ai--bk-sdm-v2-tiny")));

    // Nothing else was asked for: no pickle, no README, no other variant.
    for (const QString& path : paths(hub_->requests())) {
      QVERIFY2(!path.endsWith(QLatin1String(".bin")), qPrintable(path));
      QVERIFY2(!path.endsWith(QLatin1String("README.md")), qPrintable(path));
      QVERIFY2(!path.contains(QLatin1String("fp16")), qPrintable(path));
    }
    // The weights came from the CDN, not the Hub.
    QCOMPARE(hub_->requestsFor(QStringLiteral("cdn"), hub_->etag(kRepo, kUnet)).size(), 1);
  }

  void coreOpensTheDownloadedModel() {
    QCOMPARE(download().status, DownloadOutcome::Status::Done);
    qputenv("HF_HUB_CACHE", cache_->path().toUtf8());
    const ModelFolder folder = ModelFolder::open(kRepo.toStdString());
    qunsetenv("HF_HUB_CACHE");
    QCOMPARE(QString::fromStdString(folder.root().string()), cachedRepo().snapshotPath(hub_->commit(kRepo)));
    QCOMPARE(folder.repo_id().value_or(""), kRepo.toStdString());
    QCOMPARE(fileContent(QString::fromStdString(folder.weights("unet").string())), fileContent(kFixture + '/' + kUnet));
    QVERIFY(folder.config("unet").contains("block_out_channels"));
  }

  void sendsTheTokenToTheHubButNotToTheCdn() {
    hub_->setGated(kRepo, QStringLiteral("hf_secret"));
    QCOMPARE(download(config(QStringLiteral("hf_secret")), DownloadRequest(kRepo)).status,
             DownloadOutcome::Status::Done);
    for (const FakeHub::Request& request : hub_->requests()) {
      const QByteArray authorization = request.headers.value("authorization");
      QCOMPARE(authorization, request.server == QLatin1String("hub") ? QByteArray("Bearer hf_secret") : QByteArray());
      QCOMPARE(request.headers.value("accept-encoding"), QByteArray("identity"));
    }
  }

  void resumesAfterADroppedConnection() {
    hub_->dropOnce(kRepo, kUnet, 100'000);
    QStringList statuses;
    QCOMPARE(download(config(), DownloadRequest(kRepo), &statuses).status, DownloadOutcome::Status::Done);
    const auto fetches = hub_->requestsFor(QStringLiteral("cdn"), hub_->etag(kRepo, kUnet));
    QCOMPARE(fetches.size(), 2);
    QVERIFY(!fetches[0].headers.contains("range"));
    QCOMPARE(fetches[1].headers.value("range"), QByteArray("bytes=100000-"));
    QVERIFY(statuses.join('\n').contains(QLatin1String("closed the connection")));
    verifyIntact(kUnet);
  }

  void resumesWhatAnEarlierRunLeft() {
    const QByteArray unet = hub_->content(kRepo, kUnet);
    const HubCacheRepo repo = cachedRepo();
    repo.createBlobFolder();
    QFile part(repo.incompletePath(hub_->etag(kRepo, kUnet)));
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(unet.left(4096));
    part.close();
    ModelDownload download(config(), DownloadRequest(kRepo));
    quicken(download);
    QSignalSpy progress(&download, &ModelDownload::progressChanged);
    QCOMPARE(QCoro::waitFor(download.run()).status, DownloadOutcome::Status::Done);
    const auto fetches = hub_->requestsFor(QStringLiteral("cdn"), hub_->etag(kRepo, kUnet));
    QCOMPARE(fetches.size(), 1);
    QCOMPARE(fetches[0].headers.value("range"), QByteArray("bytes=4096-"));
    verifyIntact(kUnet);
    // The totals cover every picked file; the last report is all of it.
    const auto last = progress.last().first().value<DownloadProgress>();
    QCOMPARE(last.fileCount, 12);
    QCOMPARE(last.fileNumber, 12);
    QCOMPARE(last.file, QStringLiteral("model_index.json"));
    QCOMPARE(last.bytes, last.totalSize);
    QVERIFY(last.totalSize > unet.size());
  }

  void fetchesADamagedFileAgain() {
    hub_->corruptOnce(kRepo, kVae);
    QStringList statuses;
    QCOMPARE(download(config(), DownloadRequest(kRepo), &statuses).status, DownloadOutcome::Status::Done);
    const auto fetches = hub_->requestsFor(QStringLiteral("cdn"), hub_->etag(kRepo, kVae));
    QCOMPARE(fetches.size(), 2);
    QVERIFY(!fetches[1].headers.contains("range"));  // the damaged copy was thrown away
    QVERIFY(statuses.join('\n').contains(QLatin1String("damaged")));
    verifyIntact(kVae);
  }

  void retriesAStalledTransfer() {
    hub_->stallOnce(kRepo, kTextEncoder, 50'000);
    QCOMPARE(download().status, DownloadOutcome::Status::Done);
    const auto fetches = hub_->requestsFor(QStringLiteral("cdn"), hub_->etag(kRepo, kTextEncoder));
    QCOMPARE(fetches.size(), 2);
    QCOMPARE(fetches[1].headers.value("range"), QByteArray("bytes=50000-"));
    verifyIntact(kTextEncoder);
  }

  void retriesServerErrorsWithBackOff() {
    hub_->failNext(2, 503);
    QStringList statuses;
    QCOMPARE(download(config(), DownloadRequest(kRepo), &statuses).status, DownloadOutcome::Status::Done);
    const QString log = statuses.join('\n');
    QVERIFY2(log.contains(QLatin1String("HTTP 503")), qPrintable(log));
    QVERIFY2(log.contains(QLatin1String("Trying again in 0.0 s (2 of 4)")), qPrintable(log));
    QVERIFY2(log.contains(QLatin1String("Trying again in 0.0 s (3 of 4)")), qPrintable(log));
  }

  void givesUpAfterTheLastAttempt() {
    hub_->failNext(100, 503);
    const DownloadOutcome outcome = download();
    QCOMPARE(outcome.status, DownloadOutcome::Status::Failed);
    QVERIFY2(outcome.message.contains(QLatin1String("HTTP 503")), qPrintable(outcome.message));
    QCOMPARE(hub_->requests().size(), 4);
  }

  void gatedRepoWithoutTokenSaysWhatToDo() {
    hub_->setGated(kRepo, QStringLiteral("hf_secret"));
    const DownloadOutcome outcome = download();
    QCOMPARE(outcome.status, DownloadOutcome::Status::Failed);
    QVERIFY2(outcome.message.contains(QLatin1String("Accept its licence on ") + hub_->endpoint().toString() +
                                      QLatin1Char('/') + kRepo),
             qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(QLatin1String("HF_TOKEN")), qPrintable(outcome.message));
    QCOMPARE(hub_->requests().size(), 1);  // not retried
  }

  void gatedRepoWithAnotherTokenSaysItHasNoAccess() {
    hub_->setGated(kRepo, QStringLiteral("hf_secret"));
    const DownloadOutcome outcome = download(config(QStringLiteral("hf_other")), DownloadRequest(kRepo));
    QCOMPARE(outcome.status, DownloadOutcome::Status::Failed);
    QVERIFY2(outcome.message.contains(QLatin1String("The token from HF_TOKEN has no access to ") + kRepo),
             qPrintable(outcome.message));
  }

  void missingRepoIsNamed() {
    DownloadOutcome outcome = download(QStringLiteral("nota-ai/no-such-model"));
    QCOMPARE(outcome.status, DownloadOutcome::Status::Failed);
    QVERIFY2(outcome.message.startsWith(QLatin1String("There is no model nota-ai/no-such-model on 127.0.0.1")),
             qPrintable(outcome.message));
    // With a token the Hub says 404; the message is the same.
    outcome = download(config(QStringLiteral("hf_secret")), DownloadRequest(QStringLiteral("nota-ai/no-such-model")));
    QVERIFY2(outcome.message.startsWith(QLatin1String("There is no model nota-ai/no-such-model")),
             qPrintable(outcome.message));
    outcome = download(config(), DownloadRequest(kRepo, QStringLiteral("v9")));
    QVERIFY2(outcome.message.contains(QLatin1String("has no such revision")), qPrintable(outcome.message));
  }

  void repoWithoutSafetensorsIsRefused() {
    const QString repoId = QStringLiteral("someone/pickles");
    hub_->addFile(repoId, QStringLiteral("model_index.json"), "{}");
    hub_->addFile(repoId, QStringLiteral("unet/diffusion_pytorch_model.bin"), "x");
    const DownloadOutcome outcome = download(repoId);
    QCOMPARE(outcome.status, DownloadOutcome::Status::Failed);
    QVERIFY2(outcome.message.contains(QLatin1String("no .safetensors weights for text_encoder")),
             qPrintable(outcome.message));
    QCOMPARE(hub_->requests().size(), 1);  // refused from the file list alone
  }

  void offlineTouchesNoNetwork() {
    HubConfig offline = config();
    offline.offline = true;
    const DownloadOutcome outcome = download(offline, DownloadRequest(kRepo));
    QCOMPARE(outcome.status, DownloadOutcome::Status::Failed);
    QVERIFY2(outcome.message.contains(QLatin1String("HF_HUB_OFFLINE")), qPrintable(outcome.message));
    QVERIFY(hub_->requests().isEmpty());
  }

  void cancelKeepsWhatArrivedForTheNextRun() {
    hub_->stallOnce(kRepo, kUnet, 30'000);
    {
      ModelDownload download(config(), DownloadRequest(kRepo));
      quicken(download);
      download.setStallTimeout(std::chrono::seconds(60));
      connect(&download, &ModelDownload::progressChanged, this, [&download](const DownloadProgress& progress) {
        if (progress.file == kUnet && progress.fileBytes >= 30'000) download.cancel();
      });
      const DownloadOutcome outcome = QCoro::waitFor(download.run());
      QCOMPARE(outcome.status, DownloadOutcome::Status::Cancelled);
      QVERIFY(outcome.message.contains(QLatin1String("resumes")));
    }
    QCOMPARE(QFileInfo(cachedRepo().incompletePath(hub_->etag(kRepo, kUnet))).size(), 30'000);
    QVERIFY(!QFileInfo::exists(cache_->path() + QStringLiteral("/models--nota-ai--bk-sdm-v2-tiny/refs/main")));
    QCOMPARE(download().status, DownloadOutcome::Status::Done);
    const auto fetches = hub_->requestsFor(QStringLiteral("cdn"), hub_->etag(kRepo, kUnet));
    QCOMPARE(fetches.last().headers.value("range"), QByteArray("bytes=30000-"));
    verifyIntact(kUnet);
  }

  void cancelDuringBackOffStopsAtOnce() {
    hub_->failNext(100, 503);
    ModelDownload download(config(), DownloadRequest(kRepo));
    download.setRetryPolicy({5, std::chrono::seconds(60), std::chrono::seconds(60)});
    connect(&download, &ModelDownload::statusChanged, &download, [&download](const QString& text) {
      if (text.contains(QLatin1String("Trying again"))) download.cancel();
    });
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(QCoro::waitFor(download.run()).status, DownloadOutcome::Status::Cancelled);
    QVERIFY(clock.elapsed() < 10'000);
  }

  void aCachedModelFetchesNothingAgain() {
    QCOMPARE(download().status, DownloadOutcome::Status::Done);
    const qsizetype before = hub_->requests().size();
    QCOMPARE(download().status, DownloadOutcome::Status::Done);
    for (const FakeHub::Request& request : hub_->requests().mid(before)) {
      QCOMPARE(request.server, QStringLiteral("hub"));
      QVERIFY(request.method != "GET" || request.path.startsWith(QLatin1String("/api/")));
    }
  }

  void fp16VariantWhereTheRepoHasIt() {
    QCOMPARE(download(config(), DownloadRequest(kRepo, QStringLiteral("main"), QStringLiteral("fp16"))).status,
             DownloadOutcome::Status::Done);
    const QString snapshot = cachedRepo().snapshotPath(hub_->commit(kRepo));
    QCOMPARE(fileContent(snapshot + QStringLiteral("/unet/diffusion_pytorch_model.fp16.safetensors")),
             QByteArray("half"));
    QVERIFY(!QFileInfo::exists(snapshot + '/' + kUnet));
    QVERIFY(QFileInfo::exists(snapshot + '/' + kVae));  // no fp16 VAE in the repo: the plain one
  }

  void followsARenamedRepo() {
    hub_->addRename(QStringLiteral("nota-ai/old-name"), kRepo);
    QNetworkAccessManager network;
    HubClient client(&network, config());
    const FileMetadata file =
        QCoro::waitFor(client.fileMetadata(QStringLiteral("nota-ai/old-name"), QStringLiteral("main"), kUnet));
    QCOMPARE(paths(hub_->requests()),
             QStringList({QStringLiteral("/nota-ai/old-name/resolve/main/") + kUnet,
                          QStringLiteral("/") + kRepo + QStringLiteral("/resolve/main/") + kUnet}));
    QCOMPARE(file.etag, hub_->etag(kRepo, kUnet));
    QCOMPARE(file.commit, hub_->commit(kRepo));
    QCOMPARE(file.size, hub_->content(kRepo, kUnet).size());
    QVERIFY(file.location.port() != hub_->endpoint().port());  // the CDN, not followed yet
    QVERIFY(file.location.path().endsWith(hub_->etag(kRepo, kUnet)));
  }

  void aRedirectLoopEnds() {
    hub_->addRename(QStringLiteral("nota-ai/a"), QStringLiteral("nota-ai/a"));
    QNetworkAccessManager network;
    HubClient client(&network, config());
    const std::optional<HubError> error =
        QCoro::waitFor(errorOf(client.fileMetadata(QStringLiteral("nota-ai/a"), QStringLiteral("main"), kUnet)));
    QVERIFY(error.has_value());
    QCOMPARE(error->kind(), HubError::Kind::Protocol);
    QVERIFY2(error->message().contains(QLatin1String("redirect loop")), qPrintable(error->message()));
    QCOMPARE(hub_->requests().size(), 5);
  }
};

QTEST_GUILESS_MAIN(TestHubDownload)
#include "test_hub_download.moc"
