#include "ui/mask_editor.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <utility>

#include <QAction>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>

namespace bksdm {
namespace {

constexpr QRgb kOverlayColour = qRgb(255, 0, 0);
constexpr double kOverlayOpacity = 0.5;  // enough to see the mask and still see what is under it
constexpr double kDabsPerRadius = 4;     // close enough that a stroke's edge shows no scallops
constexpr double kShrink = 0.8;
constexpr double kGrow = 1.25;

// One mask edit, as the pixels of the area it changed before and after.
class MaskEdit : public QUndoCommand {
 public:
  using Writer = std::function<void(const QImage& patch, QPoint at)>;

  MaskEdit(Writer write, QPoint at, QImage before, QImage after, const QString& text)
      : QUndoCommand(text), write_(std::move(write)), at_(at), before_(std::move(before)), after_(std::move(after)) {}

  void undo() override { write_(before_, at_); }
  void redo() override { write_(after_, at_); }

 private:
  Writer write_;
  QPoint at_;
  QImage before_;
  QImage after_;
};

QImage blankMask(QSize size) {
  QImage mask(size, QImage::Format_Grayscale8);
  mask.fill(0);
  return mask;
}

// 0..1 across the brush's edge, eased so that soft edges show no ring where the falloff starts.
double edgeCoverage(double distance, double inner, double outer) {
  const double t = std::clamp((outer - distance) / (outer - inner), 0.0, 1.0);
  return t * t * (3 - 2 * t);
}

QRectF squareAround(QPointF centre, double radius) {
  return QRectF(centre - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius));
}

QAction* addShortcut(QWidget* widget, QKeySequence::StandardKey key, const QString& text) {
  auto* action = new QAction(text, widget);
  action->setShortcuts(key);
  action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  widget->addAction(action);
  return action;
}

}  // namespace

MaskEditor::MaskEditor(QWidget* parent) : QWidget(parent), undoStack_(new QUndoStack(this)) {
  setBackgroundRole(QPalette::Base);
  setAutoFillBackground(true);
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  setCursor(Qt::CrossCursor);  // the outline alone vanishes for the smallest brushes
  connect(addShortcut(this, QKeySequence::Undo, tr("Undo")), &QAction::triggered, this, &MaskEditor::undo);
  connect(addShortcut(this, QKeySequence::Redo, tr("Redo")), &QAction::triggered, this, &MaskEditor::redo);
}

void MaskEditor::setImage(const QImage& image) {
  image_ = image;
  resetMask(image.isNull() ? QImage() : blankMask(image.size()));
}

