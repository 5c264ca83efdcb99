#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/io/error.h"
#include "tests/core/test_support.h"
#include "core/io/safetensors.h"
#include "core/loading/model_folder.h"
#include "core/models/layers.h"
#include "core/models/unet_2d_condition.h"
#include "core/models/unet_config.h"
#include "core/models/weights.h"

namespace fs = std::filesystem;
using bksdm::Error;
using bksdm::ModelFolder;
using bksdm::UNet2DConditionConfig;
using bksdm::UNet2DConditionModel;
using nlohmann::json;

namespace {

using namespace bksdm::testing;
const auto& kModels = kFixtureModels;

UNet2DConditionModel load_fixture(const std::string& model) {
  return bksdm::load_unet(fixture_model(model));
}

bksdm::ParsedUNetConfig parse(const std::string& text) { return bksdm::parse_unet_config(json::parse(text)); }

class UNetFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { at::set_num_threads(1); }
};

TEST_P(UNetFixture, NoisePredictionMatchesDiffusers) {
  const UNet2DConditionModel unet = load_fixture(GetParam());
  const auto expected =
      bksdm::SafetensorsFile::open(kFixtures / "expected" / GetParam() / "unet.safetensors");
  const at::Tensor sample = expected->tensor("sample");
  const at::Tensor text = expected->tensor("encoder_hidden_states");
  for (const double timestep : {981.0, 500.0, 1.0, 957.375}) {
    std::ostringstream key;
    key << "noise_pred.t" << timestep;
    const at::Tensor reference = expected->tensor(key.str());
    const at::Tensor actual = unet->forward(sample, timestep, text);
    ASSERT_EQ(actual.sizes(), reference.sizes());
    EXPECT_LT(relative_error(actual, reference), 1e-5) << key.str();
  }
}

TEST_P(UNetFixture, NonSquareAndOddLatentsKeepTheirSize) {
  const UNet2DConditionModel unet = load_fixture(GetParam());
  const at::Tensor text = at::randn({1, 77, 16});
  for (const auto& [height, width] : {std::pair{8, 12}, std::pair{5, 7}}) {
    const at::Tensor noise = unet->forward(at::randn({1, 4, height, width}), 500.0, text);
    EXPECT_EQ(noise.sizes(), (std::vector<int64_t>{1, 4, height, width})) << height << "x" << width;
    EXPECT_TRUE(at::isfinite(noise).all().item<bool>());
  }
}

INSTANTIATE_TEST_SUITE_P(AllFixtureModels, UNetFixture, ::testing::ValuesIn(kModels));

TEST(UNet, CrossAttentionObserverSeesEveryAttn2Layer) {
  at::set_num_threads(1);
  UNet2DConditionModel unet = load_fixture("sd-v1-4-mini");
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / "expected/sd-v1-4-mini/unet.safetensors");
  const at::Tensor sample = expected->tensor("sample").slice(3, 0, 6);  // 8x6 latents
  const at::Tensor text = expected->tensor("encoder_hidden_states");
  const at::Tensor plain = unet->forward(sample, 500.0, text);

  std::map<std::string, std::pair<bksdm::TokenGrid, std::vector<int64_t>>> seen;
  unet->set_attention_observer([&](const bksdm::AttentionProbs& event) {
    seen[event.layer] = {event.grid, event.probs.sizes().vec()};
    EXPECT_LT((event.probs.sum(-1) - 1).abs().max().item<double>(), 1e-5) << event.layer;
  });
  EXPECT_TRUE(at::equal(unet->forward(sample, 500.0, text), plain));

  // SD 1.x: 3 cross-attention down levels of 2, the mid block, 3 up levels of 3; 8 heads.
  ASSERT_EQ(seen.size(), 16u);
  const auto& first = seen.at("down_blocks.0.attentions.0.transformer_blocks.0.attn2");
  EXPECT_EQ(first.first.height, 8);
  EXPECT_EQ(first.first.width, 6);
  EXPECT_EQ(first.second, (std::vector<int64_t>{2 * 8, 8 * 6, 77}));
  const auto& deep = seen.at("down_blocks.2.attentions.1.transformer_blocks.0.attn2");
  EXPECT_EQ(deep.first.height, 2);
  EXPECT_EQ(deep.first.width, 2);  // 6 -> 3 -> 2
  EXPECT_TRUE(seen.count("mid_block.attentions.0.transformer_blocks.0.attn2"));
  EXPECT_TRUE(seen.count("up_blocks.3.attentions.2.transformer_blocks.0.attn2"));
  for (const auto& [layer, event] : seen) EXPECT_TRUE(layer.ends_with(".attn2")) << layer;

  seen.clear();
  unet->set_attention_observer({});
  unet->forward(sample, 500.0, text);
  EXPECT_TRUE(seen.empty());
}

