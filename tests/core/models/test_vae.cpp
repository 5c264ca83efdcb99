#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/io/error.h"
#include "tests/core/test_support.h"
#include "core/io/safetensors.h"
#include "core/loading/model_folder.h"
#include "core/models/autoencoder_kl.h"
#include "core/models/layers.h"

namespace fs = std::filesystem;
using bksdm::AutoencoderKL;
using bksdm::AutoencoderKLConfig;
using bksdm::Error;
using bksdm::ModelFolder;

namespace {

using namespace bksdm::testing;
const auto& kModels = kFixtureModels;

AutoencoderKLConfig config_of(const std::string& json) {
  return AutoencoderKLConfig::from_json(nlohmann::json::parse(json), "vae/config.json");
}

std::shared_ptr<AutoencoderKL> fixture_vae() {
  return bksdm::load_autoencoder_kl(fixture_model("sd-v1-4-mini"));
}

// A smooth random latent field, closer to real latents than white noise.
at::Tensor smooth_latents(int64_t height, int64_t width) {
  at::Generator generator = at::detail::createCPUGenerator(7);
  const at::Tensor coarse = at::randn({1, 4, height / 4, width / 4}, generator, at::kFloat);
  return at::upsample_bilinear2d(coarse, {height, width}, false) / 0.18215;
}

class VaeTest : public ::testing::Test {
 protected:
  void SetUp() override { at::set_num_threads(1); }
};

class VaeFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { at::set_num_threads(1); }
};

TEST_P(VaeFixture, DecodeMatchesDiffusers) {
  const auto vae = bksdm::load_autoencoder_kl(fixture_model(GetParam()));
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / "expected" / GetParam() / "vae.safetensors");
  EXPECT_DOUBLE_EQ(vae->config().scaling_factor, 0.18215);
  const at::Tensor decoded = vae->decode(expected->tensor("latents") / vae->config().scaling_factor);
  ASSERT_EQ(decoded.sizes(), expected->tensor("decoded").sizes());
  EXPECT_LT(relative_error(decoded, expected->tensor("decoded")), 1e-5);
}

INSTANTIATE_TEST_SUITE_P(AllFixtureModels, VaeFixture, ::testing::ValuesIn(kModels));

TEST_F(VaeTest, EncodeGivesTheLatentDistribution) {
  const auto vae = fixture_vae();
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / "expected/sd-v1-4-mini/vae.safetensors");
  const at::Tensor images = expected->tensor("decoded");
  const bksdm::DiagonalGaussianDistribution posterior = vae->encode(images);
  EXPECT_EQ(posterior.mean.sizes(), (at::IntArrayRef{1, 4, 8, 12}));
  EXPECT_TRUE(at::equal(posterior.mode(), posterior.mean));
  EXPECT_TRUE(at::allclose(posterior.std * posterior.std, posterior.var));
  EXPECT_TRUE(at::equal(posterior.logvar, posterior.logvar.clamp(-30, 20)));

  at::Generator first = at::detail::createCPUGenerator(42);
  at::Generator second = at::detail::createCPUGenerator(42);
  const at::Tensor sample = posterior.sample(first);
  EXPECT_TRUE(at::equal(sample, posterior.sample(second)));
  at::Generator same_draws = at::detail::createCPUGenerator(42);
  const at::Tensor noise = at::randn({1, 4, 8, 12}, same_draws, at::kFloat);
  EXPECT_TRUE(at::allclose(sample, posterior.mean + posterior.std * noise));
  EXPECT_FALSE(at::equal(sample, posterior.sample(first)));
}

// With tiles of 128 pixels (16 latents) the tiles start every 12 latents and blend over 32 pixels; the
// first 96 rows and columns of each tile are kept.
TEST_F(VaeTest, TilesAreDecodedAloneAndBlendedLinearly) {
  const auto vae = fixture_vae();
  vae->set_tile_sample_min_size(128);
  ASSERT_EQ(vae->tile_latent_min_size(), 16);
  const at::Tensor latents = smooth_latents(32, 48);
  const at::Tensor tiled = vae->tiled_decode(latents);
  EXPECT_EQ(tiled.sizes(), (at::IntArrayRef{1, 3, 256, 384}));

  const at::Tensor first = vae->decode(latents.slice(2, 0, 16).slice(3, 0, 16)).slice(2, 0, 96);
  const at::Tensor second = vae->decode(latents.slice(2, 0, 16).slice(3, 12, 28)).slice(2, 0, 96);
  EXPECT_TRUE(at::equal(tiled.slice(2, 0, 96).slice(3, 0, 96), first.slice(3, 0, 96)));
  for (const int64_t x : {0, 8, 31}) {
    const double weight = x / 32.0;
    const at::Tensor blended = first.select(3, 96 + x) * (1 - weight) + second.select(3, x) * weight;
    EXPECT_TRUE(at::allclose(tiled.slice(2, 0, 96).select(3, 96 + x), blended, 1e-6, 1e-6)) << "column " << x;
  }
  EXPECT_TRUE(at::equal(tiled.slice(2, 0, 96).slice(3, 128, 192), second.slice(3, 32, 96)));
}