void MaskEditor::setMask(const QImage& mask) {
  if (image_.isNull()) return;
  if (mask.isNull()) return resetMask(blankMask(image_.size()));
  QImage grey = mask.convertToFormat(QImage::Format_Grayscale8);
  // Smooth scaling may hand back another format, so convert once more.
  if (grey.size() != image_.size())
    grey = grey.scaled(image_.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
               .convertToFormat(QImage::Format_Grayscale8);
  resetMask(grey);
}

void MaskEditor::resetMask(const QImage& mask) {
  stroking_ = false;
  strokeBefore_ = strokeCoverage_ = QImage();
  mask_ = mask;
  overlay_ = QImage(mask.size(), QImage::Format_ARGB32_Premultiplied);
  refreshOverlay(mask_.rect());
  undoStack_->clear();
  update();
  Q_EMIT maskChanged();
}

bool MaskEditor::hasPaint() const {
  for (int y = 0; y < mask_.height(); ++y) {
    const uchar* line = mask_.constScanLine(y);
    if (std::any_of(line, line + mask_.width(), [](uchar value) { return value != 0; })) return true;
  }
  return false;
}

void MaskEditor::setBrushSize(int pixels) {
  pixels = std::clamp(pixels, kMinBrushSize, kMaxBrushSize);
  if (pixels == brushSize_) return;
  brushSize_ = pixels;
  update();
  Q_EMIT brushChanged();
}

void MaskEditor::setBrushHardness(double hardness) {
  hardness = std::clamp(hardness, 0.0, 1.0);
  if (hardness == hardness_) return;
  hardness_ = hardness;
  Q_EMIT brushChanged();
}

void MaskEditor::setErasing(bool erasing) {
  if (erasing == erasing_) return;
  erasing_ = erasing;
  Q_EMIT brushChanged();
}

QSize MaskEditor::sizeHint() const { return {512, 512}; }
QSize MaskEditor::minimumSizeHint() const { return {128, 128}; }

void MaskEditor::invert() {
  QImage inverted = mask_;
  inverted.invertPixels();
  replaceAll(inverted, tr("Invert Mask"));
}

void MaskEditor::clear() {
  if (!mask_.isNull()) replaceAll(blankMask(mask_.size()), tr("Clear Mask"));
}

// A stroke still under way becomes a step of its own first, so that undo never sees half of one.
void MaskEditor::undo() {
  endStroke();
  undoStack_->undo();
}

void MaskEditor::redo() {
  endStroke();
  undoStack_->redo();
}

void MaskEditor::replaceAll(const QImage& mask, const QString& text) {
  endStroke();
  pushEdit(QPoint(0, 0), mask_, mask, text);
}

void MaskEditor::pushEdit(QPoint at, const QImage& before, const QImage& after, const QString& text) {
  if (before == after) return;  // an undo step that undoes nothing would only confuse
  auto write = [this](const QImage& patch, QPoint to) { writeMask(patch, to); };
  undoStack_->push(new MaskEdit(write, at, before, after, text));
}

void MaskEditor::writeMask(const QImage& patch, QPoint at) {
  for (int y = 0; y < patch.height(); ++y)
    std::memcpy(mask_.scanLine(at.y() + y) + at.x(), patch.constScanLine(y), size_t(patch.width()));
  const QRect area(at, patch.size());
  refreshOverlay(area);
  update(toWidget(area));
  Q_EMIT maskChanged();
}

void MaskEditor::refreshOverlay(const QRect& area) {
  for (int y = area.top(); y <= area.bottom(); ++y) {
    const uchar* mask = mask_.constScanLine(y);
    auto* overlay = reinterpret_cast<QRgb*>(overlay_.scanLine(y));
    for (int x = area.left(); x <= area.right(); ++x) {
      const int alpha = qRound(mask[x] * kOverlayOpacity);
      overlay[x] = qPremultiply(qRgba(qRed(kOverlayColour), qGreen(kOverlayColour), qBlue(kOverlayColour), alpha));
    }
  }
}

QRectF MaskEditor::imageRect() const {
  if (image_.isNull()) return {};
  const double scale = std::min(double(width()) / image_.width(), double(height()) / image_.height());
  const QSizeF shown = QSizeF(image_.size()) * scale;
  return QRectF(QPointF((width() - shown.width()) / 2, (height() - shown.height()) / 2), shown);
}

QPointF MaskEditor::toImage(QPointF widgetPoint) const {
  const QRectF shown = imageRect();
  return (widgetPoint - shown.topLeft()) * (image_.width() / shown.width());
}

QRect MaskEditor::toWidget(const QRect& imageArea) const {
  const QRectF shown = imageRect();
  const double scale = shown.width() / image_.width();
  const QRectF area(shown.topLeft() + QPointF(imageArea.topLeft()) * scale, QSizeF(imageArea.size()) * scale);
  return area.toAlignedRect().adjusted(-1, -1, 1, 1);  // smooth scaling reaches a pixel further
}

QRect MaskEditor::brushOutline(QPointF widgetPoint) const {
  const double radius = brushSize_ / 2.0 * imageRect().width() / image_.width();
  return squareAround(widgetPoint, radius).toAlignedRect().adjusted(-3, -3, 3, 3);  // the outline's pen
}

void MaskEditor::moveHover(std::optional<QPointF> widgetPoint) {
  if (image_.isNull()) return;
  if (hover_) update(brushOutline(*hover_));
  hover_ = widgetPoint;
  if (hover_) update(brushOutline(*hover_));
}

void MaskEditor::paintEvent(QPaintEvent*) {
  if (image_.isNull()) return;
  QPainter painter(this);
  const QRectF shown = imageRect();
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  painter.drawImage(shown, image_);
  painter.drawImage(shown, overlay_);
  if (!hover_) return;
  // Dark under light, so the outline shows on any image.
  const double radius = brushSize_ / 2.0 * shown.width() / image_.width();
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setBrush(Qt::NoBrush);
  painter.setPen(QPen(QColor(0, 0, 0, 160), 3));
  painter.drawEllipse(*hover_, radius, radius);
  painter.setPen(QPen(Qt::white, 1));
  painter.drawEllipse(*hover_, radius, radius);
}

void MaskEditor::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && !image_.isNull() && !stroking_) beginStroke(toImage(event->position()));
  event->accept();
}

