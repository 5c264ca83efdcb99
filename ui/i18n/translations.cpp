#include "ui/i18n/translations.h"

#include <QApplication>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

namespace bksdm {
namespace {

const QString kLanguageKey = QStringLiteral("ui/language");
// The language whose missing font was last noted, so that the note comes once, not at every start.
const QString kFontNotedKey = QStringLiteral("ui/missingFontNoted");

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

QLocale localeOf(const QString& language) { return language.isEmpty() ? QLocale::system() : QLocale(language); }

// The writing system of each script the app is translated into; QLocale and QFontDatabase name
// them differently and Qt maps neither to the other.
QFontDatabase::WritingSystem writingSystemOf(QLocale::Script script) {
  switch (script) {
    case QLocale::KoreanScript:
    case QLocale::HangulScript:
      return QFontDatabase::Korean;
    case QLocale::LatinScript:
      return QFontDatabase::Latin;
    default:
      return QFontDatabase::Any;
  }
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
  const QLocale locale = localeOf(language);
  // English is the source. QTranslator would go on down the list of languages (LANGUAGE=en:de) and
  // put German into a UI that asked for English first.
  if (QLocale(locale.uiLanguages().value(0)).language() == QLocale::English) return false;
  installTranslator(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
  return installTranslator(app, locale, QStringLiteral("bksdm-studio"), QStringLiteral(":/i18n"));
}

QString missingFontNote(const QString& language) {
  const QLocale locale = localeOf(language);
  const QFontDatabase::WritingSystem system = writingSystemOf(locale.script());
  if (system == QFontDatabase::Any || !QFontDatabase::families(system).isEmpty()) return {};
  // Not translated: without a font for its script, the translation would be unreadable too.
  return QStringLiteral(
             "No installed font can show %1 text, so the interface will show empty boxes in place of its "
             "letters. Install a font for it (on Debian: sudo apt install fonts-noto-cjk), then restart "
             "BK-SDM Studio.")
      .arg(QLocale::languageToString(locale.language()));
}

void noteMissingFontOnce(QWidget* parent, const QString& language) {
  const QString note = missingFontNote(language);
  if (note.isEmpty()) return;
  QSettings settings;
  const QString key = localeOf(language).name();
  if (settings.value(kFontNotedKey).toString() == key) return;
  settings.setValue(kFontNotedKey, key);
  QMessageBox::warning(parent, QStringLiteral("BK-SDM Studio"), note);
}

}  // namespace bksdm
