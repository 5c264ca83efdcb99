#include "core/io/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "core/io/error.h"

namespace bksdm {
namespace {

// 0, or the errno of the failed write.
int write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return written < 0 ? errno : EIO;
    bytes.remove_prefix(size_t(written));
  }
  return 0;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, const std::vector<std::string_view>& parts) {
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  // Hidden and unique per process and call; appended piecewise (GCC 12 warns wrongly on "." + name).
  std::string name = ".";
  name += path.filename().string();
  name += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  const std::filesystem::path temporary = folder / name;
  const auto failure = [&](const std::string& step, int error) {
    return Error("cannot write " + path.string() + ": " + step + ": " + std::strerror(error));
  };
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) throw failure("cannot create a file in " + folder.string(), errno);
  int error = 0;
  for (size_t i = 0; i < parts.size() && error == 0; ++i) error = write_all(fd, parts[i]);
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) {
    ::unlink(temporary.c_str());
    throw failure("writing failed", error);
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    error = errno;
    ::unlink(temporary.c_str());
    throw failure("cannot replace it", error);
  }
  // Make the rename itself durable; the file is already complete, so a failure here is not reported.
  const int folder_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder_fd >= 0) {
    ::fsync(folder_fd);
    ::close(folder_fd);
  }
}


}  // namespace bksdm
