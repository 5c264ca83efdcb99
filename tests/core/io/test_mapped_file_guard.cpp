// Weight files change under their mappings: truncated (every read past the new end raises SIGBUS),
// rewritten in place (a private mapping still shows the file's new bytes) or replaced. The engine
// must turn each into an Error naming the file, never die or silently compute with other weights.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <ATen/ATen.h>

#include "core/io/mapped_file_guard.h"
#include "core/io/safetensors.h"
#include "tests/core/test_support.h"

namespace fs = std::filesystem;

namespace {

using namespace bksdm::testing;

constexpr int64_t kValues = 1 << 16;  // 256 KiB of float32: many pages

fs::path write_ones(const fs::path& path) {
  bksdm::write_safetensors(path, {{"w", at::ones({kValues})}});
  return path;
}

// A byte of the data area changed where it lies, as `dd conv=notrunc` or a copy over it would do;
// after a pause longer than the file system's clock tick, so that the modification time moves.
void rewrite_in_place(const fs::path& path) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekp(-1, std::ios::end);
  file.put('\x7f');
}

class MappedFiles : public ::testing::Test {
 protected:
  TempDir temp_{"mapped"};
  fs::path file_ = write_ones(temp_ / "weights.safetensors");
};

TEST_F(MappedFiles, TruncatedUnderAReadIsAnErrorNotDeath) {
  bksdm::MappedFilesWatch watch({file_});
  const auto file = bksdm::SafetensorsFile::open(file_);
  const at::Tensor view = file->tensor("w");
  EXPECT_NO_THROW(watch.check());
  fs::resize_file(file_, 0);
  // Every page now lies past the end of the file: the reads get zeros instead of SIGBUS.
  EXPECT_EQ(view.sum().item<float>(), 0.0f);
  const std::string message = error_of([&] { watch.check(); });
  EXPECT_NE(message.find(file_.string() + " was truncated while it was being read: reload the model"),
            std::string::npos)
      << message;
  // Once told, the file is still not the one mapped.
  EXPECT_NE(error_of([&] { watch.check(); }).find("changed size from"), std::string::npos);
}

TEST_F(MappedFiles, TruncationDuringOnePassIsToldAfterTheMappingIsGone) {
  bksdm::MappedFilesWatch watch({file_});
  {
    const auto file = bksdm::SafetensorsFile::open(file_);
    fs::resize_file(file_, 0);
    EXPECT_EQ(file->tensor("w").sum().item<float>(), 0.0f);
  }
  EXPECT_NE(error_of([&] { watch.check(); }).find("was truncated while it was being read"), std::string::npos);
}

TEST_F(MappedFiles, RewrittenInPlaceIsNoticed) {
  bksdm::MappedFilesWatch watch({file_});
  const auto file = bksdm::SafetensorsFile::open(file_);
  rewrite_in_place(file_);
  const std::string message = error_of([&] { watch.check(); });
  EXPECT_NE(message.find(file_.string() + " was rewritten since the model loaded it: reload the model"),
            std::string::npos)
      << message;
}

TEST_F(MappedFiles, ReplacedOrRemovedIsNoticed) {
  bksdm::MappedFilesWatch watch({file_});
  const auto file = bksdm::SafetensorsFile::open(file_);
  write_ones(file_);  // written beside and renamed over it
  EXPECT_NE(error_of([&] { watch.check(); }).find("was replaced by another file"), std::string::npos);
  fs::remove(file_);
  EXPECT_NE(error_of([&] { watch.check(); }).find("was removed"), std::string::npos);
}

// A file loaded per run (or copied to a GPU) is read afresh by its next load: it may change.
TEST_F(MappedFiles, AFileNoLongerMappedMayChange) {
  bksdm::MappedFilesWatch watch({file_});
  bksdm::SafetensorsFile::open(file_)->tensor("w").sum();
  rewrite_in_place(file_);
  EXPECT_NO_THROW(watch.check());
}

// Mappings made before the watch belong to another model, and other files to nobody watched here.
TEST_F(MappedFiles, OnlyTheWatchedFilesMappedSinceTheWatchBeganCount) {
  const auto earlier = bksdm::SafetensorsFile::open(file_);
  const fs::path other = write_ones(temp_ / "other.safetensors");
  bksdm::MappedFilesWatch watch({file_});
  const auto unwatched = bksdm::SafetensorsFile::open(other);
  rewrite_in_place(file_);
  fs::resize_file(other, 0);
  EXPECT_EQ(unwatched->tensor("w").sum().item<float>(), 0.0f);
  EXPECT_NO_THROW(watch.check());
}

// The handler takes only faults inside the engine's mappings: any other bus error still ends the
// process, as it would without the handler.
TEST_F(MappedFiles, OtherBusErrorsStillKill) {
  const auto guarded = bksdm::SafetensorsFile::open(file_);  // the handler is installed
  const fs::path plain = write_ones(temp_ / "plain.safetensors");
  EXPECT_EXIT(
      {
        const int fd = ::open(plain.c_str(), O_RDONLY);
        const auto* bytes = static_cast<const volatile char*>(::mmap(nullptr, 65536, PROT_READ, MAP_PRIVATE, fd, 0));
        (void)::ftruncate(::open(plain.c_str(), O_WRONLY), 0);
        std::exit(bytes[32768]);
      },
      ::testing::KilledBySignal(SIGBUS), "");
}

}  // namespace