// Nothing assumes float32: the time embedding follows the latents' dtype, as on a GPU in fp16.
TEST(UNet, RunsInTheDtypeItWasLoadedIn) {
  at::set_num_threads(1);
  bksdm::WeightLoadOptions options;
  options.dtype = at::kDouble;
  const UNet2DConditionModel unet =
      bksdm::load_unet(fixture_model("bk-sdm-v2-base-mini"), options);
  const auto expected =
      bksdm::SafetensorsFile::open(kFixtures / "expected/bk-sdm-v2-base-mini/unet.safetensors");
  const at::Tensor noise = unet->forward(expected->tensor("sample", at::kDouble), 957.375,
                                         expected->tensor("encoder_hidden_states", at::kDouble));
  EXPECT_EQ(noise.scalar_type(), at::kDouble);
  EXPECT_LT(relative_error(noise, expected->tensor("noise_pred.t957.375", at::kDouble)), 1e-5);
}

TEST(UNet, RefusesInputsOfTheWrongShape) {
  const UNet2DConditionModel unet = load_fixture("bk-sdm-tiny-mini");
  EXPECT_NE(error_of([&] {
              unet->forward(at::zeros({1, 3, 8, 8}), 1.0, at::zeros({1, 77, 16}));
            }).find("[1, 3, 8, 8]"),
            std::string::npos);
  EXPECT_NE(error_of([&] {
              unet->forward(at::zeros({1, 4, 8, 8}), 1.0, at::zeros({1, 77, 768}));
            }).find("[1, 77, 768]"),
            std::string::npos);
}

// The loader, on modified copies of a fixture U-Net's weights.
class WeightLoading : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bksdm-test-unet-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    const auto file = bksdm::SafetensorsFile::open(
        kFixtures / "models/bk-sdm-tiny-mini/unet/diffusion_pytorch_model.safetensors");
    for (const auto& info : file->tensors())
      tensors_.emplace_back(info.name, file->tensor(info.name).clone());
    config_ =
        parse(bksdm::read_json_file(kFixtures / "models/bk-sdm-tiny-mini/unet/config.json").dump()).config;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string load_error(const bksdm::WeightLoadOptions& options = {}) {
    const fs::path path = dir_ / "unet.safetensors";
    bksdm::write_safetensors(path, tensors_);
    UNet2DConditionModel unet(config_);
    return error_of([&] { bksdm::load_weights(*unet, path, options); });
  }
  void erase(const std::string& name) {
    std::erase_if(tensors_, [&](const auto& item) { return item.first == name; });
  }

  fs::path dir_;
  std::vector<std::pair<std::string, at::Tensor>> tensors_;
  UNet2DConditionConfig config_;
};

TEST_F(WeightLoading, AcceptsTheUnmodifiedFile) { EXPECT_EQ(load_error(), "(no error)"); }

TEST_F(WeightLoading, NamesAMissingTensor) {
  erase("up_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k.weight");
  const std::string error = load_error();
  EXPECT_NE(
      error.find("1 missing tensor(s): up_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k.weight"),
      std::string::npos)
      << error;
  EXPECT_NE(error.find("unet.safetensors"), std::string::npos) << error;
}

