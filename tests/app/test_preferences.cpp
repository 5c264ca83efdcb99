// The engine's settings in the preferences: what each device offers, and what the dialog returns.
#include <QComboBox>
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

  void aCardWithBf16OffersIt() {
    PreferencesDialog dialog({}, {QStringLiteral("cuda"), 0, false, QStringLiteral("bf16")}, QStringLiteral("system"),
                             {QStringLiteral("cpu"), QStringLiteral("cuda")}, {QStringLiteral("NVIDIA H200"), 1, true});
    auto* precision = dialog.findChild<QComboBox*>(QStringLiteral("precision"));
    QVERIFY(precision->isEnabled());
    QVERIFY(!precision->itemData(precision->findData(QStringLiteral("bf16")), Qt::UserRole - 1).isValid());
    QCOMPARE(dialog.engine().precision, QString("bf16"));
  }

 private:
  QTemporaryDir settingsFolder_;
};

QTEST_MAIN(PreferencesTest)
#include "test_preferences.moc"
