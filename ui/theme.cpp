#include "ui/theme.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace bksdm {
namespace {

QPalette darkPalette() {
  QPalette p;
  const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6), accent(0x6d, 0x5d, 0xfc);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, window);
  p.setColor(QPalette::ToolTipBase, base);
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8d, 0x93));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, window);
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, Qt::red);
  p.setColor(QPalette::Link, accent.lighter(130));
  p.setColor(QPalette::Highlight, accent);
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Light, window.lighter(150));
  p.setColor(QPalette::Midlight, window.lighter(125));
  p.setColor(QPalette::Mid, window.darker(120));
  p.setColor(QPalette::Dark, window.darker(160));
  p.setColor(QPalette::Shadow, Qt::black);
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
    p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7d, 0x83));
  return p;
}

constexpr qreal kDisabledOpacity = 0.35;

class FadingIconEngine : public QIconEngine {
 public:
  explicit FadingIconEngine(QIcon icon) : icon_(std::move(icon)) {}

  QIconEngine* clone() const override { return new FadingIconEngine(icon_); }

  QSize actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
    return icon_.actualSize(size, mode, state);
  }

  QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
    return scaledPixmap(size, mode, state, 1.0);
  }

  QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override {
    const QPixmap normal = icon_.pixmap(size, scale, mode == QIcon::Disabled ? QIcon::Normal : mode, state);
    if (mode != QIcon::Disabled || normal.isNull()) return normal;
    QPixmap faded(normal.size());
    faded.setDevicePixelRatio(normal.devicePixelRatio());
    faded.fill(Qt::transparent);
    QPainter painter(&faded);
    painter.setOpacity(kDisabledOpacity);
    painter.drawPixmap(0, 0, normal);
    return faded;
  }

  void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override {
    const qreal scale = painter->device()->devicePixelRatio();
    painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, scale));
  }

 private:
  QIcon icon_;
};

}  // namespace

QIcon appIcon(const QString& name) {
  return QIcon(new FadingIconEngine(QIcon(QStringLiteral(":/icons/%1.svg").arg(name))));
}

void applyTheme(QApplication& app, const QString& theme) {
  QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
  app.setStyle(fusion);
  if (theme == QLatin1String("dark"))
    app.setPalette(darkPalette());
  else if (theme == QLatin1String("light"))
    app.setPalette(fusion->standardPalette());
  else
    app.setPalette(QPalette());  // back to the platform's
}

bool isDark(const QPalette& palette) { return palette.color(QPalette::Window).lightness() < 128; }

QColor warningBackground(const QPalette& palette) {
  return isDark(palette) ? QColor(0x7a, 0x2a, 0x2a) : QColor(0xff, 0xd6, 0xd6);
}

}  // namespace bksdm
