// bksdm-studio's command line, run as a user runs it: --help and --version answer without a display
// (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM), a bad --scheduler is refused by name, and a start
// without a display says what is missing instead of aborting.
#include <QProcess>
#include <QtTest>

namespace {

struct Run {
  int exitCode = -1;
  QProcess::ExitStatus status = QProcess::CrashExit;
  QString out;
  QString err;
};

Run runWithoutDisplay(const QStringList& arguments) {
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) environment.remove(QString::fromLatin1(name));
  QProcess process;
  process.setProcessEnvironment(environment);
  process.start(QStringLiteral(BKSDM_STUDIO_BINARY), arguments);
  Run run;
  if (!process.waitForFinished(60000)) {
    process.kill();
    process.waitForFinished();
    return run;
  }
  run.exitCode = process.exitCode();
  run.status = process.exitStatus();
  run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
  run.err = QString::fromLocal8Bit(process.readAllStandardError());
  return run;
}

}  // namespace

class StartupCommandLineTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void helpAnswersWithoutADisplay() {
    const Run run = runWithoutDisplay({QStringLiteral("--help")});
    QCOMPARE(run.status, QProcess::NormalExit);  // no SIGABRT
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("Usage:") && run.out.contains("--scheduler"), qPrintable(run.out + run.err));
  }

  void versionAnswersWithoutADisplay() {
    const Run run = runWithoutDisplay({QStringLiteral("--version")});
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral(BKSDM_VERSION)), qPrintable(run.out + run.err));
  }

  void anUnknownSchedulerIsRefusedByName() {
    const Run run = runWithoutDisplay({QStringLiteral("--scheduler"), QStringLiteral("foo")});
    QCOMPARE(run.status, QProcess::NormalExit);
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains("--scheduler") && run.err.contains("\"foo\"") && run.err.contains("euler_a"), qPrintable(run.err));
  }

  void aStartWithoutADisplaySaysSo() {
    const Run run = runWithoutDisplay({});
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("no display"), qPrintable(run.err));
  }
};

QTEST_GUILESS_MAIN(StartupCommandLineTest)
#include "test_startup_command_line.moc"