// The mini VAE mixes the whole image (mid-block attention, group norms), so a tile decoded alone
// differs from the same region of a whole decode by much; tiling must not add to that.
TEST_F(VaeTest, TiledDecodeApproachesTheWholeDecodeAsTilesGrow) {
  const auto vae = fixture_vae();
  const at::Tensor latents = smooth_latents(32, 48);
  const at::Tensor whole = vae->decode(latents);
  double previous = 1e9;
  for (const int64_t tile : {64, 128, 256}) {
    vae->set_tile_sample_min_size(tile);
    const at::Tensor tiled = vae->tiled_decode(latents);
    ASSERT_EQ(tiled.sizes(), whole.sizes());
    const double error = relative_error(tiled, whole);
    const int64_t kept = tile - tile / 4;
    const at::Tensor alone = vae->decode(latents.slice(2, 0, tile / 8).slice(3, 0, tile / 8));
    const double tile_error =
        relative_error(alone.slice(2, 0, kept).slice(3, 0, kept), whole.slice(2, 0, kept).slice(3, 0, kept));
    EXPECT_LT(error, 1.5 * tile_error) << "tile " << tile;
    EXPECT_LT(error, previous) << "tile " << tile;
    previous = error;
  }
  EXPECT_LT(previous, 0.35);

  vae->set_tile_sample_min_size(128);
  vae->enable_tiling();
  EXPECT_TRUE(at::equal(vae->decode(latents), vae->tiled_decode(latents)));
  const at::Tensor one_tile = latents.slice(2, 0, 16).slice(3, 0, 16);
  vae->enable_tiling(false);
  const at::Tensor untiled = vae->decode(one_tile);
  vae->enable_tiling();
  EXPECT_TRUE(at::equal(vae->decode(one_tile), untiled));
}

TEST_F(VaeTest, TiledEncodeKeepsTheLatentSize) {
  const auto vae = fixture_vae();
  vae->set_tile_sample_min_size(64);
  const at::Tensor images = at::tanh(vae->decode(smooth_latents(24, 32)));
  const at::Tensor whole = vae->encode(images).mean;
  vae->enable_tiling();
  const at::Tensor tiled = vae->encode(images).mean;
  ASSERT_EQ(tiled.sizes(), whole.sizes());
  EXPECT_TRUE(at::equal(tiled, vae->tiled_encode(images).chunk(2, 1)[0]));
}

TEST_F(VaeTest, DeprecatedAttentionNamesLoad) {
  const fs::path dir = fs::temp_directory_path() / ("bksdm-vae-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(kFixtures / "models/sd-v1-4-mini", dir, fs::copy_options::recursive);
  const fs::path weights = dir / "vae/diffusion_pytorch_model.safetensors";
  std::vector<std::pair<std::string, at::Tensor>> renamed;
  {
    const auto file = bksdm::SafetensorsFile::open(weights);
    for (const auto& info : file->tensors()) {
      std::string name = info.name;
      for (const auto& [now, before] : {std::pair{".to_q.", ".query."},
                                        {".to_k.", ".key."},
                                        {".to_v.", ".value."},
                                        {".to_out.0.", ".proj_attn."}}) {
        const size_t at = name.find(now);
        if (at != std::string::npos)
          name = name.substr(0, at) + before + name.substr(at + std::string(now).size());
      }
      renamed.emplace_back(name, file->tensor(info.name).clone());
    }
  }
  fs::remove(weights);
  bksdm::write_safetensors(weights, renamed);
  const auto vae = bksdm::load_autoencoder_kl(ModelFolder::open(dir.string()));
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / "expected/sd-v1-4-mini/vae.safetensors");
  EXPECT_LT(relative_error(vae->decode(expected->tensor("latents") / 0.18215), expected->tensor("decoded")),
            1e-5);
  fs::remove_all(dir);
}

TEST_F(VaeTest, AMissingTensorIsNamed) {
  const ModelFolder folder = fixture_model("sd-v1-4-mini");
  AutoencoderKLConfig config = AutoencoderKLConfig::from_json(folder.config("vae"), "config.json");
  config.layers_per_block = 3;
  AutoencoderKL vae(config);
  const std::string message = error_of([&] { bksdm::load_weights(vae, folder.weights("vae")); });
  EXPECT_NE(message.find("missing"), std::string::npos) << message;
  EXPECT_NE(message.find("encoder.down_blocks.0.resnets.2.conv1.weight"), std::string::npos) << message;
}

