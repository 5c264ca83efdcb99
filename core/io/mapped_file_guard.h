#pragma once
#include <sys/stat.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace bksdm {

// What tells one state of a file from another without reading it: a file replaced (another inode),
// rewritten in place (mtime, ctime) or truncated (size) is not the file that was mapped.
struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;
  bool operator==(const FileIdentity&) const = default;
};

FileIdentity file_identity(const struct stat& status);

// A file mapping the engine reads tensors from, registered for as long as the object lives (destroy
// it before unmapping). A file truncated under a mapping makes every read past its new end raise
// SIGBUS, which kills the process by default; inside a registered mapping the engine's handler
// instead maps zero pages over the rest of the mapping and marks it damaged, so that the reading
// thread (an OpenMP worker, say) goes on and the run can fail with an Error (MappedFilesWatch).
// Faults anywhere else go to the handler that was there before, or get the default action.
class MappingGuard {
 public:
  MappingGuard(void* begin, size_t size, const std::filesystem::path& path, const FileIdentity& identity);
  ~MappingGuard();
  MappingGuard(const MappingGuard&) = delete;
  MappingGuard& operator=(const MappingGuard&) = delete;

 private:
  uint64_t number_;
};

// The mappings of a model's weight files, watched across its runs: those of `files` made from the
// watch's construction on (so not another model's mappings of the same file).
class MappedFilesWatch {
 public:
  MappedFilesWatch() = default;
  explicit MappedFilesWatch(std::vector<std::filesystem::path> files);

  // Throws a bksdm::Error naming the file when one of the mappings was truncated since the last
  // check ("... was truncated while it was being read: reload the model"), or when a file still
  // mapped is no longer the file that was mapped (rewritten, replaced, truncated or removed), as its
  // tensors would then change under the model. A file not mapped now (loaded per run, or copied to
  // a GPU) may change: its next load reads it afresh.
  void check();

 private:
  std::vector<std::filesystem::path> files_;
  uint64_t first_mapping_ = 0;
  uint64_t damage_seen_ = 0;
};

}  // namespace bksdm
