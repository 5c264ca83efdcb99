// The engine's single-file reads (core/io/file_read.h) on every kind of file a folder can hold in
// place of the one expected. The input's first byte picks the kind, the second the size limit
// (around the content's size, to hit the cap exactly), the rest is the content. A regular file
// within the limit reads back byte for byte; anything else is a bksdm::Error that names the path,
// at once: a FIFO must not block, a device must not stream.
#include <sys/stat.h>

#include <cstdlib>

#include "core/io/error.h"
#include "core/io/file_read.h"
#include "fuzz/fuzz_support.h"

namespace {

namespace fs = std::filesystem;

enum class Kind { Regular, LinkToRegular, Fifo, Folder, LinkLoop, Dangling, LinkToZero, LinkToNull, Missing, Count };

// Makes `path` a file of `kind` holding `content` where it is one; true where it is a regular file.
bool make_file(const bksdm::fuzz::ScratchDir& dir, const fs::path& path, Kind kind, std::string_view content) {
  switch (kind) {
    case Kind::Regular:
      dir.write(path.filename(), content);
      return true;
    case Kind::LinkToRegular:
      dir.write("target", content);
      fs::create_symlink("target", path);
      return true;
    case Kind::Fifo:
      ::mkfifo(path.c_str(), 0600);
      return false;
    case Kind::Folder:
      fs::create_directory(path);
      return false;
    case Kind::LinkLoop:
      fs::create_symlink("loop", path);
      fs::create_symlink(path.filename(), dir.path() / "loop");
      return false;
    case Kind::Dangling:
      fs::create_symlink("nowhere", path);
      return false;
    case Kind::LinkToZero:
      fs::create_symlink("/dev/zero", path);
      return false;
    case Kind::LinkToNull:
      fs::create_symlink("/dev/null", path);
      return false;
    default:
      return false;
  }
}

uint64_t limit_for(uint8_t selector, size_t content_size) {
  switch (selector % 6) {
    case 0: return 0;
    case 1: return content_size == 0 ? 0 : content_size - 1;
    case 2: return content_size;
    case 3: return content_size + 1;
    case 4: return 4096;
    default: return 1ull << 20;
  }
}

void expect_refused(const fs::path& path, const bksdm::FileLimit& limit) {
  try {
    (void)bksdm::read_regular_file(path, limit);
  } catch (const bksdm::Error& error) {
    if (std::string_view(error.what()).find(path.string()) == std::string_view::npos) std::abort();
    return;
  }
  std::abort();
}

void check_read(const fs::path& path, bool regular, std::string_view content, const bksdm::FileLimit& limit) {
  if (!regular || content.size() > limit.max_bytes) return expect_refused(path, limit);
  if (bksdm::read_regular_file(path, limit) != content) std::abort();
  if (!bksdm::special_file_kind(path).empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bksdm::fuzz::ScratchDir dir("file-read");
  if (size < 2) return 0;
  const auto kind = Kind(data[0] % uint8_t(Kind::Count));
  const std::string_view content = bksdm::fuzz::as_text(data + 2, size - 2);
  for (const char* name : {"config.json", "target", "loop"}) fs::remove_all(dir.path() / name);
  const fs::path path = dir.path() / "config.json";
  const bool regular = make_file(dir, path, kind, content);
  const bool special = kind == Kind::Fifo || kind == Kind::Folder || kind == Kind::LinkToZero || kind == Kind::LinkToNull;
  if (special && bksdm::special_file_kind(path).empty()) std::abort();
  check_read(path, regular, content, {limit_for(data[1], content.size()), "a fuzzed file"});
  return 0;
}
