// The model manager dialog and the welcome panel, offscreen, downloading from FakeHub.
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "app/hub/hub_cache_repo.h"
#include "app/hub/known_models.h"
#include "tests/app/hub/fake_hub.h"
#include "ui/hub/download_progress_view.h"
#include "ui/hub/model_manager_dialog.h"
#include "ui/hub/welcome_panel.h"

using namespace bksdm;
using bksdm::test::FakeHub;

namespace {

const QString kDefaultRepo = QStringLiteral("nota-ai/bk-sdm-v2-tiny");
const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");
constexpr int kDownloadTimeoutMs = 30'000;

void addCachedModel(const QString& cacheDir, const QString& repoId) {
  const HubCacheRepo repo(cacheDir, repoId);
  const QString index = repo.pointerPath(QStringLiteral("c0ffee"), QStringLiteral("model_index.json"));
  QDir().mkpath(QFileInfo(index).path());
  QFile file(index);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write("{}");
  repo.writeRef(QStringLiteral("main"), QStringLiteral("c0ffee"));
}

QTreeWidgetItem* rowOf(QTreeWidget* list, const QString& repoId) {
  const auto found = list->findItems(repoId, Qt::MatchExactly, ModelManagerDialog::RepoColumn);
  return found.isEmpty() ? nullptr : found.front();
}

}  // namespace

