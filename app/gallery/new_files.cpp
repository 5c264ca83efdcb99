#include "app/gallery/new_files.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "core/io/error.h"

namespace bksdm::gallery {
namespace {

struct Text {
  Q_DECLARE_TR_FUNCTIONS(NewFiles)
};

const QString kTemporaryPrefix = QStringLiteral(".bksdm-partial-");

// `what` is marked with QT_TRANSLATE_NOOP and translated here, after errno is read.
[[noreturn]] void fail(const QString& folder, const char* what, int error) {
  const QString reason = QString::fromLocal8Bit(std::strerror(error));
  throw Error(Text::tr("Cannot save in %1: %2 (%3)")
                  .arg(QDir::toNativeSeparators(folder), Text::tr(what), reason)
                  .toStdString());
}

[[noreturn]] void failWithErrno(const QString& folder, const char* what) { fail(folder, what, errno); }

QByteArray nativePath(const QString& path) { return QFile::encodeName(path); }

void writeAll(int fd, const QByteArray& bytes, const QString& folder) {
  qsizetype done = 0;
  while (done < bytes.size()) {
    const ssize_t written = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) failWithErrno(folder, QT_TRANSLATE_NOOP("NewFiles", "writing failed"));
    done += written;
  }
}

// A hidden file beside the final place, created exclusively, written and synced; removed again
// unless it was renamed into place.
class TemporaryFile {
 public:
  TemporaryFile(const QString& folder, const QByteArray& bytes) {
    int fd = -1;
    while (fd < 0) {
      path_ = QDir(folder).filePath(kTemporaryPrefix +
                                    QString::number(QRandomGenerator::global()->generate64(), 36));
      fd = ::open(nativePath(path_).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd < 0 && errno != EEXIST) {
        path_.clear();
        failWithErrno(folder, QT_TRANSLATE_NOOP("NewFiles", "cannot create a file"));
      }
    }
    try {
      writeAll(fd, bytes, folder);
      if (::fsync(fd) != 0) failWithErrno(folder, QT_TRANSLATE_NOOP("NewFiles", "writing to the disk failed"));
      // Some file systems (NFS) report a failed write only when the file is closed.
      const int closed = ::close(fd);
      fd = -1;
      if (closed != 0) failWithErrno(folder, QT_TRANSLATE_NOOP("NewFiles", "writing to the disk failed"));
    } catch (...) {
      if (fd >= 0) ::close(fd);
      ::unlink(nativePath(path_).constData());
      throw;
    }
  }
  ~TemporaryFile() {
    if (!path_.isEmpty()) ::unlink(nativePath(path_).constData());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  const QString& path() const { return path_; }
  void release() { path_.clear(); }

 private:
  QString path_;
};

// Renames `from` to `to` unless `to` exists (then returns false); never replaces a file.
bool renameWithoutReplacing(const QString& from, const QString& to, const QString& folder) {
  const QByteArray source = nativePath(from), target = nativePath(to);
  if (::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE) == 0)
    return true;
  if (errno == EEXIST) return false;
  if (errno != EINVAL && errno != ENOSYS) failWithErrno(folder, QT_TRANSLATE_NOOP("NewFiles", "cannot rename the written file"));
  // This file system cannot rename without replacing; a hard link refuses an existing name too.
  if (::link(source.constData(), target.constData()) != 0) {
    if (errno == EEXIST) return false;
    failWithErrno(folder, QT_TRANSLATE_NOOP("NewFiles", "cannot rename the written file"));
  }
  ::unlink(source.constData());
  return true;
}

// The new names must survive a power cut too, not just the data behind them.
void syncFolder(const QString& folder) {
  const int fd = ::open(nativePath(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

QString candidateStem(const QString& stem, int attempt) {
  return attempt == 1 ? stem : QStringLiteral("%1-%2").arg(stem).arg(attempt);
}

}  // namespace

QString writeNewFiles(const QString& folder, const QString& stem, const QList<NewFile>& files) {
  std::vector<std::unique_ptr<TemporaryFile>> temporaries;
  for (const NewFile& file : files) temporaries.push_back(std::make_unique<TemporaryFile>(folder, file.bytes));

  constexpr int kMaxAttempts = 100000;
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    const QString candidate = candidateStem(stem, attempt);
    QStringList placed;
    for (qsizetype i = 0; i < files.size(); ++i) {
      const QString target = QDir(folder).filePath(candidate + files[i].suffix);
      if (!renameWithoutReplacing(temporaries[size_t(i)]->path(), target, folder)) break;
      placed << target;
    }
    if (placed.size() == files.size()) {
      for (auto& temporary : temporaries) temporary->release();
      syncFolder(folder);
      return candidate;
    }
    // Another file holds this stem: give back what this attempt placed, under the temporary names.
    for (qsizetype i = 0; i < placed.size(); ++i)
      ::rename(nativePath(placed[i]).constData(), nativePath(temporaries[size_t(i)]->path()).constData());
  }
  fail(folder, QT_TRANSLATE_NOOP("NewFiles", "no free file name"), EEXIST);
}

bool isTemporaryFileName(const QString& fileName) { return fileName.startsWith(kTemporaryPrefix); }

void removeStaleTemporaryFiles(const QString& folder, std::chrono::seconds age) {
  const QDateTime limit = QDateTime::currentDateTime().addSecs(-age.count());
  const QFileInfoList leftovers = QDir(folder).entryInfoList({kTemporaryPrefix + '*'}, QDir::Files | QDir::Hidden);
  for (const QFileInfo& leftover : leftovers)
    if (leftover.lastModified() < limit) QFile::remove(leftover.filePath());
}

}  // namespace bksdm::gallery
