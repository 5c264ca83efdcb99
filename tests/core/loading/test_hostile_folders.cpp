// Hostile model folders and cache entries: refs that point outside the cache, snapshot loops,
// special files and oversized files as configs. Each failed (escaped the cache, said "download it
// first", hung or read until memory ran out) before the fix.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "core/loading/model_folder.h"
#include "tests/core/test_support.h"

namespace {

namespace fs = std::filesystem;
using bksdm::ModelFolder;
using bksdm::testing::error_of;
using bksdm::testing::TempDir;

class HostileFolders : public ::testing::Test {
 protected:
  void TearDown() override { ::unsetenv("HF_HUB_CACHE"); }

  // A cached repo "a/b" whose refs/main holds `ref`, and a snapshot folder `snapshot` with a model.
  fs::path cached_repo(const std::string& ref) {
    const fs::path repo = dir_ / "hub" / "models--a--b";
    fs::create_directories(repo / "refs");
    std::ofstream(repo / "refs" / "main") << ref;
    ::setenv("HF_HUB_CACHE", (dir_ / "hub").c_str(), 1);
    return repo;
  }

  TempDir dir_{"hostile-folders"};
};

TEST_F(HostileFolders, ARefLeadingOutOfTheCacheIsRefused) {
  // A model folder two levels above the cache, which the ref would reach.
  fs::copy(bksdm::testing::kFixtures / "models" / "bk-sdm-tiny-mini", dir_ / "other", fs::copy_options::recursive);
  const fs::path repo = cached_repo("../../../other");
  fs::create_directories(repo / "snapshots");
  const std::string message = error_of([] { ModelFolder::open("a/b"); });
  EXPECT_NE(message.find("refs/main: should hold a commit hash, not \"../../../other\""), std::string::npos)
      << message;
}

TEST_F(HostileFolders, ARevisionOutsideRefsIsRefused) {
  cached_repo("0123456789abcdef0123456789abcdef01234567");
  const std::string message =
      error_of([&] { bksdm::hf_cached_snapshot(dir_ / "hub", "a/b", "../../../../etc"); });
  EXPECT_NE(message.find("not a commit or a branch or tag name"), std::string::npos) << message;
}

TEST_F(HostileFolders, ASnapshotLoopIsNamedNotDownloadItFirst) {
  const fs::path repo = cached_repo("loop");
  fs::create_directories(repo / "snapshots");
  fs::create_symlink("loop", repo / "snapshots" / "loop");
  const std::string message = error_of([] { ModelFolder::open("a/b"); });
  EXPECT_EQ(message.find("download it first"), std::string::npos) << message;
  EXPECT_NE(message.find("levels of symbolic links"), std::string::npos) << message;
}

TEST_F(HostileFolders, AFifoConfigIsRefusedWithoutBlocking) {
  const fs::path model = dir_.copy_fixture_model("bk-sdm-tiny-mini");
  fs::remove(model / "unet/config.json");
  ASSERT_EQ(::mkfifo((model / "unet/config.json").c_str(), 0600), 0);
  const std::string message = error_of([&] { ModelFolder::open(model.string()).config("unet"); });
  EXPECT_NE(message.find("unet/config.json: is a FIFO (named pipe), not a regular file"), std::string::npos)
      << message;
}

TEST_F(HostileFolders, AFifoRefIsRefusedWithoutBlocking) {
  const fs::path repo = dir_ / "hub" / "models--a--b";
  fs::create_directories(repo / "refs");
  ASSERT_EQ(::mkfifo((repo / "refs" / "main").c_str(), 0600), 0);
  ::setenv("HF_HUB_CACHE", (dir_ / "hub").c_str(), 1);
  EXPECT_NE(error_of([] { ModelFolder::open("a/b"); }).find("FIFO"), std::string::npos);
}

TEST_F(HostileFolders, AConfigThatIsADeviceOrAFolderOrHugeIsNamed) {
  const fs::path model = dir_.copy_fixture_model("bk-sdm-tiny-mini");
  const auto config_error = [&] { return error_of([&] { ModelFolder::open(model.string()).config("unet"); }); };
  fs::remove(model / "unet/config.json");
  fs::create_symlink("/dev/zero", model / "unet/config.json");
  EXPECT_NE(config_error().find("is a character device"), std::string::npos) << config_error();
  fs::remove(model / "unet/config.json");
  fs::create_directory(model / "unet/config.json");
  EXPECT_NE(config_error().find("is a folder"), std::string::npos) << config_error();
  fs::remove(model / "unet/config.json");
  std::ofstream(model / "unet/config.json") << "{\"a\": \"" << std::string(4 << 20, 'x') << "\"}";
  EXPECT_NE(config_error().find("at most 1 MiB"), std::string::npos) << config_error();
}

TEST_F(HostileFolders, AConfigNestedDeeplyIsAnErrorNotACrash) {
  const fs::path model = dir_.copy_fixture_model("bk-sdm-tiny-mini");
  std::ofstream(model / "unet/config.json")
      << "{\"in_channels\": " << std::string(100000, '[') << std::string(100000, ']') << "}";
  const std::string message = error_of([&] { ModelFolder::open(model.string()).config("unet"); });
  EXPECT_NE(message.find("nested more than"), std::string::npos) << message;
}

}  // namespace
