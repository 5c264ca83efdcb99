// What the build budget of core/models/layers.h catches, found by the fuzz target model_build:
// a config of many thin layers fits its weights' parameter bytes yet describes far more tensors
// than the weights hold (a million one-channel layers per block took 16 s and 2.5 GB to build
// within a 16 MiB byte budget); the text encoder's token embedding was allocated past the budget
// (a vocabulary and width of 2^20 asked for 4 TiB). And, found with the fuzz target taesd's
// harness: a TAESD config whose upsampling turns a 2x2 latent into an image of 64 TiB.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "core/io/safetensors.h"
#include "core/models/clip_text_model.h"
#include "core/models/layers.h"
#include "core/models/taesd_config.h"
#include "core/models/unet_2d_condition.h"
#include "core/models/weights.h"
#include "tests/core/test_support.h"

namespace {

namespace fs = std::filesystem;
using bksdm::testing::error_of;
using bksdm::testing::TempDir;

TEST(BuildBudget, IsTwiceTheWeightFilesTensors) {
  const auto file = bksdm::SafetensorsFile::open(fs::path(BKSDM_FIXTURES_DIR) /
                                                 "models/bk-sdm-tiny-mini/unet/diffusion_pytorch_model.safetensors");
  EXPECT_EQ(bksdm::WeightSource(file).tensor_budget(), 712u);  // its header names 356 tensors, counted by hand
}

TEST(BuildBudget, ThinLayersThatFitTheBytesAreRefusedByTheirCount) {
  TempDir dir("tensor-budget");
  const fs::path model = dir.copy_fixture_model("bk-sdm-tiny-mini");
  const fs::path config = model / "unet" / "config.json";
  nlohmann::json json = nlohmann::json::parse(std::ifstream(config));
  // One channel: a resnet is about 20 floats in 10 tensors, so the 430 KB file's byte budget
  // (twice its bytes) would admit some 10,000 of them; its tensor budget admits a few hundred.
  json["block_out_channels"] = {1, 1, 1};
  json["norm_num_groups"] = 1;
  json["attention_head_dim"] = 1;
  json["layers_per_block"] = 100000;
  std::ofstream(config) << json.dump();
  const std::string message = error_of([&] { bksdm::load_unet(bksdm::ModelFolder::open(model.string())); });
  // The fixture's U-Net file holds 356 tensors (its header has 356 keys besides __metadata__).
  EXPECT_NE(message.find("past 712 parameter tensors"), std::string::npos) << message;
  EXPECT_NE(message.find("diffusion_pytorch_model.safetensors"), std::string::npos) << message;
}

TEST(BuildBudget, TheTokenEmbeddingIsCounted) {
  const bksdm::CLIPTextConfig config = bksdm::CLIPTextConfig::from_json(
      {{"vocab_size", 1 << 20}, {"hidden_size", 64}, {"intermediate_size", 64}, {"num_hidden_layers", 1},
       {"num_attention_heads", 1}},
      "text_encoder/config.json");
  // The embedding alone is 2^20 x 64 floats, 256 MiB; everything else is far under 1 MiB.
  const bksdm::ParameterBudget budget(64u << 20, 1000, "model.safetensors");
  const std::string message = error_of([&] { bksdm::CLIPTextModel model(config); });
  EXPECT_NE(message.find("larger than its weights"), std::string::npos) << message;
}

TEST(BuildBudget, ATaesdUpsamplingPastSixtyFourIsRefused) {
  const auto config = [](int factor) {
    return nlohmann::json{{"decoder_block_out_channels", {4, 4, 4, 4}},
                          {"num_decoder_blocks", {1, 1, 1, 1}},
                          {"upsampling_scaling_factor", factor}};
  };
  // Three upsamplings between four stages: 4^3 = 64 is the most, 5^3 = 125 too much.
  EXPECT_EQ(bksdm::AutoencoderTinyConfig::from_json(config(4), "taesd/config.json").upsampling_scaling_factor, 4);
  const std::string message =
      error_of([&] { bksdm::AutoencoderTinyConfig::from_json(config(5), "taesd/config.json"); });
  EXPECT_NE(message.find("\"upsampling_scaling_factor\""), std::string::npos) << message;
  EXPECT_NE(message.find("by more than 64"), std::string::npos) << message;
  EXPECT_NE(error_of([&] { bksdm::AutoencoderTinyConfig::from_json(config(1 << 20), "taesd/config.json"); }), "");
}

}  // namespace
