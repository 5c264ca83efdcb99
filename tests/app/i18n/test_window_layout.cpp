// The main window in English, German and Korean, on a 1920×1200 screen (the offscreen platform,
// configured by main() below): no two menu titles share an accelerator (Alt+letter), nor two items
// of one menu, nor a label or button of the window with a menu title; in German and Korean at the
// window's default size no label or button is narrower than its text, and no wrapped text is cut
// off; and a saved geometry larger than the screen is brought onto it.
#include <qcoro/qcorotask.h>

#include <QAbstractButton>
#include <QAction>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "app/app_settings.h"
#include "app/gallery/gallery_settings.h"
#include "ui/main_window.h"
#include "ui/startup_options.h"
#include "tests/app/offscreen_screen.h"
#include "tests/app/temporary_settings.h"

using namespace bksdm;

namespace {

constexpr int kScreenWidth = 1920, kScreenHeight = 1200;

// The letter Alt+letter reaches ("&Generate": G); none when the text has no single '&'.
QChar accelerator(const QString& text) {
  for (int i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != QLatin1Char('&')) continue;
    if (text[i + 1] != QLatin1Char('&')) return text[i + 1].toUpper();
    ++i;  // "&&" is a literal ampersand
  }
  return {};
}

struct Scope {
  QString name;
  QStringList texts;
};

// One scope per menu (its items), found from the menu bar down.
void addMenuScopes(QMenu* menu, QList<Scope>& scopes) {
  Scope scope{menu->title(), {}};
  for (QAction* action : menu->actions()) {
    if (action->isSeparator()) continue;
    scope.texts << action->text();
    if (action->menu()) addMenuScopes(action->menu(), scopes);
  }
  scopes << scope;
}

// The menu bar's titles with every label and button of the window, then each menu.
QList<Scope> acceleratorScopes(MainWindow& window) {
  QList<Scope> scopes;
  Scope window_scope{QStringLiteral("menu bar and window"), {}};
  for (QAction* action : window.menuBar()->actions()) {
    window_scope.texts << action->text();
    if (action->menu()) addMenuScopes(action->menu(), scopes);
  }
  for (QWidget* widget : window.findChildren<QWidget*>()) {
    if (widget->window() != &window) continue;  // menus and dialogs have their own
    if (auto* label = qobject_cast<QLabel*>(widget); label && label->buddy()) window_scope.texts << label->text();
    if (auto* button = qobject_cast<QAbstractButton*>(widget)) window_scope.texts << button->text();
    if (auto* group = qobject_cast<QGroupBox*>(widget)) window_scope.texts << group->title();
  }
  scopes.prepend(window_scope);
  return scopes;
}

QStringList clashes(const Scope& scope) {
  QMap<QChar, QStringList> byKey;
  for (const QString& text : scope.texts)
    if (const QChar key = accelerator(text); !key.isNull()) byKey[key] << text;
  QStringList found;
  for (auto it = byKey.cbegin(); it != byKey.cend(); ++it)
    if (it.value().size() > 1) found << QStringLiteral("%1: Alt+%2 in %3").arg(scope.name, it.key(), it.value().join(QLatin1String(", ")));
  return found;
}

QString describe(const QWidget* widget, const QString& text) {
  return QStringLiteral("%1 \"%2\"").arg(QLatin1String(widget->metaObject()->className()), text);
}

// The labels and buttons on screen whose text does not fit: narrower than their size hint, or
// wrapped into less height than the text needs at their width.
QStringList clippedWidgets(MainWindow& window) {
  QStringList clipped;
  for (QWidget* widget : window.findChildren<QWidget*>()) {
    if (widget->window() != &window || !widget->isVisible()) continue;
    if (auto* label = qobject_cast<QLabel*>(widget); label && !label->text().isEmpty()) {
      if (label->wordWrap() && label->height() < label->heightForWidth(label->width()))
        clipped << describe(label, label->text()) + QStringLiteral(": %1 px high, needs %2").arg(label->height()).arg(label->heightForWidth(label->width()));
      else if (!label->wordWrap() && label->width() < label->minimumSizeHint().width())
        clipped << describe(label, label->text()) + QStringLiteral(": %1 px wide, needs %2").arg(label->width()).arg(label->minimumSizeHint().width());
    }
    if (auto* button = qobject_cast<QAbstractButton*>(widget); button && button->width() < button->sizeHint().width())
      clipped << describe(button, button->text().isEmpty() ? button->toolTip() : button->text()) +
                     QStringLiteral(": %1 px wide, needs %2").arg(button->width()).arg(button->sizeHint().width());
  }
  return clipped;
}

