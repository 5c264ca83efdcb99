#pragma once
#include <QString>

namespace bksdm {

// huggingface_hub's lock on a blob while it downloads it (filelock's flock() on
// .locks/models--ORG--NAME/ETAG.lock), taken the same way, so this app and Python never write one
// blob at once. A lock held elsewhere is a HubError::Kind::Busy; failing to create the lock file is
// Kind::Disk.
class CacheFileLock {
 public:
  explicit CacheFileLock(const QString& path);
  ~CacheFileLock();
  CacheFileLock(const CacheFileLock&) = delete;
  CacheFileLock& operator=(const CacheFileLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace bksdm
