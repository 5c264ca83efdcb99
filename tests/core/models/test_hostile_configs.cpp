// Configs that describe models far larger than their weights, within the bounds a config value has
// (kMaxConfigCount): refused as the model is built,
// before its parameters take memory (was: std::bad_alloc, the OOM killer, or a storage-size
// overflow with a torch backtrace).
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "core/models/autoencoder_kl.h"
#include "core/models/config_reader.h"
#include "core/models/unet_2d_condition.h"
#include "tests/core/test_support.h"

namespace {

namespace fs = std::filesystem;
using bksdm::testing::error_of;
using bksdm::testing::TempDir;

// A copy of a fixture model whose `component` config has `key` set to `value`.
fs::path with_config_value(const TempDir& dir, const std::string& component, const std::string& key,
                           const nlohmann::json& value) {
  const fs::path model = dir.copy_fixture_model("bk-sdm-tiny-mini");
  const fs::path config = model / component / "config.json";
  nlohmann::json json = nlohmann::json::parse(std::ifstream(config));
  json[key] = value;
  std::ofstream(config) << json.dump();
  return model;
}

TEST(HostileConfigs, AHundredThousandLayersPerBlockAreRefusedBeforeBuilding) {
  TempDir dir("hostile-config");
  const fs::path model = with_config_value(dir, "unet", "layers_per_block", 100000);
  const std::string message = error_of([&] { bksdm::load_unet(bksdm::ModelFolder::open(model.string())); });
  EXPECT_NE(message.find("larger than its weights"), std::string::npos) << message;
  EXPECT_NE(message.find("unet"), std::string::npos) << message;
}

TEST(HostileConfigs, HugeChannelCountsAreRefusedBeforeAllocating) {
  TempDir dir("hostile-config");
  const fs::path model = with_config_value(dir, "vae", "block_out_channels", {1000000, 1000000, 1000000, 1000000});
  const std::string message =
      error_of([&] { bksdm::load_autoencoder_kl(bksdm::ModelFolder::open(model.string())); });
  EXPECT_NE(message.find("larger than"), std::string::npos) << message;
  EXPECT_EQ(message.find("Exception raised from"), std::string::npos) << message;  // no torch backtrace
}

TEST(HostileConfigs, AKernelOfAMillionIsRefusedWithoutOverflow) {
  TempDir dir("hostile-config");
  const fs::path model = with_config_value(dir, "unet", "conv_in_kernel", 999999);
  const std::string message = error_of([&] { bksdm::load_unet(bksdm::ModelFolder::open(model.string())); });
  EXPECT_NE(message.find("larger than any model"), std::string::npos) << message;
}

}  // namespace

namespace {

TEST(HostileConfigs, SizesPastAMillionAreRefusedBeforeTheyOverflow) {
  const nlohmann::json config = {{"sample_size", 536870912}};
  const std::string message =
      error_of([&] { bksdm::ConfigReader(config, "unet/config.json").positive("sample_size", 64); });
  EXPECT_NE(message.find("\"sample_size\""), std::string::npos) << message;
  EXPECT_NE(message.find("from 1 to 1048576, not 536870912"), std::string::npos) << message;
}

}  // namespace

namespace {

TEST(HostileConfigs, ANegativeNormEpsilonIsRefused) {
  TempDir dir("hostile-config");
  const fs::path model = with_config_value(dir, "unet", "norm_eps", -1);
  const std::string message = error_of([&] { bksdm::load_unet(bksdm::ModelFolder::open(model.string())); });
  EXPECT_NE(message.find("\"norm_eps\" is -1, which is not supported: a norm's epsilon must be positive"),
            std::string::npos)
      << message;
}

}  // namespace
