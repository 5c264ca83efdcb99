#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace bksdm {

// Files the engine reads (configs, tokenizer files, weights, images, cache refs) may be named by a
// folder somebody else made: each is checked to be a regular file before it is opened, so a FIFO
// cannot block and a device cannot stream forever, and refused when larger than a file of its kind
// can sensibly be. `kind` names it in messages ("a config file").
struct FileLimit {
  uint64_t max_bytes;
  std::string_view kind;
};

inline constexpr FileLimit kConfigFile{1ull << 20, "a config file"};
inline constexpr FileLimit kTokenizerFile{16ull << 20, "a tokenizer file"};
inline constexpr FileLimit kRefFile{4096, "a Hugging Face cache ref"};

// The file's descriptor, opened read-only once it is known to be a regular file within the
// limit; `size` receives its size. The caller closes it.
int open_regular_file(const std::filesystem::path& path, const FileLimit& limit, uint64_t* size);

// The whole file, checked as above.
std::string read_regular_file(const std::filesystem::path& path, const FileLimit& limit);

// "a folder", "a FIFO (named pipe)", ...: what `path` is when it is not a regular file, or empty.
std::string special_file_kind(const std::filesystem::path& path);

}  // namespace bksdm
