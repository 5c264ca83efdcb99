#include "app/gallery/gallery_index.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include "app/gallery/image_file.h"
#include "core/io/error.h"

namespace bksdm::gallery {
namespace {

constexpr int kIndexFormat = 1;

struct FileToRead {
  QFileInfo file;
  bool hasAttentionMaps = false;
};

QSet<QString> attentionMapStems(const QDir& dir) {
  QSet<QString> stems;
  for (const QFileInfo& file : dir.entryInfoList({QStringLiteral("*.safetensors")}, QDir::Files))
    stems.insert(file.completeBaseName());
  return stems;
}

bool isUnchanged(const GalleryEntry& entry, const QFileInfo& file) {
  return entry.size == file.size() && entry.modifiedMs == file.lastModified().toMSecsSinceEpoch();
}

}  // namespace

GalleryEntry readEntry(const QFileInfo& file, bool hasAttentionMaps) {
  GalleryEntry entry;
  entry.path = file.absoluteFilePath();
  entry.size = file.size();
  entry.modifiedMs = file.lastModified().toMSecsSinceEpoch();
  entry.hasAttentionMaps = hasAttentionMaps;
  try {
    entry.metadata = readImageMetadata(entry.path);
  } catch (const std::exception&) {
    // Not a PNG we can read: it is still listed, without settings (its thumbnail says the rest).
  }
  return entry;
}

FolderScan scanFolder(const QString& folder, const KnownEntries& known) {
  const QDir dir(folder);
  const QSet<QString> withMaps = attentionMapStems(dir);
  FolderScan scan;
  QList<FileToRead> toRead;
  qsizetype stillThere = 0;  // files that `known` has, changed or not
  for (const QFileInfo& file : dir.entryInfoList({QStringLiteral("*.png")}, QDir::Files, QDir::NoSort)) {
    const bool hasMaps = withMaps.contains(file.completeBaseName());
    const auto it = known.constFind(file.absoluteFilePath());
    stillThere += it != known.cend();
    if (it == known.cend() || !isUnchanged(*it, file)) {
      toRead.append({file, hasMaps});
      continue;
    }
    scan.entries.append(*it);
    if (it->hasAttentionMaps == hasMaps) continue;
    scan.entries.last().hasAttentionMaps = hasMaps;
    scan.updated.append(scan.entries.last());
  }
  scan.removed = stillThere < known.size();
  // One file after the other: a scan is background work, and it must leave the cores to thumbnails.
  for (const FileToRead& item : toRead) {
    scan.entries.append(readEntry(item.file, item.hasAttentionMaps));
    scan.updated.append(scan.entries.last());
  }
  return scan;
}

QList<GalleryEntry> listFolder(const QString& folder) {
  QList<GalleryEntry> entries;
  for (const QFileInfo& file : QDir(folder).entryInfoList({QStringLiteral("*.png")}, QDir::Files, QDir::NoSort)) {
    GalleryEntry& entry = entries.emplace_back();
    entry.path = file.absoluteFilePath();
    entry.size = file.size();
    entry.modifiedMs = file.lastModified().toMSecsSinceEpoch();
  }
  return entries;
}

QString indexPath(const QString& folder) {
  const QByteArray key = QDir::cleanPath(QDir(folder).absolutePath()).toUtf8();
  const QString name = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex());
  return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(QStringLiteral("galleries/%1.json").arg(name));
}

KnownEntries readIndex(const QString& indexPath, const QString& folder) {
  QFile file(indexPath);
  if (!file.open(QIODevice::ReadOnly)) return {};
  const QJsonObject index = QJsonDocument::fromJson(file.readAll()).object();
  if (index["format"].toInt() != kIndexFormat || index["folder"].toString() != folder) return {};
  KnownEntries known;
  for (const QJsonValue& value : index["entries"].toArray()) {
    GalleryEntry entry = GalleryEntry::fromJson(value.toObject());
    known.insert(entry.path, std::move(entry));
  }
  return known;
}

bool writeIndex(const QString& indexPath, const QString& folder, const QList<GalleryEntry>& entries) {
  QJsonArray array;
  for (const GalleryEntry& entry : entries) array.append(entry.toJson());
  const QJsonObject index{{"format", kIndexFormat}, {"folder", folder}, {"entries", array}};
  QDir().mkpath(QFileInfo(indexPath).absolutePath());
  QSaveFile file(indexPath);
  return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(index).toJson(QJsonDocument::Compact)) >= 0 &&
         file.commit();
}

}  // namespace bksdm::gallery
