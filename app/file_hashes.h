#pragma once
#include <QJsonObject>
#include <QString>

namespace bksdm {

// sha256 of files, each read once ever: a result is kept in a JSON file under the file's absolute
// path with its size and mtime, and used while both are unchanged. For model weights, gigabytes that
// take seconds to hash and hardly ever change. Not thread-safe: one owner (the worker) uses it.
class FileHashes {
 public:
  // The cache in the app's cache folder (QStandardPaths::CacheLocation).
  FileHashes();
  explicit FileHashes(QString cacheFile);

  // Hex; empty when the file cannot be read.
  QString sha256(const QString& path);

 private:
  void save() const;

  QString cacheFile_;
  QJsonObject entries_;  // absolute path -> {size, mtime_ms, sha256}
};

}  // namespace bksdm
