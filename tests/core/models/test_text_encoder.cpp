#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "core/io/error.h"
#include "tests/core/test_support.h"
#include "core/io/safetensors.h"
#include "core/loading/model_folder.h"
#include "core/models/clip_text_model.h"
#include "core/models/layers.h"

namespace fs = std::filesystem;
using bksdm::CLIPTextConfig;
using bksdm::CLIPTextModel;
using bksdm::Error;
using bksdm::ModelFolder;

namespace {

using namespace bksdm::testing;

CLIPTextConfig config_of(const std::string& json) {
  return CLIPTextConfig::from_json(nlohmann::json::parse(json), "text_encoder/config.json");
}

class TextEncoderFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { at::set_num_threads(1); }
};

TEST_P(TextEncoderFixture, LastHiddenStateMatchesTransformers) {
  const auto model =
      bksdm::load_clip_text_model(fixture_model(GetParam()));
  const auto expected =
      bksdm::SafetensorsFile::open(kFixtures / "expected" / GetParam() / "text.safetensors");
  for (int i = 0; i < 4; ++i) {
    const at::Tensor ids = expected->tensor("input_ids." + std::to_string(i));
    const at::Tensor embeds = expected->tensor("embeds." + std::to_string(i));
    const at::Tensor actual = model->forward(ids);
    ASSERT_EQ(actual.sizes(), embeds.sizes());
    EXPECT_LT(relative_error(actual, embeds), 1e-5) << "prompt " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(AllFixtureModels, TextEncoderFixture,
                         ::testing::Values("sd-v1-4-mini", "bk-sdm-tiny-mini", "sd-v2-1-base-mini",
                                           "bk-sdm-v2-base-mini", "bk-sdm-v2-small-mini",
                                           "bk-sdm-v2-tiny-mini"));

TEST(TextEncoder, ShorterInputsAndBatchesRunTheCausalPrefix) {
  at::set_num_threads(1);
  const auto model =
      bksdm::load_clip_text_model(fixture_model("sd-v1-4-mini"));
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / "expected/sd-v1-4-mini/text.safetensors");
  const at::Tensor ids = at::cat({expected->tensor("input_ids.0"), expected->tensor("input_ids.1")});
  const at::Tensor embeds = at::cat({expected->tensor("embeds.0"), expected->tensor("embeds.1")});
  EXPECT_LT(relative_error(model->forward(ids), embeds), 1e-5);
  // Under a causal mask a token never sees later ones, so a prefix gives the prefix's states.
  const at::Tensor prefix = ids.slice(1, 0, 10).to(at::kInt);
  EXPECT_LT(relative_error(model->forward(prefix), embeds.slice(1, 0, 10)), 1e-5);
}

TEST(TextEncoder, RefusesIdsItCannotEmbed) {
  const auto model =
      bksdm::load_clip_text_model(fixture_model("sd-v1-4-mini"));
  EXPECT_NE(error_of([&] {
              model->forward(at::full({1, 77}, 49408, at::kLong));
            }).find("token ids"),
            std::string::npos);
  EXPECT_NE(error_of([&] {
              model->forward(at::zeros({1, 78}, at::kLong));
            }).find("[1, 78]"),
            std::string::npos);
}

TEST(TextEncoder, AMissingTensorIsNamed) {
  const ModelFolder folder = fixture_model("sd-v1-4-mini");
  CLIPTextConfig config = CLIPTextConfig::from_json(folder.config("text_encoder"), "config.json");
  config.num_hidden_layers = 4;
  CLIPTextModel model(config);
  const std::string message = error_of([&] { bksdm::load_weights(model, folder.weights("text_encoder")); });
  EXPECT_NE(message.find("text_model.encoder.layers.3.self_attn.q_proj.weight"), std::string::npos)
      << message;
  EXPECT_NE(message.find("missing"), std::string::npos) << message;
}

TEST(TextEncoder, AMisShapedTensorIsNamed) {
  const ModelFolder folder = fixture_model("sd-v2-1-base-mini");
  CLIPTextConfig config = CLIPTextConfig::from_json(folder.config("text_encoder"), "config.json");
  config.intermediate_size = 40;
  CLIPTextModel model(config);
  const std::string message = error_of([&] {
    bksdm::load_weights(model, folder.weights("text_encoder"), {{"text_model.embeddings.position_ids"}});
  });
  EXPECT_NE(message.find("text_model.encoder.layers.0.mlp.fc1.weight (file [37, 16], model [40, 16])"),
            std::string::npos)
      << message;
}

TEST(TextEncoderConfig, MissingKeysTakeTransformersDefaults) {
  const CLIPTextConfig config = config_of("{}");
  EXPECT_EQ(config.vocab_size, 49408);
  EXPECT_EQ(config.hidden_size, 512);
  EXPECT_EQ(config.intermediate_size, 2048);
  EXPECT_EQ(config.num_hidden_layers, 12);
  EXPECT_EQ(config.num_attention_heads, 8);
  EXPECT_EQ(config.max_position_embeddings, 77);
  EXPECT_EQ(config.hidden_act, "quick_gelu");
  EXPECT_DOUBLE_EQ(config.layer_norm_eps, 1e-5);
}

TEST(TextEncoderConfig, UnsupportedValuesAreRefusedByKey) {
  EXPECT_NE(error_of([] { config_of(R"({"hidden_act": "relu"})"); }).find("\"hidden_act\""),
            std::string::npos);
  EXPECT_NE(error_of([] {
              config_of(R"({"hidden_size": 16, "num_attention_heads": 3})");
            }).find("\"num_attention_heads\""),
            std::string::npos);
  EXPECT_NE(error_of([] { config_of(R"({"hidden_size": "16"})"); }).find("\"hidden_size\""),
            std::string::npos);
  EXPECT_NE(error_of([] { config_of(R"({"num_hidden_layers": 0})"); }).find("\"num_hidden_layers\""),
            std::string::npos);
  EXPECT_NE(error_of([] { config_of(R"({"model_type": "clip"})"); }).find("\"model_type\""),
            std::string::npos);
  EXPECT_NE(error_of([] { config_of(R"({"hidden_act": "relu"})"); }).find("text_encoder/config.json"),
            std::string::npos);
}

TEST(TextEncoderConfig, RealModelsHaveTheirParameterCounts) {
  const std::pair<const char*, int64_t> cases[] = {
      {"bk-sdm-tiny", 123'060'480},    {"sd-v1-4", 123'060'480},        {"bk-sdm-base", 123'060'480},
      {"bk-sdm-v2-tiny", 340'387'840}, {"bk-sdm-v2-base", 340'387'840}, {"sd-v2-1-base", 340'387'840},
  };
  for (const auto& [model, parameters] : cases) {
    const auto json = bksdm::read_json_file(kRealConfigs / model / "text_encoder/config.json");
    const CLIPTextModel text_encoder(CLIPTextConfig::from_json(json, "config.json"));
    EXPECT_EQ(bksdm::count_parameters(text_encoder), parameters) << model;
  }
}

}  // namespace

