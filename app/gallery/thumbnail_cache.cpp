#include "app/gallery/thumbnail_cache.h"

#include "app/pool_task.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>
#include <cstdio>


#include "app/gallery/background_thread.h"
#include "app/gallery/image_file.h"

namespace bksdm::gallery {
namespace {

// A few screens of thumbnails; requests older than that are for rows scrolled away.
constexpr size_t kMaxPending = 256;
constexpr qint64 kMemoryBytes = qint64(256) << 20;

// JPEG is several times smaller and faster to read than PNG at this size; images with
// transparency keep it in PNG. The reader finds the format from the content. Written whole, then
// renamed, but not synced: a cache may lose a file, and a sync per thumbnail halves the rate.
void store(const QImage& image, const QString& path) {
  const QString temporary = QStringLiteral("%1.%2.part").arg(path).arg(quintptr(QThread::currentThreadId()), 0, 16);
  QFile file(temporary);
  if (!file.open(QIODevice::WriteOnly)) return;
  const bool saved = image.hasAlphaChannel() ? image.save(&file, "PNG") : image.save(&file, "JPEG", 88);
  file.close();
  if (!saved || std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0)
    QFile::remove(temporary);
}

}  // namespace

ThumbnailCache::ThumbnailCache(int edge, QString cacheFolder, QObject* parent)
    : QObject(parent), edge_(edge), cacheFolder_(cacheFolder.isEmpty() ? defaultCacheFolder() : cacheFolder) {
  memory_.setMaxCost(kMemoryBytes);
  // Half the cores at least two: the inference thread may be busy on the rest.
  pool_.setMaxThreadCount(std::max(2, QThread::idealThreadCount() / 2));
  QDir().mkpath(cacheFolder_);
}

ThumbnailCache::~ThumbnailCache() {
  pending_.clear();
  pool_.waitForDone();
}

QString ThumbnailCache::defaultCacheFolder() {
  return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath("thumbnails");
}

QString ThumbnailCache::cacheFileName(const ThumbnailSource& source, int edge) {
  const QString key = QStringLiteral("%1\n%2\n%3\n%4").arg(source.path).arg(source.size).arg(source.modifiedMs).arg(edge);
  return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex()) + ".thumb";
}

QImage ThumbnailCache::load(const ThumbnailSource& source, int edge, const QString& cacheFolder) {
  const QString cached = QDir(cacheFolder).filePath(cacheFileName(source, edge));
  QImage image(cached);
  if (!image.isNull()) return image;
  image = readScaledImage(source.path, edge);
  if (!image.isNull()) store(image, cached);
  return image;
}

QString ThumbnailCache::memoryKey(const ThumbnailSource& source) const {
  return QStringLiteral("%1|%2|%3").arg(source.path).arg(source.size).arg(source.modifiedMs);
}

QPixmap ThumbnailCache::thumbnail(const ThumbnailSource& source) {
  const QString key = memoryKey(source);
  if (const QPixmap* cached = memory_.object(key)) return *cached;
  if (unreadable_.contains(key) || queued_.contains(key)) return {};
  queued_.insert(key);
  pending_.push_back(source);
  if (pending_.size() > kMaxPending) {
    queued_.remove(memoryKey(pending_.front()));
    pending_.pop_front();
  }
  startRequests();
  return {};
}

void ThumbnailCache::dropPendingRequests() {
  for (const ThumbnailSource& source : pending_) queued_.remove(memoryKey(source));
  pending_.clear();
}

void ThumbnailCache::startRequests() {
  while (running_ < pool_.maxThreadCount() && !pending_.empty()) {
    const ThumbnailSource source = pending_.back();
    pending_.pop_back();
    ++running_;
    runInPool(&pool_, [this, source, edge = edge_, folder = cacheFolder_] {
      lowerThreadPriority(kThumbnailNiceness);
      const QImage image = load(source, edge, folder);
      // Queued to this object's thread; the destructor waits for the pool, so `this` is alive.
      QMetaObject::invokeMethod(this, [this, source, image] { finish(source, image); }, Qt::QueuedConnection);
    });
  }
}

void ThumbnailCache::finish(const ThumbnailSource& source, const QImage& image) {
  --running_;
  const QString key = memoryKey(source);
  queued_.remove(key);
  if (image.isNull())
    unreadable_.insert(key);
  else
    memory_.insert(key, new QPixmap(QPixmap::fromImage(image)), image.sizeInBytes());
  Q_EMIT thumbnailReady(source.path);
  startRequests();
}

}  // namespace bksdm::gallery
