// The note that no font can show the chosen language's script: given exactly when fontconfig, asked
// on its own (fc-list), has no font for that language, and shown once per language.
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QTimer>
#include <QtTest>

#include "tests/app/temporary_settings.h"
#include "ui/i18n/translations.h"

using namespace bksdm;

namespace {

bool fontconfigHasFontFor(const QString& language) {
  QProcess fcList;
  fcList.start(QStringLiteral("fc-list"), {QStringLiteral(":lang=") + language, QStringLiteral("family")});
  if (!fcList.waitForFinished(30000) || fcList.exitCode() != 0) qFatal("fc-list did not run");
  return !fcList.readAllStandardOutput().trimmed().isEmpty();
}

// Counts the message boxes that open during `action`, closing each.
int messageBoxesDuring(const std::function<void()>& action) {
  int shown = 0;
  QTimer closer;
  QObject::connect(&closer, &QTimer::timeout, [&] {
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
      ++shown;
      box->accept();
    }
  });
  closer.start(20);
  action();
  return shown;
}

}  // namespace

class ScriptFontsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { testing::keepSettingsIn(settingsDir_.path(), QStringLiteral("script-fonts")); }

  void noteFollowsFontconfig_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("ko") << QStringLiteral("ko");
    QTest::newRow("de") << QStringLiteral("de");
  }
  void noteFollowsFontconfig() {
    QFETCH(QString, language);
    const QString note = missingFontNote(language);
    QCOMPARE(note.isEmpty(), fontconfigHasFontFor(language));
    if (!note.isEmpty()) QVERIFY2(note.contains(QLocale::languageToString(QLocale(language).language())), qPrintable(note));
  }

  void englishNeedsNoNote() { QVERIFY(missingFontNote(QStringLiteral("en")).isEmpty()); }

  void noteComesOncePerLanguage() {
    if (fontconfigHasFontFor(QStringLiteral("ko"))) QSKIP("this machine has a Korean font");
    QSettings().remove(QStringLiteral("ui/missingFontNoted"));
    QCOMPARE(messageBoxesDuring([] { noteMissingFontOnce(nullptr, QStringLiteral("ko")); }), 1);
    QCOMPARE(messageBoxesDuring([] { noteMissingFontOnce(nullptr, QStringLiteral("ko")); }), 0);
  }

 private:
  QTemporaryDir settingsDir_;
};

QTEST_MAIN(ScriptFontsTest)
#include "test_script_fonts.moc"