namespace {

// The fixtures' clip_skip cases on the plain path are diffusers' clip_skip = N - 1: the prompt from
// hidden_states[-N] through the final layer norm, the negative from the last layer.
TEST(TextEncoderClipSkip, PenultimateLayerMatchesDiffusers) {
  for (const char* model_name : {"sd-v1-4-mini", "bk-sdm-v2-base-mini"}) {
    SCOPED_TRACE(model_name);
    const auto model = bksdm::load_clip_text_model(fixture_model(model_name));
    const auto expected =
        bksdm::SafetensorsFile::open(kFixtures / "expected" / model_name / "clip_skip-skip2.safetensors");
    const at::Tensor prompt = model->forward(expected->tensor("ids.0").unsqueeze(0), 2);
    EXPECT_LE(relative_error(prompt, expected->tensor("prompt_embeds")), 1e-5);
    const at::Tensor negative = model->forward(expected->tensor("negative_ids.0").unsqueeze(0), 1);
    EXPECT_LE(relative_error(negative, expected->tensor("negative_prompt_embeds")), 1e-5);
    // Skipping changes the embeddings: the test would notice a skip that did nothing.
    EXPECT_GT(relative_error(model->forward(expected->tensor("ids.0").unsqueeze(0)), expected->tensor("prompt_embeds")),
              1e-3);
  }
}

TEST(TextEncoderClipSkip, RefusesMoreLayersThanTheEncoderHas) {
  const auto model = bksdm::load_clip_text_model(fixture_model("sd-v1-4-mini"));
  const at::Tensor ids = at::tensor({49406, 49407}, at::kLong).unsqueeze(0);
  const int64_t layers = model->config().num_hidden_layers;
  EXPECT_NO_THROW(model->forward(ids, int(layers)));
  EXPECT_NE(error_of([&] { model->forward(ids, int(layers) + 1); }).find("clip skip must be from 1 to"), std::string::npos);
  EXPECT_NE(error_of([&] { model->forward(ids, 0); }).find("clip skip"), std::string::npos);
}

}  // namespace
