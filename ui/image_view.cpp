#include "ui/image_view.h"

#include <algorithm>
#include <cmath>

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

namespace bksdm {
namespace {

constexpr double kZoomStep = 1.25;
constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 32.0;

}  // namespace

ImageView::ImageView(QWidget* parent) : QAbstractScrollArea(parent) {
  setFrameShape(QFrame::NoFrame);
  viewport()->setBackgroundRole(QPalette::Base);
  viewport()->setAutoFillBackground(true);
  setMinimumSize(160, 160);
  viewport()->setMouseTracking(true);  // hoveredPixelChanged without a button held
}

void ImageView::setImage(const QImage& image) {
  const bool sizeChanged = image.size() != image_.size();
  image_ = image;
  if (sizeChanged) updateScrollBars();
  viewport()->update();
}

void ImageView::setPlaceholder(const QString& text) {
  placeholder_ = text;
  viewport()->update();
}

double ImageView::scale() const {
  if (!fit_ || image_.isNull()) return zoom_;
  const QSize area = viewport()->size();
  return std::min(double(area.width()) / image_.width(), double(area.height()) / image_.height());
}

void ImageView::fitToWindow() {
  fit_ = true;
  updateScrollBars();
  viewport()->update();
  Q_EMIT scaleChanged(scale(), fit_);
}

void ImageView::showActualSize() { setZoom(1.0); }
void ImageView::zoomIn() { setZoom(scale() * kZoomStep); }
void ImageView::zoomOut() { setZoom(scale() / kZoomStep); }

void ImageView::setZoom(double zoom) {
  fit_ = false;
  zoom_ = std::clamp(zoom, kMinZoom, kMaxZoom);
  updateScrollBars();
  viewport()->update();
  Q_EMIT scaleChanged(zoom_, fit_);
}

void ImageView::updateScrollBars() {
  const QSizeF shown = image_.size() * scale();
  const QSize area = viewport()->size();
  const int extraX = fit_ ? 0 : std::max(0, int(std::ceil(shown.width())) - area.width());
  const int extraY = fit_ ? 0 : std::max(0, int(std::ceil(shown.height())) - area.height());
  horizontalScrollBar()->setRange(0, extraX);
  verticalScrollBar()->setRange(0, extraY);
  horizontalScrollBar()->setPageStep(area.width());
  verticalScrollBar()->setPageStep(area.height());
}

QRectF ImageView::imageRect() const {
  const QSizeF shown = image_.size() * scale();
  const QSize area = viewport()->size();
  // Centred when smaller than the view, else scrolled.
  const double x = shown.width() < area.width() ? (area.width() - shown.width()) / 2 : -horizontalScrollBar()->value();
  const double y = shown.height() < area.height() ? (area.height() - shown.height()) / 2 : -verticalScrollBar()->value();
  return QRectF(QPointF(x, y), shown);
}

void ImageView::paintEvent(QPaintEvent*) {
  QPainter painter(viewport());
  if (image_.isNull()) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect(), Qt::AlignCenter | Qt::TextWordWrap, placeholder_);
    return;
  }
  painter.setRenderHint(QPainter::SmoothPixmapTransform, scale() < 4.0);  // big zooms show pixels
  painter.drawImage(imageRect(), image_);
}

void ImageView::resizeEvent(QResizeEvent* event) {
  QAbstractScrollArea::resizeEvent(event);
  updateScrollBars();
  if (fit_) Q_EMIT scaleChanged(scale(), fit_);
}

void ImageView::wheelEvent(QWheelEvent* event) {
  if (!(event->modifiers() & Qt::ControlModifier) || image_.isNull()) {
    QAbstractScrollArea::wheelEvent(event);
    return;
  }
  event->angleDelta().y() > 0 ? zoomIn() : zoomOut();
  event->accept();
}

void ImageView::mousePressEvent(QMouseEvent* event) {
  const bool onImage = event->button() == Qt::LeftButton && imageRect().contains(event->position());
  pressedAt_ = onImage ? std::optional(event->position().toPoint()) : std::nullopt;
  QAbstractScrollArea::mousePressEvent(event);
}

void ImageView::mouseMoveEvent(QMouseEvent* event) {
  reportHoveredPixel(event->position());
  if (pressedAt_ && (event->buttons() & Qt::LeftButton) &&
      (event->position().toPoint() - *pressedAt_).manhattanLength() >= QApplication::startDragDistance()) {
    pressedAt_.reset();
    Q_EMIT dragRequested();
    return;
  }
  QAbstractScrollArea::mouseMoveEvent(event);
}

void ImageView::leaveEvent(QEvent* event) {
  reportHoveredPixel({-1, -1});
  QAbstractScrollArea::leaveEvent(event);
}

void ImageView::reportHoveredPixel(const QPointF& position) {
  const QRectF shown = imageRect();
  const QPointF inImage = (position - shown.topLeft()) / scale();
  // Truncated, not rounded: a pixel is hovered over its whole square.
  const QPoint pixel = image_.isNull() || !shown.contains(position)
                           ? QPoint(-1, -1)
                           : QPoint(std::min(int(inImage.x()), image_.width() - 1),
                                    std::min(int(inImage.y()), image_.height() - 1));
  if (pixel == hoveredPixel_) return;
  hoveredPixel_ = pixel;
  Q_EMIT hoveredPixelChanged(pixel);
}

}  // namespace bksdm
