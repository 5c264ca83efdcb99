#pragma once
#include <QStyledItemDelegate>

namespace bksdm::gallery {

// A grid cell: the thumbnail (or a placeholder while it is made) centred in a square, and the
// caption under it. Cheap to paint: thumbnails come at their drawn size and are not scaled here.
class ThumbnailDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  // `thumbnailSize`: the square's side in logical pixels.
  explicit ThumbnailDelegate(int thumbnailSize, QObject* parent = nullptr);

  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

 private:
  int thumbnailSize_;
};

}  // namespace bksdm::gallery
