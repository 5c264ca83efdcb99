#include "ui/i18n/translations.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace bksdm {
namespace {

const QString kLanguageKey = QStringLiteral("ui/language");

// A translator owned by the application, installed when `locale` (or one of its fallbacks: "de"
// for "de_AT") has a file `name`_*.qm in `folder`.
bool installTranslator(QApplication& app, const QLocale& locale, const QString& name, const QString& folder) {
  auto* translator = new QTranslator(&app);
  if (!translator->load(locale, name, QStringLiteral("_"), folder)) {
    delete translator;
    return false;
  }
  return QApplication::installTranslator(translator);
}

}  // namespace

QString chosenLanguage() { return QSettings().value(kLanguageKey).toString(); }

void setChosenLanguage(const QString& language) {
  QSettings settings;
  if (language.isEmpty())
    settings.remove(kLanguageKey);
  else
    settings.setValue(kLanguageKey, language);
}

bool installTranslations(QApplication& app, const QString& language) {
  const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
  // English is the source. QTranslator would go on down the list of languages (LANGUAGE=en:de) and
  // put German into a UI that asked for English first.
  if (QLocale(locale.uiLanguages().value(0)).language() == QLocale::English) return false;
  installTranslator(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
  return installTranslator(app, locale, QStringLiteral("bksdm-studio"), QStringLiteral(":/i18n"));
}

}  // namespace bksdm
