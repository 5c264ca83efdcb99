#include "core/io/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cerrno>
#include <cstring>
#include <string>

#include "core/io/error.h"
#include "core/io/file_read.h"

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

[[noreturn]] void refuse(const std::filesystem::path& path, const std::string& why) {
  throw Error("cannot write " + path.string() + ": " + why);
}

// The file a write to `path` replaces: `path`, or the final target of the symbolic links it is.
std::filesystem::path write_target(const std::filesystem::path& path) {
  if (path.empty()) refuse(path, "no file name given");
  std::filesystem::path target = path;
  for (int hops = 0;; ++hops) {
    std::error_code error;
    if (!std::filesystem::is_symlink(target, error)) break;
    if (hops == 40) refuse(path, "a loop of symbolic links");
    const std::filesystem::path link = std::filesystem::read_symlink(target, error);
    if (error) refuse(path, "cannot read the symbolic link " + target.string() + ": " + error.message());
    target = link.is_absolute() ? link : target.parent_path() / link;
  }
  if (const std::string kind = special_file_kind(target); !kind.empty())
    refuse(path, (target == path ? "it is " : target.string() + ", which it links to, is ") + kind +
                     ", not a regular file; only regular files are replaced");
  return target;
}

std::filesystem::path folder_of(const std::filesystem::path& path) {
  return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

std::string temporary_prefix(const std::filesystem::path& path) {
  // Appended piecewise (GCC 12 warns wrongly on "." + name).
  std::string prefix = ".";
  prefix += path.filename().string();
  prefix += ".tmp-";
  return prefix;
}

// Whether the leftover temporary `name` (PREFIX PID-N) belongs to no running writer: its process
// is gone, or it is older than any write takes.
bool is_stale(const std::filesystem::directory_entry& entry, std::string_view pid_and_counter) {
  const size_t dash = pid_and_counter.find('-');
  const std::string pid_text(pid_and_counter.substr(0, dash));
  if (dash == std::string_view::npos || pid_text.empty() || pid_text.size() > 9 ||
      pid_text.find_first_not_of("0123456789") != std::string::npos)
    return false;  // not a name this writer makes
  const pid_t pid = pid_t(std::stol(pid_text));
  if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) return true;
  std::error_code error;
  const auto modified = entry.last_write_time(error);
  return !error && std::filesystem::file_time_type::clock::now() - modified > std::chrono::hours(1);
}

// Temporaries of `path` left by a writer that was killed mid-write.
void remove_stale_temporaries(const std::filesystem::path& path, const std::filesystem::path& folder) {
  const std::string prefix = temporary_prefix(path);
  std::error_code error;
  for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) == 0 && it->is_regular_file(error) &&
        is_stale(*it, std::string_view(name).substr(prefix.size())))
      std::filesystem::remove(it->path(), error);
  }
}

}  // namespace

void check_output_path(const std::filesystem::path& path, bool may_create_folder) {
  std::filesystem::path folder = folder_of(write_target(path));
  std::error_code error;
  // A relative folder's first part is made in the current one.
  while (may_create_folder && !std::filesystem::exists(folder, error)) {
    const std::filesystem::path parent = folder.has_parent_path() ? folder.parent_path() : std::filesystem::path(".");
    if (parent == folder) break;
    folder = parent;
  }
  if (!std::filesystem::is_directory(folder, error))
    refuse(path, folder.string() + (std::filesystem::exists(folder, error) ? " is not a folder" : " does not exist"));
  if (::access(folder.c_str(), W_OK | X_OK) != 0)
    refuse(path, "the folder " + folder.string() + " is not writable: " + std::strerror(errno));
}

void write_file_atomically(const std::filesystem::path& requested, const std::vector<std::string_view>& parts) {
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path path = write_target(requested);
  const std::filesystem::path folder = folder_of(path);
  remove_stale_temporaries(path, folder);
  // Hidden and unique per process and call.
  const std::filesystem::path temporary =
      folder / (temporary_prefix(path) + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  const auto failure = [&](const std::string& step, int error) {
    return Error("cannot write " + requested.string() + ": " + step + ": " + std::strerror(error));
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
