#include "app/gallery/gallery.h"
#include "app/pool_task.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <qcoro/qcorofuture.h>


#include "app/gallery/background_thread.h"
#include "app/gallery/gallery_index.h"
#include "app/gallery/image_file.h"
#include "app/gallery/new_files.h"
#include "core/io/error.h"

namespace bksdm::gallery {
namespace {

using namespace std::chrono_literals;

// Temporary files younger than this may belong to a save running right now (in another window).
constexpr auto kStaleTemporaryAge = 1h;
constexpr int kRescanDelayMs = 300;

struct Saved {
  GalleryEntry entry;
  QString error;
};

// Never a lambda with captures inside a co_await expression: GCC 12 destroys its captures twice
// (a use after free found by AddressSanitizer); functions with arguments are safe.

struct Opened {
  KnownEntries index;
  QList<GalleryEntry> shown;  // until the first scan ends: the index, or a bare listing without one
};

Opened prepareFolder(const QString& folder) {
  QDir().mkpath(folder);
  removeStaleTemporaryFiles(folder, kStaleTemporaryAge);
  Opened opened{readIndex(indexPath(folder), folder), {}};
  opened.shown = opened.index.isEmpty() ? listFolder(folder) : opened.index.values();
  return opened;
}

Saved saveInto(const QString& folder, const QImage& image, const GenerationSettings& settings, const QString& attentionMapsPath) {
  try {
    return {writeImageFile(folder, image, settings, attentionMapsPath), {}};
  } catch (const Error& error) {
    return {{}, QString::fromStdString(error.what())};
  }
}

FolderScan scanInBackground(const QString& folder, const KnownEntries& known) {
  lowerThreadPriority(kScanNiceness);
  return scanFolder(folder, known);
}

QList<GalleryEntry> readEntries(const QStringList& paths) {
  QList<GalleryEntry> entries;
  for (const QString& path : paths) entries.append(readEntry(QFileInfo(path), QFileInfo::exists(attentionMapsPath(path))));
  return entries;
}

}  // namespace

Gallery::Gallery(int thumbnailEdge, QString thumbnailFolder, QObject* parent)
    : QObject(parent), thumbnails_(thumbnailEdge, std::move(thumbnailFolder)), model_(&thumbnails_) {
  background_.setMaxThreadCount(1);
  rescanTimer_.setSingleShot(true);
  rescanTimer_.setInterval(kRescanDelayMs);
  connect(&watcher_, &QFileSystemWatcher::directoryChanged, &rescanTimer_, qOverload<>(&QTimer::start));
  connect(&rescanTimer_, &QTimer::timeout, this, [this] { rescan(); });
}

void Gallery::setLoading(bool loading) {
  if (loading == loading_) return;
  loading_ = loading;
  Q_EMIT loadingChanged(loading);
}

QCoro::Task<> Gallery::open(QString folder) {
  folder = QDir::cleanPath(QDir(folder).absolutePath());
  const quint64 openCount = ++openCount_;
  const QPointer<Gallery> self(this);
  if (!watcher_.directories().isEmpty()) watcher_.removePaths(watcher_.directories());
  folder_ = folder;
  indexLoaded_ = false;
  indexDirty_ = false;
  nextKnown_.reset();
  thumbnails_.dropPendingRequests();
  model_.setEntries({});
  setLoading(true);

  const Opened opened = co_await runInPool(prepareFolder, folder);
  if (!self || openCount != openCount_) co_return;
  if (!QFileInfo(folder).isDir()) {
    setLoading(false);
    Q_EMIT errorOccurred(tr("Cannot create the gallery folder %1.").arg(QDir::toNativeSeparators(folder)));
    co_return;
  }
  model_.setEntries(opened.shown);
  indexLoaded_ = true;
  watcher_.addPath(folder);  // before the scan, so that nothing between the two is missed
  co_await rescan(opened.index);
}

KnownEntries Gallery::modelEntries() const {
  KnownEntries known;
  known.reserve(model_.entries().size());
  for (const GalleryEntry& entry : model_.entries()) known.insert(entry.path, entry);
  return known;
}

QCoro::Task<> Gallery::rescan(std::optional<KnownEntries> known) {
  if (!indexLoaded_) co_return;  // open() scans once the index is in
  if (rescanning_) {
    rescanAgain_ = true;
    if (known) nextKnown_ = std::move(known);
    co_return;
  }
  const QPointer<Gallery> self(this);
  rescanning_ = true;
  for (bool first = true; first || rescanAgain_; first = false) {
    rescanAgain_ = false;
    if (!first) known = std::exchange(nextKnown_, std::nullopt);
    // A bare listing is not known: only what open() passes or what a scan has read.
    if (!known) known = modelEntries();
    const quint64 openCount = openCount_;
    const QString folder = folder_;
    const FolderScan scan = co_await runInPool(&background_, scanInBackground, folder, *known);
    if (!self) co_return;
    if (openCount != openCount_) continue;
    model_.update(scan);
    // Off the path to the screen: until it is written, the next start only rescans more.
    const bool dirty = std::exchange(indexDirty_, false);
    if (scan.changed() || dirty)
      background_.start([folder, entries = scan.entries] {
        lowerThreadPriority(kScanNiceness);
        writeIndex(indexPath(folder), folder, entries);
      });
  }
  rescanning_ = false;
  if (indexLoaded_) setLoading(false);
}

QCoro::Task<QString> Gallery::save(QImage image, GenerationSettings settings, QString attentionMapsPath) {
  const QPointer<Gallery> self(this);
  const QString folder = folder_;
  if (folder.isEmpty()) {
    Q_EMIT saveFailed(tr("No gallery folder is open."));
    co_return QString();
  }
  const Saved result = co_await runInPool(saveInto, folder, image, settings, attentionMapsPath);
  if (!self) co_return result.entry.path;
  if (!result.error.isEmpty()) {
    Q_EMIT saveFailed(result.error);
    co_return QString();
  }
  if (folder == folder_) {
    model_.addOrReplace(result.entry);
    indexDirty_ = true;
  }
  Q_EMIT saved(result.entry.path);
  co_return result.entry.path;
}

bool Gallery::moveToTrash(const QString& path) {
  if (!QFile::moveToTrash(path)) {
    Q_EMIT errorOccurred(tr("Cannot move %1 to the trash.").arg(QDir::toNativeSeparators(path)));
    return false;
  }
  const QString maps = attentionMapsPath(path);
  if (QFileInfo::exists(maps)) QFile::moveToTrash(maps);
  model_.remove(path);
  indexDirty_ = true;
  rescanTimer_.start();
  return true;
}

QCoro::Task<QList<GalleryEntry>> Gallery::readImages(QStringList paths) {
  co_return co_await runInPool(readEntries, paths);
}

}  // namespace bksdm::gallery
