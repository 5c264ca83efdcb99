#pragma once
#include <QJsonObject>
#include <QString>

namespace bksdm {

// sha256 of files, each read once ever: a result is kept in a JSON file under the file's absolute
// path with its size and mtime, and used while both are unchanged. For model weights, gigabytes that
// take seconds to hash and hardly ever change, and LoRAs. Not thread-safe: one owner uses it.
class FileHashes {
 public:
  // The cache in the app's cache folder (QStandardPaths::CacheLocation).
  FileHashes();
  explicit FileHashes(QString cacheFile);

  // Hex; empty when the file cannot be read.
  QString sha256(const QString& path);
  // The sha256 of a safetensors file's tensor data (A1111's hash of LoRAs, core's
  // safetensors_data_sha256), kept apart from the whole file's; empty when it cannot be read.
  QString safetensorsDataSha256(const QString& path);

 private:
  // The hash of `path` of kind `kind` ("" the whole file's), from the cache or `compute`.
  QString cached(const QString& kind, const QString& path, QString (*compute)(const QString&));
  void save() const;

  QString cacheFile_;
  QJsonObject entries_;  // kind + absolute path -> {size, mtime_ms, sha256}
};

}  // namespace bksdm
