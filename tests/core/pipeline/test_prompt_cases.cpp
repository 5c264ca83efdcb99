// A1111's prompt language through the pipeline against the reference: weights, nesting, escapes,
// long prompts of several chunks (and a negative of fewer), BREAK, prompt editing and alternation,
// CLIP skip both ways, each case of cases-ext.json's kinds prompt_syntax, prompt_schedule and
// clip_skip.
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "core/io/safetensors.h"
#include "core/models/clip_text_model.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/prompt_encoding.h"
#include "core/prompt/prompt_schedule.h"
#include "tests/core/pipeline/fixture_case.h"
#include "tests/core/test_support.h"

namespace {

using namespace bksdm::testing;

std::vector<nlohmann::json> prompt_cases() {
  std::vector<nlohmann::json> cases;
  for (const auto& spec : bksdm::read_json_file(kFixtures / "cases-ext.json"))
    if (spec["kind"] == "prompt_syntax" || spec["kind"] == "prompt_schedule" || spec["kind"] == "clip_skip")
      cases.push_back(spec);
  return cases;
}

bksdm::GenerationRequest request_of(const nlohmann::json& spec) {
  bksdm::GenerationRequest request = request_for(spec);
  request.prompt_syntax = *bksdm::prompt_syntax_named(spec["prompt_syntax"].get<std::string>());
  if (spec.contains("clip_skip")) request.clip_skip = std::stoi(spec["clip_skip"].get<std::string>());
  return request;
}

// A weighted chunk is rescaled by mean(z) / mean(z * weights); after CLIP's final layer norm both
// means are near 0, so the encoder's last-bit differences (1e-7) can move that factor by 1e-5. The
// chunk is compared in shape (1e-5 relative L2 once the best scale is applied) and in scale (1e-4).
void expect_chunk_near(const at::Tensor& actual, const at::Tensor& expected, const std::string& what) {
  const double scale = ((actual * expected).sum() / (actual * actual).sum()).item<double>();
  EXPECT_NEAR(scale, 1.0, 1e-4) << what;
  EXPECT_LE(relative_error(actual * scale, expected), 1e-5) << what;
}

// An edited prompt's texts have maps of their own: each over the iterations the reference had it in
// force (its iteration_prompts), and together the run's maps, which are sums over the iterations
// (up to the clamp at 0 after the upsampling, where the bicubic kernel undershoots).
void expect_text_maps(const bksdm::GenerationResult& result, const bksdm::SafetensorsFile& expected) {
  const auto in_force = nlohmann::json::parse(expected.metadata().at("iteration_prompts")).get<std::vector<std::string>>();
  ASSERT_GT(result.text_attention.size(), 1u);
  std::vector<std::string> seen(in_force.size());
  at::Tensor sum = at::zeros_like(result.attention);
  for (const bksdm::TextAttention& text : result.text_attention) {
    for (int iteration : text.iterations) seen.at(size_t(iteration)) = text.text;
    ASSERT_TRUE(text.maps.defined()) << text.text;
    sum += text.maps;
  }
  EXPECT_EQ(seen, in_force);
  EXPECT_LE(relative_error(sum, result.attention), 1e-3);
}

class PromptLanguage : public ::testing::TestWithParam<nlohmann::json> {};

TEST_P(PromptLanguage, MatchesTheReferenceRun) {
  const nlohmann::json& spec = GetParam();
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>());
  bksdm::LoadOptions options;
  options.threads = 1;
  auto pipeline = bksdm::StableDiffusionPipeline::load(fixture_model(spec["model"]), options);
  const bksdm::GenerationResult result = pipeline->generate(request_of(spec));

  const at::Tensor step_latents = expected->tensor("step_latents");
  ASSERT_EQ(result.step_latents.sizes(), step_latents.sizes());
  for (int64_t i = 0; i < step_latents.size(0); ++i)
    EXPECT_LE(relative_error(result.step_latents[i], step_latents[i]), 1e-4) << "step " << i;
  EXPECT_LE((result.images - expected->tensor("image")).abs().max().item<double>(), 5e-4);
  ASSERT_EQ(result.attention.sizes(), expected->tensor("attention").sizes());
  EXPECT_LE(relative_error(result.attention, expected->tensor("attention")), 1e-4);
  if (spec["kind"] == "prompt_schedule") expect_text_maps(result, *expected);
}

