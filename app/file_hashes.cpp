#include "app/file_hashes.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include "core/io/file_digest.h"

namespace bksdm {
namespace {

QJsonObject readCache(const QString& cacheFile) {
  QFile file(cacheFile);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(file.readAll()).object();
}

QString computeSha256(const QString& path) {
  QFile file(path);
  QCryptographicHash sha256(QCryptographicHash::Sha256);
  if (!file.open(QIODevice::ReadOnly) || !sha256.addData(&file)) return {};
  return QString::fromLatin1(sha256.result().toHex());
}

QString computeSafetensorsDataSha256(const QString& path) {
  try {
    return QString::fromStdString(safetensors_data_sha256(path.toStdString()));
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace

FileHashes::FileHashes()
    : FileHashes(QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(QStringLiteral("file-hashes.json"))) {}

FileHashes::FileHashes(QString cacheFile) : cacheFile_(std::move(cacheFile)), entries_(readCache(cacheFile_)) {}

QString FileHashes::sha256(const QString& path) { return cached({}, path, computeSha256); }

QString FileHashes::safetensorsDataSha256(const QString& path) {
  return cached(QStringLiteral("safetensors-data:"), path, computeSafetensorsDataSha256);
}

QString FileHashes::cached(const QString& kind, const QString& path, QString (*compute)(const QString&)) {
  const QFileInfo info(path);
  const QString key = kind + info.absoluteFilePath();
  const QJsonObject stamp{{"size", info.size()}, {"mtime_ms", info.lastModified().toMSecsSinceEpoch()}};
  QJsonObject entry = entries_.value(key).toObject();
  const QString cached = entry.take(QStringLiteral("sha256")).toString();
  if (!cached.isEmpty() && entry == stamp) return cached;
  const QString hash = compute(path);
  if (hash.isEmpty()) return {};
  QJsonObject stored = stamp;
  stored[QStringLiteral("sha256")] = hash;
  entries_[key] = stored;
  save();
  return hash;
}

// Replaced whole (QSaveFile): a reader never sees half a file. A failed write only costs a rehash.
void FileHashes::save() const {
  QDir().mkpath(QFileInfo(cacheFile_).absolutePath());
  QSaveFile file(cacheFile_);
  if (!file.open(QIODevice::WriteOnly)) return;
  file.write(QJsonDocument(entries_).toJson(QJsonDocument::Compact));
  file.commit();
}

}  // namespace bksdm
