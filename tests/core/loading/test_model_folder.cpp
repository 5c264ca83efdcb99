#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <fstream>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/loading/model_folder.h"
#include "core/loading/model_summary.h"
#include "tests/core/test_support.h"

namespace fs = std::filesystem;
using bksdm::Error;
using bksdm::ModelFolder;

namespace {

using namespace bksdm::testing;
const fs::path kModels = kFixtures / "models";

class ModelFolderTest : public ::testing::Test {
 protected:
  void TearDown() override {
    ::unsetenv("HF_HUB_CACHE");
    ::unsetenv("HF_HOME");
  }

  fs::path copy_model(const std::string& name) { return temp_.copy_fixture_model(name); }

  // huggingface_hub's layout: blobs named by hash, snapshot entries linking to them, refs/main.
  fs::path make_cache_entry(const std::string& repo_folder, const std::string& model) {
    const fs::path cache = dir_ / "hub";
    const fs::path repo = cache / repo_folder;
    const std::string commit = "0123456789abcdef0123456789abcdef01234567";
    fs::create_directories(repo / "refs");
    std::ofstream(repo / "refs" / "main") << commit;
    fs::create_directories(repo / "blobs");
    const fs::path snapshot = repo / "snapshots" / commit;
    int blob = 0;
    for (const auto& entry : fs::recursive_directory_iterator(kModels / model)) {
      const fs::path relative = fs::relative(entry.path(), kModels / model);
      if (entry.is_directory()) {
        fs::create_directories(snapshot / relative);
        continue;
      }
      const fs::path blob_path = repo / "blobs" / ("blob" + std::to_string(blob++));
      fs::copy_file(entry.path(), blob_path);
      fs::create_directories((snapshot / relative).parent_path());
      fs::create_symlink(fs::relative(blob_path, (snapshot / relative).parent_path()), snapshot / relative);
    }
    return cache;
  }

