#pragma once
#include <QAbstractScrollArea>
#include <QImage>
#include <QPoint>
#include <QString>

#include <optional>

namespace bksdm {

// Shows one image large: scaled to fit, at 100%, or at a zoom factor, smoothly scaled and
// scrollable; Ctrl+wheel zooms. Previews and results pass through the same view.
class ImageView : public QAbstractScrollArea {
  Q_OBJECT

 public:
  explicit ImageView(QWidget* parent = nullptr);

  void setImage(const QImage& image);
  const QImage& image() const { return image_; }
  void setPlaceholder(const QString& text);

  bool isFitting() const { return fit_; }
  double scale() const;  // the effective scale, also when fitting

 public Q_SLOTS:
  void fitToWindow();
  void showActualSize();
  void zoomIn();
  void zoomOut();

 Q_SIGNALS:
  void scaleChanged(double scale, bool fitting);
  // The mouse was pressed on the image and moved far enough to start a drag.
  void dragRequested();
  // The image pixel under the pointer, as it moves; (-1, -1) once it is off the image.
  void hoveredPixelChanged(const QPoint& pixel);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  void setZoom(double zoom);
  void updateScrollBars();
  QRectF imageRect() const;
  void reportHoveredPixel(const QPointF& position);

  QImage image_;
  QString placeholder_;
  bool fit_ = true;
  double zoom_ = 1.0;
  std::optional<QPoint> pressedAt_;  // where a drag may start
  QPoint hoveredPixel_{-1, -1};
};

}  // namespace bksdm