void MaskEditor::mouseMoveEvent(QMouseEvent* event) {
  moveHover(event->position());
  if (stroking_ && (event->buttons() & Qt::LeftButton)) continueStroke(toImage(event->position()));
  event->accept();
}

void MaskEditor::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && stroking_) {
    const QPointF end = toImage(event->position());
    continueStroke(end);
    dab(end);  // the spacing may have stopped the last dab short of where the mouse let go
    endStroke();
  }
  event->accept();
}

void MaskEditor::leaveEvent(QEvent* event) {
  moveHover(std::nullopt);
  QWidget::leaveEvent(event);
}

void MaskEditor::keyPressEvent(QKeyEvent* event) {
  if (event->modifiers() & (Qt::ControlModifier | Qt::MetaModifier)) return QWidget::keyPressEvent(event);
  // Steps of at least one pixel, so that small brushes do not get stuck where rounding undoes them.
  switch (event->key()) {
    case Qt::Key_BracketLeft:
      return setBrushSize(std::min(brushSize_ - 1, int(std::lround(brushSize_ * kShrink))));
    case Qt::Key_BracketRight:
      return setBrushSize(std::max(brushSize_ + 1, int(std::lround(brushSize_ * kGrow))));
    case Qt::Key_X:
      return setErasing(!erasing_);
    default:
      QWidget::keyPressEvent(event);
  }
}

void MaskEditor::beginStroke(QPointF imagePoint) {
  stroking_ = true;
  strokeBefore_ = mask_;
  strokeCoverage_ = blankMask(mask_.size());
  strokeArea_ = QRect();
  lastDab_ = imagePoint;
  dab(imagePoint);
  untilNextDab_ = dabSpacing();
}

// Dabs at even spacing along the path, carrying the remainder over to the next mouse move, so a
// fast stroke is as continuous as a slow one.
void MaskEditor::continueStroke(QPointF imagePoint) {
  const QPointF from = lastDab_;
  const QPointF delta = imagePoint - from;
  const double length = std::hypot(delta.x(), delta.y());
  double along = untilNextDab_;
  for (; along <= length; along += dabSpacing()) dab(from + delta * (along / length));
  untilNextDab_ = along - length;
  lastDab_ = imagePoint;
}

void MaskEditor::endStroke() {
  if (!stroking_) return;
  stroking_ = false;
  const QRect area = strokeArea_;
  const QImage before = strokeBefore_.copy(area);
  strokeBefore_ = strokeCoverage_ = QImage();
  if (!area.isEmpty()) pushEdit(area.topLeft(), before, mask_.copy(area), erasing_ ? tr("Erase") : tr("Paint"));
}

double MaskEditor::dabSpacing() const { return std::max(0.5, brushSize_ / 2.0 / kDabsPerRadius); }

// Each pixel keeps the most any dab of this stroke covered it, applied over the mask as it was
// before the stroke: soft edges then stay soft however many dabs overlap.
void MaskEditor::dab(QPointF centre) {
  const double radius = brushSize_ / 2.0;
  const double inner = std::min(hardness_ * radius, radius - 0.5);  // a hard disc keeps a pixel of antialiasing
  const double outer = std::max(radius, inner + 1);
  const QRect area = squareAround(centre, outer).toAlignedRect() & mask_.rect();
  if (area.isEmpty()) return;
  for (int y = area.top(); y <= area.bottom(); ++y) {
    uchar* coverage = strokeCoverage_.scanLine(y);
    uchar* mask = mask_.scanLine(y);
    const uchar* before = strokeBefore_.constScanLine(y);
    const double dy = y + 0.5 - centre.y();
    for (int x = area.left(); x <= area.right(); ++x) {
      const int cover = int(std::lround(255 * edgeCoverage(std::hypot(x + 0.5 - centre.x(), dy), inner, outer)));
      if (cover <= coverage[x]) continue;
      coverage[x] = uchar(cover);
      mask[x] = erasing_ ? std::min<int>(before[x], 255 - cover) : std::max<int>(before[x], cover);
    }
  }
  strokeArea_ |= area;
  refreshOverlay(area);
  update(toWidget(area));
}

