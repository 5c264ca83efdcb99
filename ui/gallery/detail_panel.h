#pragma once
#include <QList>
#include <QWidget>

#include <optional>

#include <qcoro/qcorotask.h>

#include "app/gallery/gallery_entry.h"

class QAction;
class QFormLayout;
class QLabel;
class QStackedLayout;

namespace bksdm::gallery {

// How the chosen image was made: a preview, its settings (with the A1111 keys we have no field
// for), and buttons for the actions given, one row of buttons per list.
class DetailPanel : public QWidget {
  Q_OBJECT

 public:
  explicit DetailPanel(const QList<QList<QAction*>>& actionRows, QWidget* parent = nullptr);

  void showEntry(const GalleryEntry& entry);
  void clear();
  const std::optional<GalleryEntry>& entry() const { return entry_; }

 private:
  QCoro::Task<> loadPreview(QString path);
  void addRow(const QString& label, const QString& value);

  std::optional<GalleryEntry> entry_;
  QStackedLayout* pages_;
  QLabel* preview_;
  QFormLayout* fields_;
  quint64 previewRequest_ = 0;  // a newer image replaces the preview still being read
};

}  // namespace bksdm::gallery
