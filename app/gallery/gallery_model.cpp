#include "app/gallery/gallery_model.h"

#include <QFileInfo>
#include <QImage>
#include <QMimeData>
#include <QPixmap>
#include <QSet>
#include <QUrl>

#include <algorithm>

#include "app/gallery/thumbnail_cache.h"

namespace bksdm::gallery {
namespace {

constexpr int kToolTipPromptLength = 300;

// The seed, and in a batch which image of it: what tells apart images of one prompt.
QString caption(const GalleryEntry& entry) {
  if (!entry.metadata.hasSettings()) return QFileInfo(entry.path).fileName();
  const GenerationSettings& settings = entry.metadata.settings;
  if (settings.params.numImages <= 1) return QString::number(settings.params.seed);
  return QStringLiteral("%1 · %2/%3").arg(settings.params.seed).arg(settings.batchIndex + 1).arg(settings.params.numImages);
}

QString toolTip(const GalleryEntry& entry) {
  if (!entry.metadata.hasSettings()) return QFileInfo(entry.path).fileName();
  const GenerationSettings& settings = entry.metadata.settings;
  QString prompt = settings.params.prompt;
  if (prompt.size() > kToolTipPromptLength) prompt = prompt.left(kToolTipPromptLength) + QChar(0x2026);
  return QStringLiteral("%1\n%2 · %3").arg(prompt, modelNameOf(entry), QString::number(settings.params.seed));
}

QStringList distinctModelNames(const QList<GalleryEntry>& entries) {
  QSet<QString> names;
  for (const GalleryEntry& entry : entries) names.insert(modelNameOf(entry));
  names.remove(QString());
  QStringList sorted(names.begin(), names.end());
  std::sort(sorted.begin(), sorted.end(), [](const QString& a, const QString& b) { return a.localeAwareCompare(b) < 0; });
  return sorted;
}

}  // namespace

QString modelNameOf(const GalleryEntry& entry) {
  if (!entry.metadata.hasSettings()) return {};
  const GenerationSettings& settings = entry.metadata.settings;
  return settings.params.modelName.isEmpty() ? settings.params.modelId : settings.params.modelName;
}

GalleryModel::GalleryModel(ThumbnailCache* thumbnails, QObject* parent)
    : QAbstractListModel(parent), thumbnails_(thumbnails) {
  connect(thumbnails_, &ThumbnailCache::thumbnailReady, this, &GalleryModel::onThumbnailReady);
}

int GalleryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(entries_.size()); }

QVariant GalleryModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= entries_.size()) return {};
  const GalleryEntry& entry = entries_[index.row()];
  switch (role) {
    case Qt::DisplayRole:
      return caption(entry);
    case Qt::DecorationRole: {
      const QPixmap thumbnail = thumbnails_->thumbnail(entry.thumbnailSource());
      return thumbnail.isNull() ? QVariant() : QVariant(thumbnail);
    }
    case Qt::ToolTipRole:
      return toolTip(entry);
    case EntryRole:
      return QVariant::fromValue(entry);
    case PathRole:
      return entry.path;
    case PromptRole:
      return entry.metadata.settings.params.prompt;
    case ModelNameRole:
      return modelNameOf(entry);
    case SeedRole:
      return entry.metadata.settings.params.seed;
    case CreatedRole:
      return entry.created();
    default:
      return {};
  }
}

Qt::ItemFlags GalleryModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

Qt::DropActions GalleryModel::supportedDragActions() const { return Qt::CopyAction; }

QStringList GalleryModel::mimeTypes() const {
  return {QStringLiteral("text/uri-list"), QStringLiteral("application/x-qt-image")};
}

QMimeData* GalleryModel::mimeData(const QModelIndexList& indexes) const {
  QStringList paths;
  for (const QModelIndex& index : indexes)
    if (index.isValid()) paths.append(entries_[index.row()].path);
  return paths.isEmpty() ? nullptr : imageMimeData(paths);
}

QMimeData* imageMimeData(const QStringList& paths) {
  auto* mime = new QMimeData;
  QList<QUrl> urls;
  for (const QString& path : paths) urls.append(QUrl::fromLocalFile(path));
  mime->setUrls(urls);
  if (paths.size() == 1) mime->setImageData(QImage(paths.first()));
  return mime;
}

void GalleryModel::setEntries(QList<GalleryEntry> entries) {
  beginResetModel();
  entries_ = std::move(entries);
  reindex();
  endResetModel();
}

void GalleryModel::update(const FolderScan& scan) {
  if (!scan.changed()) return;
  QList<int> gone;
  if (scan.removed) {
    QSet<QString> present;
    present.reserve(scan.entries.size());
    for (const GalleryEntry& entry : scan.entries) present.insert(entry.path);
    for (int row = int(entries_.size()) - 1; row >= 0; --row)
      if (!present.contains(entries_[row].path)) gone.append(row);
  }
  // Thousands of row signals, each re-sorted by the proxy, cost far more than one reset.
  if (gone.size() + scan.updated.size() > entries_.size() / 4) return setEntries(scan.entries);
  for (int row : gone) removeRow(row);
  if (!gone.isEmpty()) reindex();
  QList<GalleryEntry> added;
  for (const GalleryEntry& entry : scan.updated) {
    const int row = rowOf(entry.path);
    if (row < 0) {
      added.append(entry);
    } else {
      entries_[row] = entry;
      Q_EMIT dataChanged(index(row), index(row));
    }
  }
  appendEntries(added);
  reindex();
}

void GalleryModel::addOrReplace(const GalleryEntry& entry) {
  const int row = rowOf(entry.path);
  if (row < 0) {
    appendEntries({entry});
  } else {
    entries_[row] = entry;
    Q_EMIT dataChanged(index(row), index(row));
  }
  reindex();
}

void GalleryModel::remove(const QString& path) {
  const int row = rowOf(path);
  if (row < 0) return;
  removeRow(row);
  reindex();
}

void GalleryModel::removeRow(int row) {
  beginRemoveRows({}, row, row);
  entries_.removeAt(row);
  endRemoveRows();
}

void GalleryModel::appendEntries(const QList<GalleryEntry>& entries) {
  if (entries.isEmpty()) return;
  beginInsertRows({}, int(entries_.size()), int(entries_.size() + entries.size()) - 1);
  entries_ += entries;
  endInsertRows();
}

// Rebuilds the path -> row map and the model names; O(rows), done once per change, not per row.
void GalleryModel::reindex() {
  rows_.clear();
  rows_.reserve(entries_.size());
  for (int row = 0; row < entries_.size(); ++row) rows_.insert(entries_[row].path, row);
  QStringList names = distinctModelNames(entries_);
  if (names == modelNames_) return;
  modelNames_ = std::move(names);
  Q_EMIT modelNamesChanged(modelNames_);
}

void GalleryModel::onThumbnailReady(const QString& path) {
  const int row = rowOf(path);
  if (row >= 0) Q_EMIT dataChanged(index(row), index(row), {Qt::DecorationRole});
}

}  // namespace bksdm::gallery
