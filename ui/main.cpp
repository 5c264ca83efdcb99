#include <QApplication>

#include "app/app_settings.h"
#include "ui/i18n/translations.h"
#include "ui/main_window.h"
#include "ui/startup_options.h"
#include "ui/theme.h"

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("bksdm"));
  QApplication::setApplicationName(QStringLiteral("bksdm-studio"));
  QApplication::setApplicationDisplayName(QStringLiteral("BK-SDM Studio"));
  QApplication::setApplicationVersion(QStringLiteral(BKSDM_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("bksdm-studio"));

  // Before any widget or message exists: translations are not re-applied to live widgets.
  bksdm::installTranslations(app, bksdm::chosenLanguage());

  const bksdm::StartupOptions options = bksdm::parseStartupOptions(QApplication::arguments());
  bksdm::applyTheme(app, bksdm::AppSettings().theme());

  bksdm::MainWindow window;
  window.show();
  bksdm::noteMissingFontOnce(&window, bksdm::chosenLanguage());
  window.start(options);
  return QApplication::exec();
}