TEST_F(WeightLoading, NamesAnUnexpectedTensorUnlessKnown) {
  tensors_.emplace_back("mid_block.resnets.0.conv1.weight", at::zeros({2, 2}));
  tensors_.emplace_back("text_model.embeddings.position_ids", at::arange(77));
  const std::string error = load_error();
  EXPECT_NE(error.find("mid_block.resnets.0.conv1.weight"), std::string::npos) << error;
  EXPECT_NE(error.find("2 unexpected tensor(s)"), std::string::npos) << error;
  bksdm::WeightLoadOptions options;
  options.known_extras = {"text_model.embeddings.position_ids"};
  EXPECT_NE(load_error(options).find("1 unexpected tensor(s)"), std::string::npos);
}

TEST_F(WeightLoading, NamesAMisShapedTensorWithBothShapes) {
  for (auto& [name, tensor] : tensors_) {
    if (name == "down_blocks.1.resnets.0.conv1.weight") tensor = tensor.transpose(0, 1).contiguous();
  }
  const std::string error = load_error();
  EXPECT_NE(error.find("down_blocks.1.resnets.0.conv1.weight (file [8, 16, 3, 3], model [16, 8, 3, 3])"),
            std::string::npos)
      << error;
}

TEST_F(WeightLoading, ReportsEveryDefectAtOnce) {
  erase("conv_in.weight");
  tensors_.emplace_back("extra.weight", at::zeros({1}));
  const std::string error = load_error();
  EXPECT_NE(error.find("conv_in.weight"), std::string::npos) << error;
  EXPECT_NE(error.find("extra.weight"), std::string::npos) << error;
}

TEST_F(WeightLoading, OptionallyRefusesNonFiniteWeights) {
  for (auto& [name, tensor] : tensors_) {
    if (name == "conv_out.bias") tensor[0].fill_(std::numeric_limits<float>::quiet_NaN());
  }
  EXPECT_EQ(load_error(), "(no error)");
  bksdm::WeightLoadOptions options;
  options.check_finite = true;
  EXPECT_NE(load_error(options).find("NaN or infinite values: conv_out.bias"), std::string::npos);
}

TEST_F(WeightLoading, ConvertsToTheRequestedDtype) {
  const fs::path path = dir_ / "unet.safetensors";
  bksdm::write_safetensors(path, tensors_);
  UNet2DConditionModel unet(config_);
  bksdm::WeightLoadOptions options;
  options.dtype = at::kDouble;
  bksdm::load_weights(*unet, path, options);
  for (const auto& parameter : unet->parameters()) EXPECT_EQ(parameter.scalar_type(), at::kDouble);
}

TEST(UNetConfig, MissingKeysTakeDiffusersDefaults) {
  const auto parsed = parse("{}");
  const UNet2DConditionConfig& c = parsed.config;
  EXPECT_TRUE(parsed.warnings.empty());
  EXPECT_EQ(c.block_out_channels, (std::vector<int64_t>{320, 640, 1280, 1280}));
  EXPECT_EQ(c.down_block_types.back(), "DownBlock2D");
  EXPECT_EQ(c.up_block_types.front(), "UpBlock2D");
  EXPECT_EQ(c.mid_block_type, "UNetMidBlock2DCrossAttn");
  EXPECT_EQ(c.layers_per_block, (std::vector<int64_t>{2, 2, 2, 2}));
  EXPECT_EQ(c.num_attention_heads, (std::vector<int64_t>{8, 8, 8, 8}));
  EXPECT_EQ(c.cross_attention_dim, (std::vector<int64_t>{1280, 1280, 1280, 1280}));
  EXPECT_FALSE(c.use_linear_projection);
  EXPECT_TRUE(c.flip_sin_to_cos);
  EXPECT_EQ(c.freq_shift, 0);
  EXPECT_EQ(c.norm_num_groups, 32);
  EXPECT_EQ(c.time_embed_dim(), 1280);
}