  TempDir temp_{"model-folder"};
  const fs::path& dir_ = temp_.path();
};

struct Expected {
  const char* model;
  const char* family;
  const char* layout;
};

TEST_F(ModelFolderTest, EveryFixtureModelHasItsFamilyAndLayout) {
  const Expected cases[] = {
      {"sd-v1-4-mini", "SD 1.x", "SD"},          {"bk-sdm-tiny-mini", "SD 1.x", "BK-Tiny"},
      {"sd-v2-1-base-mini", "SD 2.x", "SD"},     {"bk-sdm-v2-base-mini", "SD 2.x", "BK-Base"},
      {"bk-sdm-v2-small-mini", "SD 2.x", "BK-Small"}, {"bk-sdm-v2-tiny-mini", "SD 2.x", "BK-Tiny"},
  };
  for (const Expected& expected : cases) {
    const auto summary = bksdm::summarize_model(ModelFolder::open((kModels / expected.model).string()));
    EXPECT_EQ(summary.family, expected.family) << expected.model;
    EXPECT_EQ(summary.layout, expected.layout) << expected.model;
    EXPECT_TRUE(summary.problems.empty()) << expected.model << ": " << summary.problems.front();
    ASSERT_EQ(summary.components.size(), 3u);
    for (const auto& component : summary.components) EXPECT_GT(component.parameters, 0);
  }
}

TEST_F(ModelFolderTest, RealConfigsHaveTheirLayouts) {
  const fs::path& root = kRealConfigs;
  const std::pair<const char*, const char*> cases[] = {
      {"sd-v1-4", "SD"},           {"bk-sdm-base", "BK-Base"},       {"bk-sdm-small", "BK-Small"},
      {"bk-sdm-tiny", "BK-Tiny"},  {"sd-v2-1-base", "SD"},           {"bk-sdm-v2-base", "BK-Base"},
      {"bk-sdm-v2-small", "BK-Small"}, {"bk-sdm-v2-tiny", "BK-Tiny"},
  };
  for (const auto& [model, layout] : cases)
    EXPECT_EQ(bksdm::unet_layout(bksdm::read_json_file(root / model / "unet/config.json")), layout) << model;
}

TEST_F(ModelFolderTest, ResolvesARepoIdInTheHuggingFaceCache) {
  const fs::path cache = make_cache_entry("models--nota-ai--bk-sdm-v2-tiny", "bk-sdm-v2-tiny-mini");
  ::setenv("HF_HUB_CACHE", cache.c_str(), 1);
  const ModelFolder model = ModelFolder::open("nota-ai/bk-sdm-v2-tiny");
  EXPECT_EQ(model.name(), "bk-sdm-v2-tiny");
  EXPECT_EQ(*model.repo_id(), "nota-ai/bk-sdm-v2-tiny");
  EXPECT_TRUE(fs::exists(model.weights("unet")));
  EXPECT_EQ(bksdm::summarize_model(model).layout, "BK-Tiny");
}

TEST_F(ModelFolderTest, HfHomeIsUsedWhenHubCacheIsUnset) {
  ::unsetenv("HF_HUB_CACHE");
  ::setenv("HF_HOME", "/somewhere/hf", 1);
  EXPECT_EQ(bksdm::hf_hub_cache(), fs::path("/somewhere/hf/hub"));
}

TEST_F(ModelFolderTest, AnUncachedRepoIdSaysWhereItLooked) {
  ::setenv("HF_HUB_CACHE", dir_.c_str(), 1);
  const std::string message = error_of([] { ModelFolder::open("nota-ai/bk-sdm-v2-small"); });
  EXPECT_NE(message.find("not in the Hugging Face cache at " + dir_.string()), std::string::npos) << message;
}

TEST_F(ModelFolderTest, AFolderWithoutModelIndexIsRefused) {
  const std::string message = error_of([&] { ModelFolder::open(dir_.string()); });
  EXPECT_NE(message.find("model_index.json is missing"), std::string::npos) << message;
}

TEST_F(ModelFolderTest, PickleOnlyWeightsAreRefusedWithTheReason) {
  const fs::path model = copy_model("bk-sdm-tiny-mini");
  fs::remove(model / "unet/diffusion_pytorch_model.safetensors");
  std::ofstream(model / "unet/diffusion_pytorch_model.bin") << "not loaded";
  const std::string message = error_of([&] { ModelFolder::open(model.string()).weights("unet"); });
  EXPECT_NE(message.find("pickle"), std::string::npos) << message;
  EXPECT_NE(message.find("arbitrary code"), std::string::npos) << message;
}

TEST_F(ModelFolderTest, VariantWeightsArePreferredWhenPresent) {
  const fs::path model = copy_model("bk-sdm-tiny-mini");
  fs::copy_file(model / "vae/diffusion_pytorch_model.safetensors", model / "vae/diffusion_pytorch_model.fp16.safetensors");
  EXPECT_EQ(ModelFolder::open(model.string(), "fp16").weights("vae").filename(), "diffusion_pytorch_model.fp16.safetensors");
  EXPECT_EQ(ModelFolder::open(model.string()).weights("vae").filename(), "diffusion_pytorch_model.safetensors");
  EXPECT_EQ(ModelFolder::open(model.string(), "fp16").weights("unet").filename(), "diffusion_pytorch_model.safetensors");
}

TEST_F(ModelFolderTest, AComponentWithOnlyVariantWeightsUsesThem) {
  const fs::path model = copy_model("bk-sdm-tiny-mini");
  fs::rename(model / "vae/diffusion_pytorch_model.safetensors", model / "vae/diffusion_pytorch_model.fp16.safetensors");
  EXPECT_EQ(ModelFolder::open(model.string()).weights("vae").filename(), "diffusion_pytorch_model.fp16.safetensors");
}

TEST_F(ModelFolderTest, AMissingComponentIsAProblemNamingIt) {
  const fs::path model = copy_model("bk-sdm-tiny-mini");
  fs::remove_all(model / "vae");
  const auto summary = bksdm::summarize_model(ModelFolder::open(model.string()));
  ASSERT_EQ(summary.problems.size(), 1u);
  EXPECT_NE(summary.problems[0].find("'vae' folder is missing"), std::string::npos) << summary.problems[0];
}

TEST_F(ModelFolderTest, AMalformedConfigNamesTheFile) {
  const fs::path model = copy_model("bk-sdm-tiny-mini");
  std::ofstream(model / "unet/config.json") << "{\"block_out_channels\": [";
  const std::string message = error_of([&] { ModelFolder::open(model.string()).config("unet"); });
  EXPECT_NE(message.find("unet/config.json line 1: not valid JSON"), std::string::npos) << message;
}

TEST_F(ModelFolderTest, ASymlinkLoopInTheCacheIsAnErrorNotAHang) {
  const fs::path cache = dir_ / "hub";
  const fs::path repo = cache / "models--a--b";
  fs::create_directories(repo / "refs");
  fs::create_directories(repo / "snapshots");
  std::ofstream(repo / "refs" / "main") << "loop";
  fs::create_symlink("loop", repo / "snapshots" / "loop");
  ::setenv("HF_HUB_CACHE", cache.c_str(), 1);
  EXPECT_THROW(ModelFolder::open("a/b"), Error);
}

}  // namespace
