#pragma once
#include <QString>

class QApplication;

namespace bksdm {

// The language chosen in the preferences (QSettings "ui/language"): "en", "ko" or "de", or empty to
// follow the system. It takes effect at the next start, as installTranslations runs before any
// widget exists.
QString chosenLanguage();
void setChosenLanguage(const QString& language);

// Installs Qt's own translations (qtbase: standard buttons, context menus, file dialogs) and the
// app's for `language`, a locale name such as "ko" or "de_AT"; empty means the system's languages.
// English, the source language, installs nothing. Returns whether the app's translation was found.
bool installTranslations(QApplication& app, const QString& language);

}  // namespace bksdm