TEST(UNetConfig, NullMidBlockMeansNone) {
  EXPECT_FALSE(parse(R"({"mid_block_type": null})").config.mid_block_type.has_value());
  EXPECT_EQ(parse(R"({"mid_block_type": "UNetMidBlock2DCrossAttn"})").config.mid_block_type,
            "UNetMidBlock2DCrossAttn");
}

TEST(UNetConfig, AttentionHeadDimIsTheNumberOfHeads) {
  EXPECT_EQ(parse(R"({"attention_head_dim": 8})").config.num_attention_heads,
            (std::vector<int64_t>{8, 8, 8, 8}));
  EXPECT_EQ(parse(R"({"attention_head_dim": [5, 10, 20, 20]})").config.num_attention_heads,
            (std::vector<int64_t>{5, 10, 20, 20}));
  EXPECT_EQ(parse(R"({"attention_head_dim": 8, "num_attention_heads": [5, 10, 20, 20]})")
                .config.num_attention_heads,
            (std::vector<int64_t>{5, 10, 20, 20}));
  EXPECT_EQ(parse(R"({"attention_head_dim": [5, 10, 20, 20], "num_attention_heads": null})")
                .config.num_attention_heads,
            (std::vector<int64_t>{5, 10, 20, 20}));
}

TEST(UNetConfig, RealConfigsParseWithoutWarnings) {
  for (const auto& model : {"sd-v1-4", "bk-sdm-base", "bk-sdm-small", "bk-sdm-tiny", "sd-v2-1-base",
                            "bk-sdm-v2-base", "bk-sdm-v2-small", "bk-sdm-v2-tiny"}) {
    const auto parsed =
        bksdm::parse_unet_config(bksdm::read_json_file(kRealConfigs / model / "unet/config.json"));
    EXPECT_TRUE(parsed.warnings.empty()) << model << ": " << parsed.warnings.front();
  }
}

TEST(UNetConfig, UnknownKeysAreWarnings) {
  const auto parsed = parse(R"({"not_a_diffusers_key": 1, "_name_or_path": "x"})");
  ASSERT_EQ(parsed.warnings.size(), 1u);
  EXPECT_NE(parsed.warnings[0].find("not_a_diffusers_key"), std::string::npos);
}

TEST(UNetConfig, KeysAtTheirDefaultsPass) {
  EXPECT_NO_THROW(parse(R"({"class_embed_type": null, "resnet_time_scale_shift": "default",
      "time_embedding_type": "positional", "addition_embed_type": null, "dual_cross_attention": false,
      "only_cross_attention": [false, false, false, false], "attention_type": "default", "act_fn": "swish",
      "resnet_out_scale_factor": 1.0, "cross_attention_norm": null, "conv_in_kernel": 3})"));
}

TEST(UNetConfig, UnsupportedValuesAreRefusedByKeyAndValue) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"down_block_types": ["CrossAttnDownBlock2D", "SimpleCrossAttnDownBlock2D", "DownBlock2D", "DownBlock2D"]})",
       R"("down_block_types" is "SimpleCrossAttnDownBlock2D")"},
      {R"({"up_block_types": ["UpBlock2D", "AttnUpBlock2D", "UpBlock2D", "UpBlock2D"]})",
       R"("up_block_types" is "AttnUpBlock2D")"},
      {R"({"class_embed_type": "timestep"})", R"("class_embed_type" is "timestep")"},
      {R"({"num_class_embeds": 10})", R"("num_class_embeds" is 10)"},
      {R"({"in_channels": 9})", R"("in_channels" is 9)"},
      {R"({"addition_embed_type": "text_time"})", R"("addition_embed_type" is "text_time")"},
      {R"({"time_embedding_type": "fourier"})", R"("time_embedding_type" is "fourier")"},
      {R"({"mid_block_type": "UNetMidBlock2DSimpleCrossAttn"})",
       R"("mid_block_type" is "UNetMidBlock2DSimpleCrossAttn")"},
      {R"({"resnet_time_scale_shift": "scale_shift"})", R"("resnet_time_scale_shift" is "scale_shift")"},
      {R"({"time_cond_proj_dim": 256})", R"("time_cond_proj_dim" is 256)"},
      {R"({"attention_head_dim": [5, 10, 20]})", R"("attention_head_dim" has 3 entries for 4 down blocks)"},
      {R"({"layers_per_block": "two"})", R"("layers_per_block" must be an integer)"},
      {R"({"attention_head_dim": 7})", R"("attention_head_dim" gives 7 heads for 320 channels)"},
      {R"({"up_block_types": ["UpBlock2D"]})", R"("up_block_types" has 1 blocks, down_block_types 4)"},
  };
  for (const auto& [config, message] : cases) {
    const std::string error = error_of([&] { parse(config); });
    EXPECT_NE(error.find(message), std::string::npos) << config << "\n  gave: " << error;
    EXPECT_NE(error.find("unet/config.json"), std::string::npos) << error;
  }
}

