// sha256 of files, whole and, for safetensors, of the tensor data alone (A1111's LoRA hash): against
// FIPS 180-2's test vectors.
#include <gtest/gtest.h>

#include <fstream>

#include "core/io/error.h"
#include "core/io/file_digest.h"
#include "tests/core/test_support.h"

namespace {

using bksdm::testing::error_of;
using bksdm::testing::TempDir;

void write(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// FIPS 180-2, appendix B.1, and the empty message.
constexpr const char* kAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr const char* kEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

TEST(FileDigest, HashesTheWholeFile) {
  const TempDir dir("digest");
  write(dir / "abc", "abc");
  write(dir / "empty", "");
  EXPECT_EQ(bksdm::file_sha256(dir / "abc"), kAbc);
  EXPECT_EQ(bksdm::file_sha256(dir / "empty"), kEmpty);
}

// What follows the 8-byte length and the header, whatever the header says.
TEST(FileDigest, HashesASafetensorsFilesDataAlone) {
  const TempDir dir("digest");
  const std::string header = R"({"__metadata__":{"any":"thing"}})";
  std::string length(8, '\0');
  length[0] = char(header.size());
  write(dir / "x.safetensors", length + header + "abc");
  write(dir / "none.safetensors", length + header);
  EXPECT_EQ(bksdm::safetensors_data_sha256(dir / "x.safetensors"), kAbc);
  EXPECT_EQ(bksdm::safetensors_data_sha256(dir / "none.safetensors"), kEmpty);
}

TEST(FileDigest, RefusesWhatItCannotHash) {
  const TempDir dir("digest");
  write(dir / "short.safetensors", "abc");
  std::string length(8, '\0');
  length[0] = char(100);
  write(dir / "cut.safetensors", length + "{}");
  EXPECT_NE(error_of([&] { bksdm::safetensors_data_sha256(dir / "short.safetensors"); }).find("not a safetensors file"),
            std::string::npos);
  EXPECT_NE(error_of([&] { bksdm::safetensors_data_sha256(dir / "cut.safetensors"); }).find("runs past the end"),
            std::string::npos);
  EXPECT_NE(error_of([&] { bksdm::file_sha256(dir / "missing"); }).find("missing"), std::string::npos);
  EXPECT_NE(error_of([&] { bksdm::file_sha256(dir.path()); }).find("a folder"), std::string::npos);
}

}  // namespace
