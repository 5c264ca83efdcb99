#pragma once
#include <QFileSystemWatcher>
#include <QImage>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <optional>

#include <qcoro/qcorotask.h>

#include "app/gallery/gallery_entry.h"
#include "app/gallery/gallery_index.h"
#include "app/gallery/gallery_model.h"
#include "app/gallery/generation_settings.h"
#include "app/gallery/thumbnail_cache.h"

namespace bksdm::gallery {

// One open gallery folder: its images in a model, kept in step with the disk, and saving into it.
// File work (scans, metadata, encoding, writing) runs off the UI thread.
class Gallery : public QObject {
  Q_OBJECT

 public:
  // `thumbnailEdge` in device pixels; `thumbnailFolder` empty: the standard cache location.
  explicit Gallery(int thumbnailEdge = 256, QString thumbnailFolder = {}, QObject* parent = nullptr);

  const QString& folder() const { return folder_; }
  GalleryModel* model() { return &model_; }
  ThumbnailCache* thumbnails() { return &thumbnails_; }
  bool isLoading() const { return loading_; }

  // Shows `folder` (created when missing): what its index knows at once, then what changed on
  // disk; from then on files added, changed or removed by anyone appear in the model.
  QCoro::Task<> open(QString folder);
  // Saves a PNG with the settings (and the attention maps file beside it, when given) into the
  // open folder under a new name; the image is in the model when the task ends. Returns the
  // path, or an empty string after saveFailed.
  QCoro::Task<QString> save(QImage image, GenerationSettings settings, QString attentionMapsPath = {});
  // The image and its attention maps go to the trash; false (after errorOccurred) if they cannot.
  bool moveToTrash(const QString& path);

  // Reads files from anywhere (e.g. dropped on the window), off the UI thread.
  static QCoro::Task<QList<GalleryEntry>> readImages(QStringList paths);

 Q_SIGNALS:
  void loadingChanged(bool loading);
  void saved(const QString& path);
  void saveFailed(const QString& message);
  void errorOccurred(const QString& message);

 private:
  // Reads what changed on disk since `known` (by default, what the model holds); scans asked for
  // meanwhile run after it, once.
  QCoro::Task<> rescan(std::optional<KnownEntries> known = std::nullopt);
  KnownEntries modelEntries() const;
  void setLoading(bool loading);

  QString folder_;
  ThumbnailCache thumbnails_;
  GalleryModel model_;
  QThreadPool background_;  // scans and index writes, one at a time; waited for on destruction
  QFileSystemWatcher watcher_;
  QTimer rescanTimer_;        // changes on disk come in bursts: one rescan per burst
  quint64 openCount_ = 0;     // results of a scan for an earlier open() are dropped
  bool loading_ = false;
  bool indexLoaded_ = false;  // rescans wait for open() to have shown the index
  bool rescanning_ = false;
  bool rescanAgain_ = false;
  std::optional<KnownEntries> nextKnown_;  // what open() passed while a scan was running
  bool indexDirty_ = false;   // the model changed without a scan: the index needs writing
};

}  // namespace bksdm::gallery
