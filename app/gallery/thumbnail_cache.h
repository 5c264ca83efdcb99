#pragma once
#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include <deque>

namespace bksdm::gallery {

// Which version of which file a thumbnail shows: a changed file gets a new thumbnail.
struct ThumbnailSource {
  QString path;
  qint64 size = 0;
  qint64 modifiedMs = 0;  // the file's mtime, ms since the epoch
};

// Thumbnails for the grid, made on worker threads and kept twice: on disk (in the cache folder,
// named by a hash of path, mtime, size and edge) and in memory (the most recently used ones).
// Requests are served newest first and old ones are dropped, so while the grid scrolls the
// workers only make what is on screen.
class ThumbnailCache : public QObject {
  Q_OBJECT

 public:
  // `edge`: the longest side in device pixels; `cacheFolder` empty: the standard cache location.
  explicit ThumbnailCache(int edge, QString cacheFolder = {}, QObject* parent = nullptr);
  ~ThumbnailCache() override;

  int edge() const { return edge_; }
  const QString& cacheFolder() const { return cacheFolder_; }

  // The thumbnail if it is in memory; else a null pixmap, and thumbnailReady(path) follows once it
  // is made or read from disk (also when the image cannot be read: then it stays null).
  QPixmap thumbnail(const ThumbnailSource& source);
  // Forgets the requests not started yet (e.g. the grid now shows other images).
  void dropPendingRequests();
  int pendingRequests() const { return int(pending_.size()); }
  int runningRequests() const { return running_; }

  // Blocking: reads the thumbnail from the disk cache, or makes and stores it. Null on failure.
  static QImage load(const ThumbnailSource& source, int edge, const QString& cacheFolder);
  static QString cacheFileName(const ThumbnailSource& source, int edge);
  static QString defaultCacheFolder();

 Q_SIGNALS:
  void thumbnailReady(const QString& path);

 private:
  QString memoryKey(const ThumbnailSource& source) const;
  void startRequests();
  void finish(const ThumbnailSource& source, const QImage& image);

  int edge_;
  QString cacheFolder_;
  QThreadPool pool_;
  QCache<QString, QPixmap> memory_;
  QSet<QString> unreadable_;        // memory keys of files that gave no image
  std::deque<ThumbnailSource> pending_;  // newest last
  QSet<QString> queued_;            // memory keys pending or running
  int running_ = 0;
};

}  // namespace bksdm::gallery
