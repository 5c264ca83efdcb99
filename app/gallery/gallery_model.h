#pragma once
#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QStringList>

#include "app/gallery/gallery_entry.h"
#include "app/gallery/gallery_index.h"

class QMimeData;

namespace bksdm::gallery {

class ThumbnailCache;

// The images of one gallery folder, one row each. The decoration is the thumbnail when it is in
// memory; else nothing (the view draws a placeholder) and the thumbnail is asked for, so only rows
// that are painted cost a thumbnail.
class GalleryModel : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role { EntryRole = Qt::UserRole + 1, PathRole, PromptRole, ModelNameRole, SeedRole, CreatedRole };

  explicit GalleryModel(ThumbnailCache* thumbnails, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  Qt::DropActions supportedDragActions() const override;
  QStringList mimeTypes() const override;
  // imageMimeData of the rows' files.
  QMimeData* mimeData(const QModelIndexList& indexes) const override;

  const QList<GalleryEntry>& entries() const { return entries_; }
  const GalleryEntry& entry(int row) const { return entries_[row]; }
  int rowOf(const QString& path) const { return rows_.value(path, -1); }
  QStringList modelNames() const { return modelNames_; }  // of all images, sorted

  void setEntries(QList<GalleryEntry> entries);
  // A rescan's result: rows whose file went are removed, new ones appended, changed ones updated;
  // one reset instead when most rows change (a first scan filling in a bare listing).
  void update(const FolderScan& scan);
  void addOrReplace(const GalleryEntry& entry);
  void remove(const QString& path);

 Q_SIGNALS:
  void modelNamesChanged(const QStringList& names);

 private:
  void onThumbnailReady(const QString& path);
  void removeRow(int row);
  void appendEntries(const QList<GalleryEntry>& entries);
  void reindex();

  ThumbnailCache* thumbnails_;
  QList<GalleryEntry> entries_;
  QHash<QString, int> rows_;
  QStringList modelNames_;
};

// What a drag or a copy of these image files carries: their URLs, and the image when it is one.
QMimeData* imageMimeData(const QStringList& paths);

// The model name an image shows and is filtered by: the display name, else the id.
QString modelNameOf(const GalleryEntry& entry);

}  // namespace bksdm::gallery
