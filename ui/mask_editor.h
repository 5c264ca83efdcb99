#pragma once
#include <QImage>
#include <QPointF>
#include <QRect>
#include <QWidget>

#include <optional>

class QSpinBox;
class QToolButton;
class QUndoStack;

namespace bksdm {

// An inpainting mask painted over its init image, as in AUTOMATIC1111 and InvokeAI: white is what the
// model repaints, black what it keeps. The brush is measured in image pixels, so a stroke covers the
// same part of the image whatever the widget's size; each stroke, invert and clear is one undo step.
class MaskEditor : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kMinBrushSize = 1;
  static constexpr int kMaxBrushSize = 512;

  explicit MaskEditor(QWidget* parent = nullptr);

  // Shows `image` with an empty (all black) mask and no undo history.
  void setImage(const QImage& image);
  const QImage& image() const { return image_; }
  // Takes a mask made elsewhere, in any format and size, scaled to the image; clears the history.
  void setMask(const QImage& mask);
  // Format_Grayscale8 of the image's size; null without an image.
  QImage mask() const { return mask_; }
  bool hasPaint() const;

  int brushSize() const { return brushSize_; }
  void setBrushSize(int pixels);
  double brushHardness() const { return hardness_; }
  void setBrushHardness(double hardness);
  bool isErasing() const { return erasing_; }
  void setErasing(bool erasing);

  QUndoStack* undoStack() const { return undoStack_; }

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 public Q_SLOTS:
  void invert();
  void clear();
  void undo();
  void redo();

 Q_SIGNALS:
  void maskChanged();
  void brushChanged();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  QRectF imageRect() const;
  QPointF toImage(QPointF widgetPoint) const;
  QRect toWidget(const QRect& imageArea) const;
  QRect brushOutline(QPointF widgetPoint) const;
  void moveHover(std::optional<QPointF> widgetPoint);
  void resetMask(const QImage& mask);

  void beginStroke(QPointF imagePoint);
  void continueStroke(QPointF imagePoint);
  void endStroke();
  void dab(QPointF centre);
  double dabSpacing() const;

  void replaceAll(const QImage& mask, const QString& text);
  void pushEdit(QPoint at, const QImage& before, const QImage& after, const QString& text);
  void writeMask(const QImage& patch, QPoint at);
  void refreshOverlay(const QRect& area);

  QImage image_;
  QImage mask_;
  QImage overlay_;  // the mask as translucent colour, kept in step with it area by area
  int brushSize_ = 32;
  double hardness_ = 0.8;
  bool erasing_ = false;
  QUndoStack* undoStack_;
  std::optional<QPointF> hover_;  // in widget coordinates, for the brush outline

  // The stroke under way: the mask before it, how much each pixel is covered so far (so that
  // overlapping dabs take the maximum rather than adding up), and the area it touched.
  bool stroking_ = false;
  QImage strokeBefore_;
  QImage strokeCoverage_;
  QRect strokeArea_;
  QPointF lastDab_;
  double untilNextDab_ = 0;
};

// The editor's tools: brush or eraser, size and hardness, invert, clear, undo and redo, kept in
// step with the editor whichever side changes them.
class MaskToolBar : public QWidget {
  Q_OBJECT

 public:
  explicit MaskToolBar(MaskEditor* editor, QWidget* parent = nullptr);

 private:
  void showBrush();

  MaskEditor* editor_;
  QToolButton* brush_;
  QToolButton* eraser_;
  QSpinBox* size_;
  QSpinBox* hardness_;
};

}  // namespace bksdm