MaskToolBar::MaskToolBar(MaskEditor* editor, QWidget* parent)
    : QWidget(parent),
      editor_(editor),
      brush_(new QToolButton(this)),
      eraser_(new QToolButton(this)),
      size_(new QSpinBox(this)),
      hardness_(new QSpinBox(this)) {
  brush_->setText(tr("Brush"));
  brush_->setToolTip(tr("Paint what the model repaints (X switches to the eraser)"));
  eraser_->setText(tr("Eraser"));
  eraser_->setToolTip(tr("Paint back what the model keeps (X switches to the brush)"));
  auto* tools = new QButtonGroup(this);
  for (QToolButton* tool : {brush_, eraser_}) {
    tool->setCheckable(true);
    tools->addButton(tool);
  }
  size_->setRange(MaskEditor::kMinBrushSize, MaskEditor::kMaxBrushSize);
  size_->setSuffix(tr(" px"));
  size_->setToolTip(tr("The brush's diameter in image pixels ([ and ] change it)"));
  hardness_->setRange(0, 100);
  hardness_->setSuffix(tr(" %"));
  hardness_->setToolTip(tr("How sharp the brush's edge is: 100 % is a hard edge"));
  auto* sizeLabel = new QLabel(tr("Size"), this);
  sizeLabel->setBuddy(size_);
  auto* hardnessLabel = new QLabel(tr("Hardness"), this);
  hardnessLabel->setBuddy(hardness_);

  auto* invert = new QPushButton(tr("Invert"), this);
  invert->setToolTip(tr("Swap what is repainted and what is kept"));
  auto* clear = new QPushButton(tr("Clear"), this);
  clear->setToolTip(tr("Keep the whole image"));
  auto* undo = new QPushButton(tr("Undo"), this);
  undo->setToolTip(tr("Undo the last stroke (%1)").arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
  auto* redo = new QPushButton(tr("Redo"), this);
  redo->setToolTip(tr("Redo the stroke undone (%1)").arg(QKeySequence(QKeySequence::Redo).toString(QKeySequence::NativeText)));

  // Two rows: one would set the image area's narrowest width in the longer languages.
  auto* brushRow = new QHBoxLayout;
  for (QWidget* widget : std::initializer_list<QWidget*>{brush_, eraser_, sizeLabel, size_, hardnessLabel, hardness_})
    brushRow->addWidget(widget);
  brushRow->addStretch(1);
  auto* editRow = new QHBoxLayout;
  for (QWidget* widget : std::initializer_list<QWidget*>{invert, clear, undo, redo}) editRow->addWidget(widget);
  editRow->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(brushRow);
  layout->addLayout(editRow);

  connect(eraser_, &QToolButton::toggled, editor_, &MaskEditor::setErasing);
  connect(size_, &QSpinBox::valueChanged, editor_, &MaskEditor::setBrushSize);
  connect(hardness_, &QSpinBox::valueChanged, editor_,
          [this](int percent) { editor_->setBrushHardness(percent / 100.0); });
  connect(invert, &QPushButton::clicked, editor_, &MaskEditor::invert);
  connect(clear, &QPushButton::clicked, editor_, &MaskEditor::clear);
  connect(undo, &QPushButton::clicked, editor_, &MaskEditor::undo);
  connect(redo, &QPushButton::clicked, editor_, &MaskEditor::redo);
  QUndoStack* stack = editor_->undoStack();
  undo->setEnabled(stack->canUndo());
  redo->setEnabled(stack->canRedo());
  connect(stack, &QUndoStack::canUndoChanged, undo, &QPushButton::setEnabled);
  connect(stack, &QUndoStack::canRedoChanged, redo, &QPushButton::setEnabled);
  connect(editor_, &MaskEditor::brushChanged, this, &MaskToolBar::showBrush);
  showBrush();
}

void MaskToolBar::showBrush() {
  const QSignalBlocker blockSize(size_), blockHardness(hardness_);
  size_->setValue(editor_->brushSize());
  hardness_->setValue(int(std::lround(editor_->brushHardness() * 100)));
  (editor_->isErasing() ? eraser_ : brush_)->setChecked(true);
}

}  // namespace bksdm
