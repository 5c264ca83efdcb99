// The engine's settings in the preferences: what each device offers, and what the dialog returns.
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/app/temporary_settings.h"
#include "ui/preferences_dialog.h"

using namespace bksdm;

class PreferencesTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { testing::keepSettingsIn(settingsFolder_.path(), QStringLiteral("preferences")); }

  void aGpuComputesInFp16UnlessAskedOtherwise() {
    QCOMPARE(EngineOptions().precision, QString("fp16"));
    QCOMPARE((EngineOptions{QStringLiteral("cuda"), 0, false, QStringLiteral("fp16")}.dtype()), QString("fp16"));
    QCOMPARE((EngineOptions{QStringLiteral("cpu"), 0, false, QStringLiteral("fp16")}.dtype()), QString("fp32"));
  }

  void precisionIsForTheGpuAndBf16ForCardsThatHaveIt() {
    PreferencesDialog dialog({}, {QStringLiteral("cpu"), 0, false, QStringLiteral("fp32")}, QStringLiteral("system"),
                             {QStringLiteral("cpu"), QStringLiteral("cuda")}, {QStringLiteral("Tesla T4"), 16, false});
    auto* device = dialog.findChild<QComboBox*>(QStringLiteral("device"));
    auto* precision = dialog.findChild<QComboBox*>(QStringLiteral("precision"));
    QVERIFY(device && precision);
    QVERIFY(!precision->isEnabled());
    QCOMPARE(precision->currentData().toString(), QString("fp32"));
    QVERIFY(device->itemText(1).contains(QStringLiteral("Tesla T4")));
    device->setCurrentIndex(device->findData(QStringLiteral("cuda")));
    QVERIFY(precision->isEnabled());
    const int bf16 = precision->findData(QStringLiteral("bf16"));
    QCOMPARE(precision->itemData(bf16, Qt::UserRole - 1).toInt(), 0);  // a T4 (7.5) has no bf16
    precision->setCurrentIndex(precision->findData(QStringLiteral("fp16")));
    QCOMPARE(dialog.engine(), (EngineOptions{QStringLiteral("cuda"), 0, false, QStringLiteral("fp16")}));
  }

  // bf16 on the CPU only where it has bf16 units (this machine's /proc/cpuinfo decides which half
  // of the test runs); it and the low-memory mode exclude each other.
  void aCpuWithBf16UnitsOffersIt() {
    EngineOptions cpu{QStringLiteral("cpu"), 0, false, QStringLiteral("fp16")};
    cpu.cpuBf16 = true;
    QCOMPARE(cpu.dtype(), QString("bf16"));
    PreferencesDialog dialog({}, {QStringLiteral("cpu"), 0, true, QStringLiteral("fp16")}, QStringLiteral("system"),
                             {QStringLiteral("cpu")}, {});
    auto* bf16 = dialog.findChild<QCheckBox*>(QStringLiteral("cpuBf16"));
    QVERIFY(bf16);
    QCOMPARE(bf16->isEnabled(), cpuComputesBf16());
    if (!cpuComputesBf16()) {
      QCOMPARE(dialog.engine().dtype(), QString("fp32"));
      return;
    }
    bf16->setChecked(true);
    QVERIFY(!dialog.engine().lowMemory);
    QCOMPARE(dialog.engine().dtype(), QString("bf16"));
  }

  void aCardWithBf16OffersIt() {
    PreferencesDialog dialog({}, {QStringLiteral("cuda"), 0, false, QStringLiteral("bf16")}, QStringLiteral("system"),
                             {QStringLiteral("cpu"), QStringLiteral("cuda")}, {QStringLiteral("NVIDIA H200"), 1, true});
    auto* precision = dialog.findChild<QComboBox*>(QStringLiteral("precision"));
    QVERIFY(precision->isEnabled());
    QVERIFY(!precision->itemData(precision->findData(QStringLiteral("bf16")), Qt::UserRole - 1).isValid());
    QCOMPARE(dialog.engine().precision, QString("bf16"));
  }

  // The VAE: the model's own, a VAE repo in the Hugging Face cache (an AutoencoderKL's config at its
  // top), or the folder chosen before; TAESD's repo (AutoencoderTiny) is no VAE to load.
  void aVaeFromTheCacheOrTheModelsOwn() {
    QTemporaryDir hub;
    const QString snapshot = addRepo(hub.path(), "stabilityai/sd-vae-ft-mse", R"({"_class_name": "AutoencoderKL"})");
    addRepo(hub.path(), "madebyollin/taesd", R"({"_class_name": "AutoencoderTiny"})");
    qputenv("HF_HUB_CACHE", hub.path().toLocal8Bit());
    EngineOptions engine;
    engine.vae = QStringLiteral("/somewhere/my-vae");
    PreferencesDialog dialog({}, engine, QStringLiteral("system"), {QStringLiteral("cpu")}, {});
    qunsetenv("HF_HUB_CACHE");
    QComboBox* vae = dialog.vaeBox();
    QCOMPARE(vae->count(), 3);
    QCOMPARE(vae->itemText(1), QStringLiteral("stabilityai/sd-vae-ft-mse"));
    QCOMPARE(dialog.engine().vae, QStringLiteral("/somewhere/my-vae"));
    vae->setCurrentIndex(1);
    QCOMPARE(QDir(dialog.engine().vae), QDir(snapshot));
    vae->setCurrentIndex(0);
    QCOMPARE(dialog.engine().vae, QString());
  }

 private:
  // A repo in the cache whose refs/main snapshot holds `config`; its snapshot folder.
  static QString addRepo(const QString& hub, const char* repoId, const char* config) {
    const QString repo = hub + QStringLiteral("/models--") + QString::fromLatin1(repoId).replace('/', QStringLiteral("--"));
    const QString snapshot = repo + QStringLiteral("/snapshots/0123abcd");
    QDir().mkpath(snapshot);
    QDir().mkpath(repo + QStringLiteral("/refs"));
    QFile ref(repo + QStringLiteral("/refs/main")), file(snapshot + QStringLiteral("/config.json"));
    if (ref.open(QIODevice::WriteOnly)) ref.write("0123abcd");
    if (file.open(QIODevice::WriteOnly)) file.write(config);
    return snapshot;
  }

  QTemporaryDir settingsFolder_;
};

QTEST_MAIN(PreferencesTest)
#include "test_preferences.moc"
