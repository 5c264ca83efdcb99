#pragma once
#include <QString>

namespace bksdm {

// One repo's folder in the Hugging Face cache, written exactly as huggingface_hub writes it, so that
// diffusers and this app share one copy of every file:
//   models--ORG--NAME/blobs/ETAG                 the content (ETAG.incomplete while downloading)
//   models--ORG--NAME/snapshots/COMMIT/PATH      a relative symlink to ../../blobs/ETAG
//   models--ORG--NAME/refs/REVISION              the commit hash that REVISION names
//   .locks/models--ORG--NAME/ETAG.lock           flock()ed while a program downloads ETAG
// Failures to write are HubError::Kind::Disk.
class HubCacheRepo {
 public:
  HubCacheRepo(const QString& cacheDir, const QString& repoId);

  static QString folderName(const QString& repoId);  // "models--ORG--NAME"

  const QString& repoId() const { return repoId_; }
  const QString& folder() const { return folder_; }
  QString blobPath(const QString& etag) const;
  QString incompletePath(const QString& etag) const;
  QString lockPath(const QString& etag) const;
  QString snapshotPath(const QString& commit) const;
  QString pointerPath(const QString& commit, const QString& file) const;

  // The snapshot's PATH leads to a blob (a dangling link does not count).
  bool hasFile(const QString& commit, const QString& file) const;
  bool hasBlob(const QString& etag) const;

  // Makes the folders a download writes to.
  void createBlobFolder() const;
  // Points snapshots/COMMIT/FILE at blobs/ETAG, replacing whatever link was there.
  void linkFile(const QString& commit, const QString& file, const QString& etag) const;
  // refs/REVISION := COMMIT, unless REVISION is that commit.
  void writeRef(const QString& revision, const QString& commit) const;

 private:
  QString cacheDir_;
  QString repoId_;
  QString folder_;
};

}  // namespace bksdm
