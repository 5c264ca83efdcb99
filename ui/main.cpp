#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "app/app_settings.h"
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

  // Translations, where a build ships them under :/i18n (bksdm_<locale>.qm).
  QTranslator translator;
  if (translator.load(QLocale(), QStringLiteral("bksdm"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    QApplication::installTranslator(&translator);

  const bksdm::StartupOptions options = bksdm::parseStartupOptions(QApplication::arguments());
  bksdm::applyTheme(app, bksdm::AppSettings().theme());

  bksdm::MainWindow window;
  window.show();
  window.start(options);
  return QApplication::exec();
}
