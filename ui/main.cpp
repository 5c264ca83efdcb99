#include <cstdio>

#include <QApplication>

#include "app/app_settings.h"
#include "ui/i18n/translations.h"
#include "ui/main_window.h"
#include "ui/startup_options.h"
#include "ui/theme.h"

namespace {

bool choosesPlatform(int argc, char* argv[]) {
  for (int i = 1; i < argc; ++i)
    if (qstrcmp(argv[i], "-platform") == 0 || qstrcmp(argv[i], "--platform") == 0) return true;
  return qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

bool hasDisplay(int argc, char* argv[]) {
  return choosesPlatform(argc, argv) || qEnvironmentVariableIsSet("DISPLAY") ||
         qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

}  // namespace

int main(int argc, char* argv[]) {
  // Without a display QApplication aborts before the command line is read: there the app starts
  // offscreen, so that --help, --version and bad options still answer, and then says what is missing.
  const bool display = hasDisplay(argc, argv);
  if (!display) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("bksdm"));
  QApplication::setApplicationName(QStringLiteral("bksdm-studio"));
  QApplication::setApplicationDisplayName(QStringLiteral("BK-SDM Studio"));
  QApplication::setApplicationVersion(QStringLiteral(BKSDM_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("bksdm-studio"));

  // Before any widget or message exists: translations are not re-applied to live widgets.
  bksdm::installTranslations(app, bksdm::chosenLanguage());

  const bksdm::StartupOptions options = bksdm::parseStartupOptions(QApplication::arguments());
  if (!display) {
    std::fprintf(stderr, "%s\n",
                 qPrintable(QCoreApplication::translate(
                     "main", "bksdm-studio: no display to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
                             "set); set one, or QT_QPA_PLATFORM=offscreen to run without showing it.")));
    return 1;
  }
  bksdm::applyTheme(app, bksdm::AppSettings().theme());

  bksdm::MainWindow window;
  window.show();
  bksdm::noteMissingFontOnce(&window, bksdm::chosenLanguage());
  window.start(options);
  return QApplication::exec();
}
