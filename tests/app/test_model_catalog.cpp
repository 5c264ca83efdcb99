// Model discovery: display names, the Hugging Face cache scan and what a broken folder reports.
#include <filesystem>
#include <fstream>

#include <QTemporaryDir>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include "app/model_catalog.h"
#include "core/io/error.h"

namespace fs = std::filesystem;
using namespace bksdm;

namespace {

const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");

// A cache laid out as huggingface_hub does: refs/main names the snapshot, whose files link to blobs.
void addCachedRepo(const fs::path& cache, const std::string& folder, const std::string& commit, bool withIndex) {
  const fs::path repo = cache / folder;
  fs::create_directories(repo / "refs");
  fs::create_directories(repo / "snapshots" / commit);
  std::ofstream(repo / "refs" / "main") << commit;
  for (const auto& entry : fs::directory_iterator(kFixture.toStdString())) {
    if (!withIndex && entry.path().filename() == "model_index.json") continue;
    fs::create_symlink(entry.path(), repo / "snapshots" / commit / entry.path().filename());
  }
}

}  // namespace

class ModelCatalogTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void displayNames() {
    QCOMPARE(displayName("bk-sdm-v2-tiny"), QString("BK-SDM-v2-Tiny"));
    QCOMPARE(displayName("bk-sdm-small"), QString("BK-SDM-Small"));
    QCOMPARE(displayName("stable-diffusion-2-1-base"), QString("Stable-Diffusion-2-1-Base"));
    QCOMPARE(displayName("sd-v1-4-mini"), QString("SD-v1-4-Mini"));
  }

  void describesAFixtureFolder() {
    const ModelEntry entry = describeModel(kFixture);
    QCOMPARE(entry.name, QString("BK-SDM-v2-Tiny-Mini"));
    QCOMPARE(entry.family, QString("SD 2.x"));
    QCOMPARE(entry.layout, QString("BK-Tiny"));
    QVERIFY(entry.repoId.isEmpty());
    QVERIFY2(entry.problems.isEmpty(), qPrintable(entry.problems));
  }

  void aFolderWithoutAnIndexSaysSo() {
    QTemporaryDir dir;
    try {
      describeModel(dir.path());
      QFAIL("no error");
    } catch (const Error& error) {
      QVERIFY2(QString(error.what()).contains("model_index.json"), error.what());
    }
  }

  void scansTheHubCache() {
    QTemporaryDir cache;
    addCachedRepo(cache.path().toStdString(), "models--nota-ai--bk-sdm-v2-tiny", "0123abc", true);
    addCachedRepo(cache.path().toStdString(), "models--someone--not-a-pipeline", "4567def", false);
    fs::create_directories(cache.path().toStdString() + "/datasets--someone--data");
    qputenv("HF_HUB_CACHE", cache.path().toUtf8());
    const QList<ModelEntry> found = scanHubCache();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0].name, QString("BK-SDM-v2-Tiny"));
    QCOMPARE(found[0].location, QString("nota-ai/bk-sdm-v2-tiny"));
    QCOMPARE(found[0].repoId, QString("nota-ai/bk-sdm-v2-tiny"));
    QCOMPARE(found[0].family, QString("SD 2.x"));

    // With the user's folders, off the UI thread, sorted by name; a vanished folder keeps its place.
    const QList<ModelEntry> all = QCoro::waitFor(discoverModels({kFixture, cache.path() + "/gone"}));
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[0].name, QString("BK-SDM-v2-Tiny"));
    QCOMPARE(all[1].name, QString("BK-SDM-v2-Tiny-Mini"));
    QCOMPARE(all[2].name, QString("Gone"));
    QVERIFY(all[2].problems.contains("no such model folder"));
    qunsetenv("HF_HUB_CACHE");
  }
};

QTEST_GUILESS_MAIN(ModelCatalogTest)
#include "test_model_catalog.moc"