TEST(UNetConfig, UNetResPrefixedBlockTypesAreThePlainOnes) {
  EXPECT_EQ(parse(R"({"down_block_types": ["UNetResCrossAttnDownBlock2D", "CrossAttnDownBlock2D",
      "CrossAttnDownBlock2D", "UNetResDownBlock2D"]})")
                .config.down_block_types.back(),
            "DownBlock2D");
}

// diffusers' own counts (`unet.num_parameters()`) for the real models. The parameters are left
// uninitialised, so building a full-size U-Net costs no resident memory.
TEST(UNet, ParameterCountsAreDiffusers) {
  const std::pair<const char*, int64_t> cases[] = {
      {"bk-sdm-v2-tiny", 326'825'604},
      {"bk-sdm-tiny", 323'384'964},
      {"sd-v1-4", 859'520'964},
  };
  for (const auto& [model, count] : cases) {
    const auto parsed =
        bksdm::parse_unet_config(bksdm::read_json_file(kRealConfigs / model / "unet/config.json"));
    const UNet2DConditionModel unet(parsed.config);
    EXPECT_EQ(bksdm::count_parameters(*unet), count) << model;
  }
}

TEST(UNet, ParameterNamesAreTheCheckpointKeys) {
  for (const auto& model : kModels) {
    const auto file = bksdm::SafetensorsFile::open(kFixtures / "models" / model /
                                                   "unet/diffusion_pytorch_model.safetensors");
    std::set<std::string> keys;
    for (const auto& info : file->tensors()) keys.insert(info.name);
    std::set<std::string> names;
    for (const auto& item : load_fixture(model)->named_parameters()) names.insert(item.key());
    EXPECT_EQ(names, keys) << model;
  }
}

}  // namespace

namespace {

// The adapters' hook: a weight changed as it loads (as a merged LoRA changes it), the file untouched.
TEST(WeightAdjustment, ChangesTheLoadedValueOfTheParameterItNames) {
  const fs::path file = kFixtures / "models/bk-sdm-tiny-mini/unet/diffusion_pytorch_model.safetensors";
  const std::string target = "down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k.weight";
  const UNet2DConditionConfig config =
      parse(bksdm::read_json_file(kFixtures / "models/bk-sdm-tiny-mini/unet/config.json").dump()).config;
  bksdm::WeightLoadOptions options;
  std::vector<std::string> seen;
  options.adjust = [&](const std::string& name, const at::Tensor& value) {
    seen.push_back(name);
    return name == target ? value + 1 : value;
  };
  UNet2DConditionModel unet(config);
  bksdm::load_weights(*unet, file, options);
  const at::Tensor original = bksdm::SafetensorsFile::open(file)->tensor(target);
  const auto parameters = unet->named_parameters();
  EXPECT_TRUE(at::equal(parameters[target], original + 1));
  EXPECT_EQ(seen.size(), parameters.size());  // every parameter passes through it once
  const std::string other = "conv_in.weight";
  EXPECT_TRUE(at::equal(parameters[other], bksdm::SafetensorsFile::open(file)->tensor(other)));
}

}  // namespace