// Ours and Qt's (the key names of shortcuts) for `language`; nothing for English.
class Language {
 public:
  explicit Language(const QString& language) {
    if (language == QLatin1String("en")) return;
    if (!ours_.load(QStringLiteral(":/i18n/bksdm-studio_%1.qm").arg(language))) qFatal("no translation %s", qPrintable(language));
    if (qts_.load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
      QCoreApplication::installTranslator(&qts_);
    QCoreApplication::installTranslator(&ours_);
  }
  ~Language() {
    QCoreApplication::removeTranslator(&ours_);
    QCoreApplication::removeTranslator(&qts_);
  }

 private:
  QTranslator ours_, qts_;
};

}  // namespace

class WindowLayoutTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    testing::keepSettingsIn(settingsDir_.path(), QStringLiteral("window-layout-test"));
    // No model anywhere and no network: the first run of a new user, with the welcome panel.
    qputenv("HF_HUB_CACHE", hubCache_.path().toLocal8Bit());
    qputenv("HF_HUB_OFFLINE", "1");
    gallery::GallerySettings gallery;
    gallery.setFolders({galleryDir_.path()});
    gallery.setCurrentFolder(galleryDir_.path());
    QCOMPARE(QGuiApplication::primaryScreen()->geometry().size(), QSize(kScreenWidth, kScreenHeight));
  }

  void noAcceleratorIsTakenTwice_data() {
    QTest::addColumn<QString>("language");
    for (const char* language : {"en", "de", "ko"}) QTest::newRow(language) << QString::fromLatin1(language);
  }
  void noAcceleratorIsTakenTwice() {
    QFETCH(QString, language);
    const Language installed(language);
    MainWindow window;
    const QList<Scope> scopes = acceleratorScopes(window);
    QVERIFY(scopes.size() >= 6);  // the window, File, Edit, View, Live Preview, Generate, Help
    QVERIFY(scopes.first().texts.size() > 10);
    QStringList found;
    for (const Scope& scope : scopes) found += clashes(scope);
    QVERIFY2(found.isEmpty(), qPrintable(found.join('\n')));
  }

  void nothingIsClippedAtTheDefaultSize_data() {
    QTest::addColumn<QString>("language");
    for (const char* language : {"de", "ko"}) QTest::newRow(language) << QString::fromLatin1(language);
  }
  void nothingIsClippedAtTheDefaultSize() {
    QFETCH(QString, language);
    const Language installed(language);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoro::waitFor(window.start(StartupOptions{}));
    QVERIFY(window.showsWelcomePanel());
    QCOMPARE(window.size(), QSize(1280, 800));
    QTest::qWait(50);  // the layouts settle
    const QStringList clipped = clippedWidgets(window);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join('\n')));
  }

  // At 1024 px the window fits in every language, and the gallery's search box still shows its
  // placeholder.
  void theGallerySearchBoxFitsAt1024Pixels_data() {
    QTest::addColumn<QString>("language");
    for (const char* language : {"en", "de", "ko"}) QTest::newRow(language) << QString::fromLatin1(language);
  }
  void theGallerySearchBoxFitsAt1024Pixels() {
    QFETCH(QString, language);
    const Language installed(language);
    MainWindow window;
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.width(), 1024);  // the window's minimum is no wider
    window.galleryAction()->trigger();
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("search"));
    QVERIFY(search && search->isVisible());
    QTest::qWait(50);
    const int placeholder = search->fontMetrics().horizontalAdvance(search->placeholderText());
    QVERIFY2(search->width() > placeholder, qPrintable(QStringLiteral("%1 px for %2 px of text").arg(search->width()).arg(placeholder)));
  }

  void aSavedGeometryLargerThanTheScreenIsBroughtOntoIt() {
    {
      MainWindow window;
      window.setGeometry(QRect(-300, 200, kScreenWidth + 600, kScreenHeight + 400));
    }  // saves it
    MainWindow window;
    const QRect available = window.screen()->availableGeometry();
    QVERIFY2(available.contains(window.geometry()), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                                   .arg(window.x()).arg(window.y())
                                                                   .arg(window.width()).arg(window.height())));
  }

 private:
  QTemporaryDir settingsDir_;
  QTemporaryDir hubCache_;
  QTemporaryDir galleryDir_;
};

int main(int argc, char** argv) {
  testing::useOffscreenScreen(QSize(kScreenWidth, kScreenHeight));
  QApplication app(argc, argv);
  WindowLayoutTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_window_layout.moc"
