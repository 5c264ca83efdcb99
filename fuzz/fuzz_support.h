#pragma once
// What the fuzz targets share: the libFuzzer entry point's signature, and a scratch folder for the
// readers that take a path.
#include <unistd.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace bksdm::fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A folder of this process's own, in RAM where the system has /dev/shm: the readers under test
// take paths, and each input is written out before it is read.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag) {
    const std::filesystem::path shm = "/dev/shm";
    const std::filesystem::path base = std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path();
    path_ = base / ("bksdm-fuzz-" + tag + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  std::filesystem::path write(const std::string& name, std::string_view bytes) const {
    const std::filesystem::path file = path_ / name;
    std::ofstream(file, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(bytes.size()));
    return file;
  }

 private:
  std::filesystem::path path_;
};

// The parts of an input that holds several files: separated by a line "%%" ("\n%%\n"). Seeds are
// then readable text, and mutations can move bytes between the files.
inline std::vector<std::string_view> split_parts(std::string_view input) {
  constexpr std::string_view kSeparator = "\n%%\n";
  std::vector<std::string_view> parts;
  for (size_t at = input.find(kSeparator); at != std::string_view::npos; at = input.find(kSeparator)) {
    parts.push_back(input.substr(0, at));
    input.remove_prefix(at + kSeparator.size());
  }
  parts.push_back(input);
  return parts;
}

inline constexpr std::string_view kPngSignature = "\x89PNG\r\n\x1a\n";

// A PNG with each chunk's CRC recomputed, as far as the chunk lengths stay inside it, so that
// mutations get past the checksums into the parsers behind them.
inline std::string with_right_crcs(std::string png) {
  const auto u32_at = [&](size_t at) {
    return uint32_t(uint8_t(png[at])) << 24 | uint32_t(uint8_t(png[at + 1])) << 16 |
           uint32_t(uint8_t(png[at + 2])) << 8 | uint32_t(uint8_t(png[at + 3]));
  };
  for (size_t at = kPngSignature.size(); png.size() >= at + 12;) {
    const uint32_t length = u32_at(at);
    if (length > png.size() - at - 12) break;
    const auto* typed = reinterpret_cast<const Bytef*>(png.data() + at + 4);
    const uint32_t crc = uint32_t(crc32(crc32(0, nullptr, 0), typed, uInt(length + 4)));
    for (int i = 0; i < 4; ++i) png[at + 8 + length + size_t(i)] = char(crc >> (24 - 8 * i));
    at += 12 + size_t(length);
  }
  return png;
}

}  // namespace bksdm::fuzz
