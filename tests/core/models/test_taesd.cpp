// TAESD's decoder (diffusers' AutoencoderTiny): its parameters against the real checkpoint's names
// and shapes, its scaling on a case worked by hand, and loading from a folder. No real weights are
// available offline, so the weights here are random, written by the tests themselves.
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/io/safetensors.h"
#include "core/models/layers.h"
#include "core/models/taesd.h"
#include "tests/core/test_support.h"

namespace fs = std::filesystem;
using bksdm::AutoencoderTiny;
using bksdm::AutoencoderTinyConfig;

namespace {

using namespace bksdm::testing;

// madebyollin/taesd's values for every key of diffusers' AutoencoderTiny.
nlohmann::json real_config() {
  return {{"_class_name", "AutoencoderTiny"},
          {"_diffusers_version", "0.20.0"},
          {"act_fn", "relu"},
          {"decoder_block_out_channels", {64, 64, 64, 64}},
          {"encoder_block_out_channels", {64, 64, 64, 64}},
          {"force_upcast", false},
          {"in_channels", 3},
          {"latent_channels", 4},
          {"latent_magnitude", 3},
          {"latent_shift", 0.5},
          {"num_decoder_blocks", {3, 3, 3, 1}},
          {"num_encoder_blocks", {1, 3, 3, 3}},
          {"out_channels", 3},
          {"scaling_factor", 1.0},
          {"upsampling_scaling_factor", 2}};
}

AutoencoderTinyConfig config_of(const nlohmann::json& json) {
  return AutoencoderTinyConfig::from_json(json, "taesd/config.json");
}

// The decoder's tensors in madebyollin/taesd's diffusion_pytorch_model.safetensors, derived from
// diffusers' DecoderTiny for that config. Its nn.Sequential `layers` holds: 0 conv 4->64, 1 ReLU,
// then per stage its AutoencoderTinyBlocks (3, 3, 3, 1), an nn.Upsample but after the last stage,
// and a conv without bias (64->64), except the last one: 64->3 with a bias. So: 2-4 blocks,
// 5 upsample, 6 conv, 7-9 blocks, 10 upsample, 11 conv, 12-14 blocks, 15 upsample, 16 conv,
// 17 block, 18 conv. Each block is conv.0, conv.2, conv.4 (3x3, with bias; ReLUs between) and no
// skip conv, as its width does not change.
std::map<std::string, std::vector<int64_t>> real_decoder_tensors() {
  std::map<std::string, std::vector<int64_t>> tensors = {
      {"decoder.layers.0.weight", {64, 4, 3, 3}},   {"decoder.layers.0.bias", {64}},
      {"decoder.layers.6.weight", {64, 64, 3, 3}},  {"decoder.layers.11.weight", {64, 64, 3, 3}},
      {"decoder.layers.16.weight", {64, 64, 3, 3}}, {"decoder.layers.18.weight", {3, 64, 3, 3}},
      {"decoder.layers.18.bias", {3}}};
  for (const int block : {2, 3, 4, 7, 8, 9, 12, 13, 14, 17}) {
    for (const int conv : {0, 2, 4}) {
      const std::string prefix = "decoder.layers." + std::to_string(block) + ".conv." + std::to_string(conv);
      tensors[prefix + ".weight"] = {64, 64, 3, 3};
      tensors[prefix + ".bias"] = {64};
    }
  }
  return tensors;
}

std::map<std::string, std::vector<int64_t>> parameter_shapes(const torch::nn::Module& module) {
  std::map<std::string, std::vector<int64_t>> shapes;
  for (const auto& item : module.named_parameters()) shapes[item.key()] = item.value().sizes().vec();
  return shapes;
}

// Normal weights of std `scale`, zero biases.
void randomize(torch::nn::Module& module, double scale, uint64_t seed) {
  at::Generator generator = at::detail::createCPUGenerator(seed);
  for (auto& item : module.named_parameters()) {
    if (item.value().dim() > 1) {
      item.value().normal_(0.0, scale, generator);
    } else {
      item.value().zero_();
    }
  }
}

// A TAESD folder as diffusers saves one: config.json and the decoder's and encoder's tensors.
void write_taesd(const fs::path& folder, const nlohmann::json& config, const AutoencoderTiny& taesd) {
  fs::create_directories(folder);
  std::ofstream(folder / "config.json") << config.dump(2);
  std::vector<std::pair<std::string, at::Tensor>> tensors = {
      {"encoder.layers.0.weight", at::zeros({64, 3, 3, 3})}, {"encoder.layers.0.bias", at::zeros({64})}};
  for (const auto& item : taesd.named_parameters()) tensors.emplace_back(item.key(), item.value());
  bksdm::write_safetensors(folder / "diffusion_pytorch_model.safetensors", tensors, {{"format", "pt"}});
}

// Sets every 3x3 convolution to the identity (centre tap 1 on the diagonal) with zero bias.
void make_identity(torch::nn::Module& module) {
  for (auto& item : module.named_parameters()) {
    at::Tensor value = item.value();
    value.zero_();
    if (value.dim() == 4) {
      for (int64_t c = 0; c < std::min(value.size(0), value.size(1)); ++c) value[c][c][1][1] = 1.0;
    }
  }
}

class TaesdTest : public ::testing::Test {
 protected:
  void SetUp() override { at::set_num_threads(1); }
  TempDir temp_{"taesd"};
};

TEST_F(TaesdTest, ParametersAreTheRealCheckpointsDecoderTensors) {
  const AutoencoderTiny taesd(config_of(real_config()));
  EXPECT_EQ(parameter_shapes(taesd), real_decoder_tensors());
  // TAESD's decoder is known as a 1.2M-parameter network.
  EXPECT_EQ(bksdm::count_parameters(taesd), 1222531);
}

TEST_F(TaesdTest, DefaultsAreTheRealConfig) {
  const AutoencoderTinyConfig defaults = config_of(nlohmann::json::object());
  const AutoencoderTinyConfig real = config_of(real_config());
  EXPECT_EQ(defaults.decoder_block_out_channels, real.decoder_block_out_channels);
  EXPECT_EQ(defaults.num_decoder_blocks, real.num_decoder_blocks);
  EXPECT_EQ(defaults.latent_channels, real.latent_channels);
  EXPECT_EQ(defaults.upsampling_scaling_factor, real.upsampling_scaling_factor);
  EXPECT_DOUBLE_EQ(defaults.scaling_factor, real.scaling_factor);
  EXPECT_TRUE(real.warnings.empty());
}

TEST_F(TaesdTest, DecodesToEightTimesTheLatentSizeInZeroToOne) {
  AutoencoderTiny taesd(config_of(real_config()));
  // Weights large enough that the raw output overshoots [0, 1] both ways, so the clamp is seen.
  randomize(taesd, 0.05, 3);
  at::Generator generator = at::detail::createCPUGenerator(5);
  const at::Tensor latents = at::randn({2, 4, 8, 6}, generator, at::kFloat) * 4;
  const at::Tensor images = taesd.decode(latents);
  EXPECT_EQ(images.sizes(), (std::vector<int64_t>{2, 3, 64, 48}));
  EXPECT_EQ(images.scalar_type(), at::kFloat);
  EXPECT_EQ(images.min().item<float>(), 0.0f);
  EXPECT_EQ(images.max().item<float>(), 1.0f);
  EXPECT_GT(((images > 0) & (images < 1)).sum().item<int64_t>(), 0);
  // Half-precision latents (a CUDA fp16 pipeline's) decode in float32.
  EXPECT_EQ(taesd.decode(latents.to(at::kHalf)).scalar_type(), at::kFloat);
}

// One stage of one block, every 3x3 convolution the identity but the last, which maps r to
// 0.25 r + 0.1. Then with c = 3 tanh(x / scaling_factor / 3) and r = relu(c), the block gives
// relu(r + r) = 2r, the last convolution 0.5 r + 0.1 in DecoderTiny's [0, 1] space, and the decode
// (2 y - 1) / 2 + 0.5 = y clamped. With scaling_factor 2:
//   x = 3:   c = 3 tanh(0.5) = 1.38635147,  y = 0.79317574
//   x = -4:  c < 0, r = 0,                  y = 0.1
//   x = 60:  c = 3 tanh(10) ~ 3,            y = 1.6, clamped to 1
//   x = 0.6: c = 3 tanh(0.1) = 0.29900398,  y = 0.24950199
TEST_F(TaesdTest, SoftClampScalingAndOutputMapByHand) {
  nlohmann::json json = {{"decoder_block_out_channels", {1}}, {"num_decoder_blocks", {1}},
                         {"latent_channels", 1},              {"out_channels", 1},
                         {"scaling_factor", 2.0}};
  AutoencoderTiny taesd(config_of(json));
  make_identity(taesd);
  auto parameters = taesd.named_parameters();
  ASSERT_EQ(parameters.size(), 10u);  // layers.0 conv, 1 ReLU, 2 block (conv.0, .2, .4), 3 conv
  parameters["decoder.layers.3.weight"][0][0][1][1] = 0.25;
  parameters["decoder.layers.3.bias"][0] = 0.1;

  const at::Tensor latents = at::tensor({3.0f, -4.0f, 60.0f, 0.6f}).reshape({1, 1, 1, 4});
  const at::Tensor images = taesd.decode(latents);
  const at::Tensor expected = at::tensor({0.79317574f, 0.1f, 1.0f, 0.24950199f}).reshape({1, 1, 1, 4});
  EXPECT_TRUE(at::allclose(images, expected, 1e-6, 1e-6)) << images;
}

TEST_F(TaesdTest, LoadsAFolderIgnoringTheEncoderAndWarningOfUnknownKeys) {
  AutoencoderTiny written(config_of(real_config()));
  randomize(written, 0.02, 7);
  nlohmann::json config = real_config();
  config["future_option"] = true;
  write_taesd(temp_ / "taesd", config, written);

  std::vector<std::string> warnings;
  const auto loaded = bksdm::load_taesd(temp_ / "taesd", {}, &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("unknown key \"future_option\""), std::string::npos) << warnings[0];
  const at::Tensor latents = at::randn({1, 4, 4, 4});
  EXPECT_TRUE(at::equal(loaded->decode(latents), written.decode(latents)));
}

TEST_F(TaesdTest, BrokenFoldersSayWhatIsWrong) {
  AutoencoderTiny written(config_of(real_config()));
  randomize(written, 0.02, 7);
  write_taesd(temp_ / "taesd", real_config(), written);

  nlohmann::json silu = real_config();
  silu["act_fn"] = "silu";
  std::ofstream(temp_ / "taesd" / "config.json") << silu.dump();
  EXPECT_NE(error_of([&] { bksdm::load_taesd(temp_ / "taesd"); }).find("\"act_fn\" is \"silu\""), std::string::npos);

  // Weights of another layout: a block missing.
  nlohmann::json fewer = real_config();
  fewer["num_decoder_blocks"] = {3, 3, 2, 1};
  std::ofstream(temp_ / "taesd" / "config.json") << fewer.dump();
  EXPECT_NE(error_of([&] { bksdm::load_taesd(temp_ / "taesd"); }).find("decoder.layers.17.conv.0.weight"),
            std::string::npos);

  fs::remove(temp_ / "taesd" / "diffusion_pytorch_model.safetensors");
  std::ofstream(temp_ / "taesd" / "config.json") << real_config().dump();
  EXPECT_NE(error_of([&] { bksdm::load_taesd(temp_ / "taesd"); }).find("no diffusion_pytorch_model.safetensors"),
            std::string::npos);

  EXPECT_NE(error_of([&] { bksdm::find_taesd(temp_ / "missing"); }).find("does not exist"), std::string::npos);
}

TEST_F(TaesdTest, FoundInTheHuggingFaceCache) {
  const fs::path snapshot = temp_ / "hub/models--madebyollin--taesd/snapshots/abc";
  fs::create_directories(snapshot);
  fs::create_directories(temp_ / "hub/models--madebyollin--taesd/refs");
  std::ofstream(temp_ / "hub/models--madebyollin--taesd/refs/main") << "abc";
  ::setenv("HF_HUB_CACHE", (temp_ / "hub").c_str(), 1);
  EXPECT_EQ(bksdm::find_taesd({}), snapshot);
  ::setenv("HF_HUB_CACHE", (temp_ / "empty").c_str(), 1);
  EXPECT_NE(error_of([] { bksdm::find_taesd({}); }).find("madebyollin/taesd is not in the Hugging Face cache"),
            std::string::npos);
  ::unsetenv("HF_HUB_CACHE");
}

TEST_F(TaesdTest, RefusesStagesOfDifferentWidths) {
  nlohmann::json json = real_config();
  json["decoder_block_out_channels"] = {64, 64, 32, 32};
  EXPECT_NE(error_of([&] { config_of(json); }).find("decoder_block_out_channels"), std::string::npos);
}

}  // namespace
