#pragma once
#include <QList>
#include <QStringList>
#include <QWidget>

#include <qcoro/qcorotask.h>

#include "app/gallery/gallery_entry.h"

class QGridLayout;
class QLabel;

namespace bksdm::gallery {

// Two or more images side by side, each over its settings; rows whose values differ are
// highlighted, and in the prompts the words one has and the other has not.
class CompareView : public QWidget {
  Q_OBJECT

 public:
  explicit CompareView(QWidget* parent = nullptr);

  void setEntries(const QList<GalleryEntry>& entries);
  const QList<GalleryEntry>& entries() const { return entries_; }
  QStringList differingKeys() const { return differing_; }

 Q_SIGNALS:
  void closeRequested();

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  int imageEdgeForWidth() const;
  void rebuild();
  void addFieldRows(int firstRow);
  QString promptHtml(int column, const QString& key) const;
  QCoro::Task<> loadImage(QLabel* label, QString path, int edge);

  QList<GalleryEntry> entries_;
  QStringList differing_;
  QLabel* title_;
  QWidget* grid_ = nullptr;
  QGridLayout* layout_ = nullptr;
  int imageEdge_ = 0;
};

}  // namespace bksdm::gallery
