#include "app/hub/hub_cache_repo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <filesystem>
#include <system_error>

#include "app/hub/hub_error.h"

namespace fs = std::filesystem;

namespace bksdm {
namespace {

class CacheMessages {
  Q_DECLARE_TR_FUNCTIONS(bksdm::CacheMessages)

 public:
  static HubError cannotWrite(const QString& path, const QString& why) {
    return {HubError::Kind::Disk, tr("Cannot write %1 in the Hugging Face cache: %2").arg(path, why)};
  }
};

fs::path toPath(const QString& path) { return fs::path(path.toStdString()); }

void makeFolder(const QString& path) {
  if (!QDir().mkpath(path)) throw CacheMessages::cannotWrite(path, QStringLiteral("mkdir"));
}

}  // namespace

HubCacheRepo::HubCacheRepo(const QString& cacheDir, const QString& repoId)
    : cacheDir_(cacheDir), repoId_(repoId), folder_(cacheDir + QLatin1Char('/') + folderName(repoId)) {}

QString HubCacheRepo::folderName(const QString& repoId) {
  return QLatin1String("models--") + QString(repoId).replace(QLatin1Char('/'), QLatin1String("--"));
}

QString HubCacheRepo::blobPath(const QString& etag) const { return folder_ + QLatin1String("/blobs/") + etag; }

QString HubCacheRepo::incompletePath(const QString& etag) const {
  return blobPath(etag) + QLatin1String(".incomplete");
}

QString HubCacheRepo::lockPath(const QString& etag) const {
  return cacheDir_ + QLatin1String("/.locks/") + folderName(repoId_) + QLatin1Char('/') + etag + QLatin1String(".lock");
}

QString HubCacheRepo::snapshotPath(const QString& commit) const {
  return folder_ + QLatin1String("/snapshots/") + commit;
}

QString HubCacheRepo::pointerPath(const QString& commit, const QString& file) const {
  return snapshotPath(commit) + QLatin1Char('/') + file;
}

bool HubCacheRepo::hasFile(const QString& commit, const QString& file) const {
  std::error_code error;
  return fs::is_regular_file(toPath(pointerPath(commit, file)), error);
}

bool HubCacheRepo::hasBlob(const QString& etag) const {
  std::error_code error;
  return fs::is_regular_file(toPath(blobPath(etag)), error);
}

void HubCacheRepo::createBlobFolder() const {
  makeFolder(folder_ + QLatin1String("/blobs"));
  makeFolder(QFileInfo(lockPath(QStringLiteral("x"))).path());
}

void HubCacheRepo::linkFile(const QString& commit, const QString& file, const QString& etag) const {
  const fs::path pointer = toPath(pointerPath(commit, file));
  makeFolder(QString::fromStdString(pointer.parent_path().string()));
  // As huggingface_hub's _create_symlink: relative, so the cache can move as a whole.
  const fs::path target = toPath(blobPath(etag)).lexically_relative(pointer.parent_path());
  std::error_code error;
  fs::remove(pointer, error);
  fs::create_symlink(target, pointer, error);
  if (error) throw CacheMessages::cannotWrite(pointerPath(commit, file), QString::fromStdString(error.message()));
}

void HubCacheRepo::writeRef(const QString& revision, const QString& commit) const {
  if (revision == commit) return;
  const QString path = folder_ + QLatin1String("/refs/") + revision;
  makeFolder(QFileInfo(path).path());
  QSaveFile ref(path);
  if (!ref.open(QIODevice::WriteOnly) || ref.write(commit.toLatin1()) < 0 || !ref.commit())
    throw CacheMessages::cannotWrite(path, ref.errorString());
}

}  // namespace bksdm
