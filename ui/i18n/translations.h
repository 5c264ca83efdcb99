#pragma once
#include <QString>

class QApplication;
class QWidget;

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

// An English note that no installed font covers the script of `language` (as above; empty for the
// system's), or empty when one does or the script is not one the app is translated into. Needs a
// QGuiApplication.
QString missingFontNote(const QString& language);

// Shows missingFontNote in a dialog the first time it applies to a language, and never again for
// that language.
void noteMissingFontOnce(QWidget* parent, const QString& language);

}  // namespace bksdm
