#pragma once
#include <QColor>
#include <QIcon>
#include <QString>

class QApplication;
class QPalette;

namespace bksdm {

// "system" keeps the platform's palette (so a dark desktop gives a dark app, and a change of the
// desktop's scheme reaches the app); "light" and "dark" force Fusion palettes.
void applyTheme(QApplication& app, const QString& theme);

bool isDark(const QPalette& palette);
// One of the app's icons (":/icons/NAME.svg"). Its disabled look is the icon faded, on every palette:
// the style's own disabled mode tints by the window colour, which leaves the grey icons looking
// enabled on the dark palette and unchanged on the light one.
QIcon appIcon(const QString& name);

// A background that marks text as problematic, readable on the palette's base colour.
QColor warningBackground(const QPalette& palette);

}  // namespace bksdm
