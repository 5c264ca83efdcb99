// What the app remembers: settings written by one session are read by the next, in a temporary
// QSettings location.
#include <QDoubleSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QSpinBox>
#include <QSplitter>
#include <QTemporaryDir>
#include <QtTest>

#include "app/app_settings.h"
#include "ui/main_window.h"
#include "ui/parameters_panel.h"
#include "ui/prompt_editor.h"
#include "ui/prompt_highlighter.h"
#include "ui/seed_field.h"
#include "tests/app/offscreen_screen.h"
#include "tests/app/temporary_settings.h"

using namespace bksdm;

class SettingsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    testing::keepSettingsIn(dir_.path(), QStringLiteral("settings-test"));
  }

  void appSettingsRoundTrip() {
    GenerationParams params;
    params.prompt = QStringLiteral("a castle\non a hill");
    params.negativePrompt = QStringLiteral("fog");
    params.scheduler = QStringLiteral("dpmpp_2m_karras");
    params.steps = 31;
    params.guidanceScale = 6.5;
    params.width = 512;
    params.height = 768;
    params.seed = 18446744073709551000ull;
    params.numImages = 3;
    params.promptSyntax = QStringLiteral("plain");
    params.clipSkip = 2;
    {
      AppSettings settings;
      settings.setLastModel(QStringLiteral("nota-ai/bk-sdm-v2-tiny"));
      settings.setModelFolders({QStringLiteral("/models/a"), QStringLiteral("/models/b")});
      settings.setParams(params);
      settings.setSeedLocked(true);
      settings.setTiledDecode(true);
      settings.setPreview({PreviewMode::Full, 5});
      settings.setEngine({QStringLiteral("cuda"), 3, true, QStringLiteral("bf16")});
      settings.setTheme(QStringLiteral("dark"));
      settings.setSplitterState(QStringLiteral("main"), QByteArray("state"));
    }
    const AppSettings settings;
    QCOMPARE(settings.lastModel(), QString("nota-ai/bk-sdm-v2-tiny"));
    QCOMPARE(settings.modelFolders(), (QStringList{"/models/a", "/models/b"}));
    const GenerationParams read = settings.params();
    QCOMPARE(read.prompt, params.prompt);
    QCOMPARE(read.negativePrompt, params.negativePrompt);
    QCOMPARE(read.scheduler, params.scheduler);
    QCOMPARE(read.steps, params.steps);
    QCOMPARE(read.guidanceScale, params.guidanceScale);
    QCOMPARE(read.width, params.width);
    QCOMPARE(read.height, params.height);
    QCOMPARE(read.seed, params.seed);
    QCOMPARE(read.numImages, params.numImages);
    QCOMPARE(read.promptSyntax, params.promptSyntax);
    QCOMPARE(read.clipSkip, params.clipSkip);
    QVERIFY(settings.seedLocked());
    QVERIFY(settings.tiledDecode());
    QCOMPARE(settings.preview().mode, PreviewMode::Full);
    QCOMPARE(settings.preview().interval, 5);
    QCOMPARE(settings.engine().device, QString("cuda"));
    QCOMPARE(settings.engine().threads, 3);
    QVERIFY(settings.engine().lowMemory);
    QCOMPARE(settings.engine().precision, QString("bf16"));
    QCOMPARE(settings.theme(), QString("dark"));
    QCOMPARE(settings.splitterState(QStringLiteral("main")), QByteArray("state"));
  }

  void theWindowComesBackAsItWasLeft() {
    QList<int> splitterSizes;
    {
      MainWindow window;
      window.resize(1100, 700);
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      window.promptEditor()->setText(QStringLiteral("a lighthouse at dawn"));
      window.negativePromptEditor()->setText(QStringLiteral("people"));
      ParametersPanel* panel = window.parametersPanel();
      panel->stepsBox()->setValue(13);
      panel->guidanceBox()->setValue(5.5);
      panel->widthBox()->setValue(512);
      panel->heightBox()->setValue(768);
      panel->schedulerBox()->setCurrentIndex(panel->schedulerBox()->findData(QStringLiteral("euler_a")));
      panel->imagesBox()->setValue(2);
      panel->promptSyntaxBox()->setCurrentIndex(panel->promptSyntaxBox()->findData(QStringLiteral("plain")));
      panel->clipSkipBox()->setValue(2);
      panel->seedField()->setValue(4242);
      panel->seedField()->setLocked(true);
      window.mainSplitter()->setSizes({420, 680});
      splitterSizes = window.mainSplitter()->sizes();
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1100, 700));
    QCOMPARE(window.mainSplitter()->sizes(), splitterSizes);
    QCOMPARE(window.promptEditor()->text(), QString("a lighthouse at dawn"));
    QCOMPARE(window.negativePromptEditor()->text(), QString("people"));
    const GenerationParams params = window.parametersPanel()->params();
    QCOMPARE(params.steps, 13);
    QCOMPARE(params.guidanceScale, 5.5);
    QCOMPARE(params.width, 512);
    QCOMPARE(params.height, 768);
    QCOMPARE(params.scheduler, QString("euler_a"));
    QCOMPARE(params.numImages, 2);
    QCOMPARE(params.promptSyntax, QString("plain"));
    QCOMPARE(params.clipSkip, 2);
    QVERIFY(!window.promptEditor()->highlighter()->isActive());  // plain text is not highlighted
    QCOMPARE(params.seed, quint64(4242));
    QVERIFY(window.parametersPanel()->seedField()->isLocked());
  }

 private:
  QTemporaryDir dir_;
};

int main(int argc, char** argv) {
  // A desktop-sized screen: the window's saved size fits it, so it comes back as it was left.
  bksdm::testing::useOffscreenScreen(QSize(1920, 1200));
  QApplication app(argc, argv);
  SettingsTest test;
  return QTest::qExec(&test, argc, argv);
}
#include "test_settings.moc"