class TestModelManager : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<FakeHub> hub_;
  std::unique_ptr<QTemporaryDir> cache_;

  HubConfig config() const {
    HubConfig config;
    config.endpoint = hub_->endpoint();
    config.cacheDir = cache_->path();
    return config;
  }

 private Q_SLOTS:
  void initTestCase() { QLocale::setDefault(QLocale::c()); }

  void init() {
    hub_ = std::make_unique<FakeHub>();
    hub_->addRepo(kDefaultRepo, kFixture);
    cache_ = std::make_unique<QTemporaryDir>();
  }

  void listsTheModelCardSystems() {
    ModelManagerDialog dialog(config());
    QTreeWidget* list = dialog.modelList();
    QCOMPARE(list->topLevelItemCount(), 13);  // 11 models and 2 VAEs
    for (const KnownModel& model : knownModels() + knownVaes()) {
      QTreeWidgetItem* row = rowOf(list, model.repoId);
      QVERIFY2(row, qPrintable(model.repoId));
      QCOMPARE(row->text(ModelManagerDialog::SizeColumn), formatBytes(model.downloadBytes()));
      QCOMPARE(row->text(ModelManagerDialog::AboutColumn), model.summaryText());
      QVERIFY(row->text(ModelManagerDialog::StatusColumn).isEmpty());
    }
    QTreeWidgetItem* tiny = rowOf(list, kDefaultRepo);
    QCOMPARE(tiny->text(ModelManagerDialog::NameColumn), QStringLiteral("BK-SDM-v2-Tiny (default)"));
    QCOMPARE(tiny->text(ModelManagerDialog::SizeColumn), QStringLiteral("3.0 GB"));
    QCOMPARE(tiny->toolTip(ModelManagerDialog::SizeColumn),
             QStringLiteral("text encoder 1.36 GB, U-Net 1.31 GB, VAE 335 MB"));
    QCOMPARE(dialog.selectedRepo(), kDefaultRepo);
    QVERIFY(dialog.downloadButton()->isEnabled());
    // SD's AutoencoderKL, 83,653,863 parameters in fp32.
    QCOMPARE(rowOf(list, QStringLiteral("stabilityai/sd-vae-ft-mse"))->toolTip(ModelManagerDialog::SizeColumn),
             QStringLiteral("VAE 335 MB"));
    QVERIFY(rowOf(list, QStringLiteral("madebyollin/taesd")));
  }

  void marksModelsAlreadyInTheCache() {
    addCachedModel(cache_->path(), QStringLiteral("nota-ai/bk-sdm-small"));
    addCachedModel(cache_->path(), QStringLiteral("someone/my-model"));
    ModelManagerDialog dialog(config());
    QTreeWidget* list = dialog.modelList();
    QCOMPARE(list->topLevelItemCount(), 14);
    QCOMPARE(rowOf(list, QStringLiteral("nota-ai/bk-sdm-small"))->text(ModelManagerDialog::StatusColumn),
             QStringLiteral("In the cache"));
    QTreeWidgetItem* mine = rowOf(list, QStringLiteral("someone/my-model"));
    QVERIFY(mine);
    QCOMPARE(mine->text(ModelManagerDialog::StatusColumn), QStringLiteral("In the cache"));
    QCOMPARE(mine->text(ModelManagerDialog::NameColumn), QStringLiteral("my-model"));
    QVERIFY(rowOf(list, kDefaultRepo)->text(ModelManagerDialog::StatusColumn).isEmpty());
  }

  void addsATypedRepo() {
    ModelManagerDialog dialog(config());
    auto* typed = dialog.findChild<QLineEdit*>();
    QTest::keyClicks(typed, QStringLiteral(" someone/new-model "));
    QTest::keyClick(typed, Qt::Key_Return);
    QCOMPARE(dialog.selectedRepo(), QStringLiteral("someone/new-model"));
    QCOMPARE(dialog.modelList()->topLevelItemCount(), 14);  // 11 models, 2 VAEs, the typed one
    QVERIFY(typed->text().isEmpty());
    QTest::keyClicks(typed, QStringLiteral("not a repo"));
    QTest::keyClick(typed, Qt::Key_Return);
    QCOMPARE(dialog.selectedRepo(), QStringLiteral("someone/new-model"));
    QCOMPARE(dialog.modelList()->topLevelItemCount(), 14);
    bool explained = false;
    for (const QLabel* label : dialog.findChildren<QLabel*>())
      explained |= label->text().contains(QLatin1String("is not a repo id"));
    QVERIFY(explained);
  }

  void offlineDownloadsNothing() {
    HubConfig offline = config();
    offline.offline = true;
    ModelManagerDialog dialog(offline);
    QVERIFY(!dialog.downloadButton()->isEnabled());
    bool said = false;
    for (const QLabel* label : dialog.findChildren<QLabel*>())
      said |= label->text().contains(QLatin1String("HF_HUB_OFFLINE")) && !label->isHidden();
    QVERIFY(said);
    dialog.downloadSelected();
    QVERIFY(!dialog.isDownloading());
    QVERIFY(hub_->requests().isEmpty());
  }

  void downloadsTheSelectedModel() {
    ModelManagerDialog dialog(config());
    QSignalSpy downloaded(&dialog, &ModelManagerDialog::modelDownloaded);
    QTest::mouseClick(dialog.downloadButton(), Qt::LeftButton);
    QVERIFY(dialog.isDownloading());
    QVERIFY(!dialog.downloadButton()->isEnabled());
    QVERIFY(downloaded.wait(kDownloadTimeoutMs));
    QCOMPARE(downloaded.first().first().toString(), kDefaultRepo);
    QVERIFY(!dialog.isDownloading());
    QCOMPARE(rowOf(dialog.modelList(), kDefaultRepo)->text(ModelManagerDialog::StatusColumn),
             QStringLiteral("In the cache"));
    QVERIFY2(dialog.progressView()->detailText().startsWith(QLatin1String("6 MB of 6 MB")),
             qPrintable(dialog.progressView()->detailText()));
    QCOMPARE(dialog.progressView()->statusText(), kDefaultRepo + QStringLiteral(" is in the cache."));
  }

  void aFailedDownloadSaysWhy() {
    ModelManagerDialog dialog(config());
    QVERIFY(dialog.selectRepo(QStringLiteral("someone/missing")));
    dialog.downloadSelected();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isDownloading(), kDownloadTimeoutMs);
    QVERIFY2(dialog.progressView()->statusText().startsWith(QLatin1String("There is no model someone/missing")),
             qPrintable(dialog.progressView()->statusText()));
    QVERIFY(dialog.downloadButton()->isEnabled());
  }

  void welcomePanelOffersTheDefaultModelAndAFolder() {
    WelcomePanel panel(config());
    QCOMPARE(panel.downloadButton()->text(), QStringLiteral("Download BK-SDM-v2-Tiny (3.0 GB)"));
    QSignalSpy addFolder(&panel, &WelcomePanel::addFolderRequested);
    QSignalSpy others(&panel, &WelcomePanel::otherModelsRequested);
    QTest::mouseClick(panel.addFolderButton(), Qt::LeftButton);
    QTest::mouseClick(panel.otherModelsButton(), Qt::LeftButton);
    QCOMPARE(addFolder.size(), 1);
    QCOMPARE(others.size(), 1);

    QSignalSpy downloaded(&panel, &WelcomePanel::modelDownloaded);
    QTest::mouseClick(panel.downloadButton(), Qt::LeftButton);
    QVERIFY(panel.isDownloading());
    QVERIFY(downloaded.wait(kDownloadTimeoutMs));
    QCOMPARE(downloaded.first().first().toString(), kDefaultRepo);
  }

  void welcomePanelCanTryAgain() {
    hub_ = std::make_unique<FakeHub>();  // without the model
    WelcomePanel panel(config());
    panel.downloadDefaultModel();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isDownloading(), kDownloadTimeoutMs);
    QCOMPARE(panel.downloadButton()->text(), QStringLiteral("Try again"));
    QVERIFY(panel.downloadButton()->isEnabled());
    bool said = false;
    for (const QLabel* label : panel.findChildren<QLabel*>())
      said |= label->text().startsWith(QLatin1String("There is no model ") + kDefaultRepo);
    QVERIFY(said);
  }

  void welcomePanelOffline() {
    HubConfig offline = config();
    offline.offline = true;
    WelcomePanel panel(offline);
    QVERIFY(!panel.downloadButton()->isEnabled());
    QVERIFY(panel.addFolderButton()->isEnabled());
  }
};

QTEST_MAIN(TestModelManager)
#include "test_model_manager.moc"