// The same run through `bksdm generate --save-tensors`, as the hidden cases are run: image, step
// latents, attention and each text's embeddings (1e-5 after the best scale, as above).
TEST_P(PromptLanguage, MatchesTheReferenceThroughTheCommandLine) {
  if (!std::filesystem::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  const nlohmann::json& spec = GetParam();
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>());
  const TempDir dir("prompt-cli");
  std::string error;
  const std::string clip_skip = " --clip-skip " + std::to_string(request_of(spec).clip_skip);
  ASSERT_EQ(run_bksdm(generate_arguments(spec, dir / "run.safetensors", clip_skip), &error), 0) << error;
  const auto saved = bksdm::SafetensorsFile::open(dir / "run.safetensors");
  expect_saved_run(*saved, *expected);
  for (const bksdm::TensorInfo& info : expected->tensors())
    if (info.name.find("prompt_embeds") != std::string::npos) {
      ASSERT_TRUE(saved->find(info.name)) << info.name;
      // Chunk by chunk: A1111 rescales each chunk by its own means.
      const at::Tensor actual = saved->tensor(info.name), reference = expected->tensor(info.name);
      ASSERT_EQ(actual.sizes(), reference.sizes()) << info.name;
      for (int64_t c = 0; c < reference.size(1) / 77; ++c)
        expect_chunk_near(actual.slice(1, 77 * c, 77 * (c + 1)), reference.slice(1, 77 * c, 77 * (c + 1)),
                          info.name + " chunk " + std::to_string(c));
    }
}

// The texts of each prompt's schedule, as the reference scheduled them, and their embeddings,
// encoded as one batch.
TEST_P(PromptLanguage, EncodesEachScheduledTextAsTheReference) {
  const nlohmann::json& spec = GetParam();
  const bksdm::GenerationRequest request = request_of(spec);
  if (request.prompt_syntax != bksdm::PromptSyntax::A1111) GTEST_SKIP() << "diffusers' own encoding";
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>());
  const bksdm::ModelFolder model = fixture_model(spec["model"]);
  const auto encoder = bksdm::load_clip_text_model(model);
  const auto tokenizer = bksdm::ClipTokenizer::load(model.component_dir("tokenizer"));
  for (const std::string which : {"prompt", "negative_prompt"}) {
    const std::string text = which == "prompt" ? request.prompt : request.negative_prompt;
    const auto schedule = bksdm::prompt_schedule(text, request.steps);
    std::vector<std::string> texts;
    for (const auto& entry : schedule) texts.push_back(entry.text);
    const at::Tensor embeddings = bksdm::encode_weighted(*encoder, *tokenizer, texts, request.clip_skip, at::kCPU);
    const auto& metadata = expected->metadata();
    if (metadata.count(which + "_schedule")) {
      const auto reference = nlohmann::json::parse(metadata.at(which + "_schedule"));
      ASSERT_EQ(reference.size(), schedule.size()) << which;
      for (size_t k = 0; k < schedule.size(); ++k) {
        EXPECT_EQ(reference[k][0].get<int>(), schedule[k].end_step) << which << " entry " << k;
        EXPECT_EQ(reference[k][1].get<std::string>(), schedule[k].text) << which << " entry " << k;
      }
    }
    for (size_t k = 0; k < schedule.size(); ++k) {
      const std::string key = which + "_embeds" + (schedule.size() > 1 || expected->find(which + "_embeds") == nullptr
                                                       ? "." + std::to_string(k)
                                                       : "");
      const at::Tensor reference = expected->tensor(key)[0];
      ASSERT_EQ(embeddings[int64_t(k)].sizes(), reference.sizes()) << key;
      for (int64_t c = 0; c < reference.size(0) / 77; ++c)
        expect_chunk_near(embeddings[int64_t(k)].slice(0, 77 * c, 77 * (c + 1)), reference.slice(0, 77 * c, 77 * (c + 1)),
                          key + " chunk " + std::to_string(c));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, PromptLanguage, ::testing::ValuesIn(prompt_cases()),
                         [](const ::testing::TestParamInfo<nlohmann::json>& info) {
                           std::string name = info.param["model"].get<std::string>() + "_" +
                                              info.param["kind"].get<std::string>() + "_" +
                                              info.param["case"].get<std::string>();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace

namespace {

// Past kMaxPromptChunks chunks the rest of a prompt is cut, as the app's token counter says.
TEST(PromptChunks, AtMostTheMaximumAreEncoded) {
  const bksdm::ModelFolder model = bksdm::testing::fixture_model("sd-v1-4-mini");
  const auto encoder = bksdm::load_clip_text_model(model);
  const auto tokenizer = bksdm::ClipTokenizer::load(model.component_dir("tokenizer"));
  std::string prompt;
  for (int i = 0; i < 700; ++i) prompt += "cat ";
  const at::Tensor embeddings = bksdm::encode_weighted(*encoder, *tokenizer, {prompt, "a dog"}, 1, at::kCPU);
  EXPECT_EQ(embeddings.size(1), 77 * bksdm::kMaxPromptChunks);
}

}  // namespace
