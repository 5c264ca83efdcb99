#pragma once
#include <QColor>
#include <QString>

class QApplication;
class QPalette;

namespace bksdm {

// "system" keeps the platform's palette (so a dark desktop gives a dark app, and a change of the
// desktop's scheme reaches the app); "light" and "dark" force Fusion palettes.
void applyTheme(QApplication& app, const QString& theme);

bool isDark(const QPalette& palette);
// A background that marks text as problematic, readable on the palette's base colour.
QColor warningBackground(const QPalette& palette);

}  // namespace bksdm