TEST_F(VaeTest, AMisShapedTensorIsNamed) {
  const ModelFolder folder = fixture_model("sd-v1-4-mini");
  AutoencoderKLConfig config = AutoencoderKLConfig::from_json(folder.config("vae"), "config.json");
  config.latent_channels = 8;
  const std::string message = error_of([&] {
    AutoencoderKL vae(config);
    bksdm::load_weights(vae, folder.weights("vae"));
  });
  EXPECT_NE(message.find("decoder.conv_in.weight (file [16, 4, 3, 3], model [16, 8, 3, 3])"),
            std::string::npos)
      << message;
}

TEST(VaeConfig, MissingKeysTakeDiffusersDefaults) {
  const AutoencoderKLConfig config = config_of("{}");
  EXPECT_EQ(config.in_channels, 3);
  EXPECT_EQ(config.out_channels, 3);
  EXPECT_EQ(config.block_out_channels, std::vector<int64_t>{64});
  EXPECT_EQ(config.layers_per_block, 1);
  EXPECT_EQ(config.latent_channels, 4);
  EXPECT_EQ(config.norm_num_groups, 32);
  EXPECT_EQ(config.sample_size, 32);
  EXPECT_DOUBLE_EQ(config.scaling_factor, 0.18215);
  EXPECT_FALSE(config.shift_factor.has_value());
  EXPECT_TRUE(config.force_upcast);
  EXPECT_TRUE(config.use_quant_conv);
  EXPECT_TRUE(config.use_post_quant_conv);
  EXPECT_TRUE(config.mid_block_add_attention);
}

TEST(VaeConfig, NewerKeysPass) {
  const AutoencoderKLConfig config = config_of(R"({
    "block_out_channels": [8, 16], "norm_num_groups": 4, "sample_size": [512, 512],
    "down_block_types": ["DownEncoderBlock2D", "DownEncoderBlock2D"],
    "up_block_types": ["UpDecoderBlock2D", "UpDecoderBlock2D"],
    "force_upcast": false, "latents_mean": null, "latents_std": null, "shift_factor": null,
    "scaling_factor": 0.13025, "use_quant_conv": false, "mid_block_add_attention": false})");
  EXPECT_EQ(config.sample_size, 512);
  EXPECT_FALSE(config.force_upcast);
  EXPECT_DOUBLE_EQ(config.scaling_factor, 0.13025);
  EXPECT_FALSE(config.use_quant_conv);
  const AutoencoderKL vae(config);
  const auto names = vae.named_parameters().keys();
  EXPECT_EQ(std::count_if(names.begin(), names.end(),
                          [](const std::string& name) {
                            return name.find("quant_conv") == 0 ||
                                   name.find("attentions") != std::string::npos;
                          }),
            0);
  EXPECT_EQ(vae.decode(at::zeros({1, 4, 3, 5})).sizes(), (at::IntArrayRef{1, 3, 6, 10}));
}

TEST(VaeConfig, UnsupportedValuesAreRefusedByKey) {
  const auto refusal = [](const std::string& json) { return error_of([&] { config_of(json); }); };
  const std::string block_type = refusal(R"({"down_block_types": ["AttnDownEncoderBlock2D"]})");
  EXPECT_NE(block_type.find("\"down_block_types\""), std::string::npos) << block_type;
  EXPECT_NE(block_type.find("AttnDownEncoderBlock2D"), std::string::npos) << block_type;
  EXPECT_NE(block_type.find("vae/config.json"), std::string::npos) << block_type;
  EXPECT_NE(refusal(R"({"up_block_types": ["UpBlock2D"]})").find("\"up_block_types\""), std::string::npos);
  EXPECT_NE(refusal(R"({"block_out_channels": [64, 128]})").find("\"down_block_types\""), std::string::npos);
  EXPECT_NE(refusal(R"({"act_fn": "gelu"})").find("\"act_fn\""), std::string::npos);
  EXPECT_NE(refusal(R"({"norm_num_groups": 24})").find("\"norm_num_groups\""), std::string::npos);
  EXPECT_NE(refusal(R"({"_class_name": "AutoencoderTiny"})").find("\"_class_name\""), std::string::npos);
  EXPECT_NE(refusal(R"({"layers_per_block": "2"})").find("\"layers_per_block\""), std::string::npos);
  EXPECT_EQ(config_of(R"({"down_block_types": ["UNetResDownEncoderBlock2D"]})").block_out_channels.size(),
            1u);
}

TEST(VaeConfig, RealModelsHaveTheirParameterCount) {
  for (const char* model : {"sd-v1-4", "bk-sdm-base", "bk-sdm-small", "bk-sdm-tiny", "sd-v2-1-base",
                            "bk-sdm-v2-base", "bk-sdm-v2-small", "bk-sdm-v2-tiny"}) {
    const auto json = bksdm::read_json_file(kRealConfigs / model / "vae/config.json");
    const AutoencoderKL vae(AutoencoderKLConfig::from_json(json, "config.json"));
    EXPECT_EQ(bksdm::count_parameters(vae), 83'653'863) << model;
    EXPECT_EQ(vae.downscale_factor(), 8) << model;
  }
}

}  // namespace
