#include "core/io/file_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/io/error.h"
#include "core/io/message_text.h"

namespace bksdm {
namespace {

std::string kind_of_mode(mode_t mode) {
  if (S_ISREG(mode)) return "";
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
  throw Error(path.string() + ": " + what);
}

void check_regular(const std::filesystem::path& path, const struct stat& st, const FileLimit& limit) {
  if (const std::string kind = kind_of_mode(st.st_mode); !kind.empty())
    fail(path, "is " + kind + ", not a regular file");
  if (uint64_t(st.st_size) > limit.max_bytes)
    fail(path, "is " + size_text(uint64_t(st.st_size)) + "; " + std::string(limit.kind) + " is at most " +
                   size_text(limit.max_bytes));
}

}  // namespace

std::string special_file_kind(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  return kind_of_mode(st.st_mode);
}

int open_regular_file(const std::filesystem::path& path, const FileLimit& limit, uint64_t* size) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) fail(path, "cannot read: the file is missing");
    if (errno == ELOOP) fail(path, "a loop of symbolic links");
    fail(path, std::string("cannot open: ") + std::strerror(errno));
  }
  check_regular(path, st, limit);
  // O_NONBLOCK: should the path be swapped for a FIFO after the check, opening it does not block.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) fail(path, std::string("cannot open: ") + std::strerror(errno));
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || uint64_t(st.st_size) > limit.max_bytes) {
    ::close(fd);
    check_regular(path, st, limit);
    fail(path, "changed while it was opened");
  }
  *size = uint64_t(st.st_size);
  return fd;
}

std::string read_regular_file(const std::filesystem::path& path, const FileLimit& limit) {
  uint64_t size = 0;
  const int fd = open_regular_file(path, limit, &size);
  std::string content(size, '\0');
  size_t filled = 0;
  while (filled < content.size()) {
    const ssize_t got = ::read(fd, content.data() + filled, content.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int error = errno;
      ::close(fd);
      fail(path, std::string("cannot read: ") + std::strerror(error));
    }
    if (got == 0) break;  // shrank since the size was read: what is there is the file
    filled += size_t(got);
  }
  ::close(fd);
  content.resize(filled);
  return content;
}

}  // namespace bksdm
