#include "app/hub/cache_file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <cerrno>
#include <cstring>

#include "app/hub/hub_error.h"

namespace bksdm {
namespace {

class LockMessages {
  Q_DECLARE_TR_FUNCTIONS(bksdm::LockMessages)

 public:
  static HubError busy(const QString& path) {
    return {HubError::Kind::Busy,
            tr("Another program is downloading the same file right now (it holds %1).").arg(path)};
  }
  static HubError cannotCreate(const QString& path, const char* why) {
    return {HubError::Kind::Disk, tr("Cannot create the lock file %1: %2").arg(path, QString::fromLocal8Bit(why))};
  }
};

}  // namespace

CacheFileLock::CacheFileLock(const QString& path) {
  QDir().mkpath(QFileInfo(path).path());
  fd_ = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw LockMessages::cannotCreate(path, std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd_);
    if (error == EWOULDBLOCK) throw LockMessages::busy(path);
    throw LockMessages::cannotCreate(path, std::strerror(error));
  }
}

CacheFileLock::~CacheFileLock() {
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

}  // namespace bksdm
