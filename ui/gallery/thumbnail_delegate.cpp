#include "ui/gallery/thumbnail_delegate.h"

#include <QPainter>
#include <QPixmap>

namespace bksdm::gallery {
namespace {

constexpr int kPadding = 4;
constexpr qreal kCornerRadius = 4;

QRectF centred(const QSizeF& size, const QRectF& square) {
  const QSizeF fitted = size.scaled(square.size(), Qt::KeepAspectRatio);
  return {square.center() - QPointF(fitted.width() / 2, fitted.height() / 2), fitted};
}

}  // namespace

ThumbnailDelegate::ThumbnailDelegate(int thumbnailSize, QObject* parent)
    : QStyledItemDelegate(parent), thumbnailSize_(thumbnailSize) {}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
  return {thumbnailSize_ + 2 * kPadding, thumbnailSize_ + option.fontMetrics.height() + 3 * kPadding};
}

void ThumbnailDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
  const QPalette& palette = option.palette;
  const bool selected = option.state & QStyle::State_Selected;
  const QRectF cell = QRectF(option.rect).adjusted(1, 1, -1, -1);
  const QRectF square(cell.left() + kPadding - 1, cell.top() + kPadding - 1, thumbnailSize_, thumbnailSize_);
  painter->save();
  painter->setRenderHint(QPainter::Antialiasing);
  if (selected) {
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.color(QPalette::Highlight));
    painter->drawRoundedRect(cell, kCornerRadius, kCornerRadius);
  }
  const QPixmap thumbnail = index.data(Qt::DecorationRole).value<QPixmap>();
  if (thumbnail.isNull()) {
    QColor placeholder = palette.color(QPalette::Mid);
    placeholder.setAlpha(80);
    painter->setPen(Qt::NoPen);
    painter->setBrush(placeholder);
    painter->drawRoundedRect(square.adjusted(8, 8, -8, -8), kCornerRadius, kCornerRadius);
  } else {
    // Thumbnails are made at the screen's pixel density, so one thumbnail pixel is one device pixel.
    const QSizeF logical = QSizeF(thumbnail.size()) / painter->device()->devicePixelRatioF();
    painter->setRenderHint(QPainter::SmoothPixmapTransform, logical.width() > square.width() || logical.height() > square.height());
    painter->drawPixmap(centred(logical, square), thumbnail, thumbnail.rect());
  }
  const QRectF captionRect(cell.left() + kPadding, square.bottom() + kPadding, cell.width() - 2 * kPadding,
                           option.fontMetrics.height());
  painter->setPen(palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
  painter->setFont(option.font);
  const QString caption = index.data(Qt::DisplayRole).toString();
  painter->drawText(captionRect, Qt::AlignCenter, option.fontMetrics.elidedText(caption, Qt::ElideMiddle, int(captionRect.width())));
  painter->restore();
}

}  // namespace bksdm::gallery
