#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/loading/model_folder.h"
#include "core/pipeline/pipeline.h"
#include "tests/core/pipeline/fixture_case.h"
#include "tests/core/test_support.h"

namespace fs = std::filesystem;

namespace {

using namespace bksdm::testing;

struct Case {
  nlohmann::json spec;
  std::string label() const { return spec["model"].get<std::string>() + "/" + spec["case"].get<std::string>(); }
};

std::vector<Case> all_cases() {
  std::vector<Case> cases;
  for (const auto& spec : bksdm::read_json_file(kFixtures / "cases.json")) cases.push_back({spec});
  return cases;
}

class PipelineCase : public ::testing::TestWithParam<Case> {};

TEST_P(PipelineCase, MatchesDiffusers) {
  const nlohmann::json& spec = GetParam().spec;
  auto expected = bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>());
  bksdm::LoadOptions options;
  options.threads = 1;
  auto pipeline = bksdm::StableDiffusionPipeline::load(
      fixture_model(spec["model"]), options);

  int steps_seen = 0;
  const auto result = pipeline->generate(request_for(spec), [&](const bksdm::StepInfo& info) {
    EXPECT_EQ(info.step, steps_seen++);
    EXPECT_TRUE(info.denoised.defined());
  });

  const at::Tensor timesteps = expected->tensor("timesteps").to(at::kDouble);
  ASSERT_EQ(result.timesteps.size(), size_t(timesteps.numel()));
  for (size_t i = 0; i < result.timesteps.size(); ++i)
    EXPECT_DOUBLE_EQ(result.timesteps[i], timesteps[int64_t(i)].item<double>()) << "timestep " << i;
  EXPECT_EQ(steps_seen, int(result.timesteps.size()));

  const at::Tensor step_latents = expected->tensor("step_latents");
  ASSERT_EQ(result.step_latents.sizes(), step_latents.sizes());
  for (int64_t i = 0; i < step_latents.size(0); ++i)
    EXPECT_LE(relative_error(result.step_latents[i], step_latents[i]), 1e-4) << "step " << i;

  const at::Tensor image = expected->tensor("image");
  ASSERT_EQ(result.images.sizes(), image.sizes());
  EXPECT_LE((result.images - image).abs().max().item<double>(), 5e-4);

  const at::Tensor attention = expected->tensor("attention");
  ASSERT_TRUE(result.attention.defined());
  ASSERT_EQ(result.attention.sizes(), attention.sizes());
  EXPECT_LE(relative_error(result.attention, attention), 1e-4);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, PipelineCase, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string name = info.param.label();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(Pipeline, CancelStopsWithinOneStepAndThePipelineStaysUsable) {
  auto pipeline = bksdm::StableDiffusionPipeline::load(
      fixture_model("bk-sdm-v2-tiny-mini"));
  bksdm::GenerationRequest request;
  request.prompt = "a cat";
  request.steps = 10;
  std::atomic<bool> cancel{false};
  int steps = 0;
  EXPECT_THROW(pipeline->generate(request, [&](const bksdm::StepInfo& info) {
    steps = info.step + 1;
    if (info.step == 2) cancel = true;
  }, &cancel), bksdm::Cancelled);
  EXPECT_EQ(steps, 3);
  request.steps = 2;
  EXPECT_EQ(pipeline->generate(request).images.size(0), 1);
}

// The negative prompt's maps on request. The guided batch's two halves see the same latents, so a
// negative that is the prompt itself attends exactly as the prompt does; asking for them leaves the
// prompt's maps as they were; a negative of another length (its own U-Net call) has its own slots.
TEST(Pipeline, TheNegativePromptsMapsOnRequest) {
  auto pipeline = bksdm::StableDiffusionPipeline::load(fixture_model("bk-sdm-v2-tiny-mini"));
  bksdm::GenerationRequest request;
  request.prompt = request.negative_prompt = "a red cat";
  request.steps = 2;
  request.width = request.height = 64;
  request.attention_maps = true;
  const bksdm::GenerationResult without = pipeline->generate(request);
  EXPECT_FALSE(without.negative_attention.defined());
  request.negative_attention_maps = true;
  request.attention_maps_per_step = true;
  std::vector<at::Tensor> steps;
  const bksdm::GenerationResult with =
      pipeline->generate(request, [&](const bksdm::StepInfo& step) { steps.push_back(step.negative_attention); });
  ASSERT_TRUE(with.negative_attention.defined());
  EXPECT_TRUE(at::equal(with.attention, without.attention));
  EXPECT_LE(relative_error(with.negative_attention, with.attention), 1e-6);
  ASSERT_EQ(steps.size(), with.timesteps.size());
  EXPECT_TRUE(at::equal(steps.back().to(at::kCPU), with.negative_attention));

  request.negative_prompt = "blurry BREAK lowres";
  const bksdm::GenerationResult apart = pipeline->generate(request);
  EXPECT_EQ(apart.negative_attention.size(1), 2 * 77);
  EXPECT_EQ(apart.attention.size(1), 77);
  EXPECT_GT(relative_error(apart.negative_attention.slice(1, 0, 77), apart.attention), 1e-3);

  request.guidance_scale = 1;  // no negative at all
  EXPECT_FALSE(pipeline->generate(request).negative_attention.defined());
}

TEST(Pipeline, RefusesASizeThatIsNotAMultipleOfEight) {
  auto pipeline = bksdm::StableDiffusionPipeline::load(
      fixture_model("bk-sdm-v2-tiny-mini"));
  bksdm::GenerationRequest request;
  request.width = 60;
  EXPECT_THROW(pipeline->generate(request), bksdm::Error);
}

// The engine refuses what no run can use whoever asks (the app, the CLI), before the first step.
TEST(Pipeline, RefusesSettingsNoRunCanUse) {
  auto pipeline = bksdm::StableDiffusionPipeline::load(fixture_model("bk-sdm-v2-tiny-mini"));
  const auto refusal = [&](const std::function<void(bksdm::GenerationRequest&)>& change) {
    bksdm::GenerationRequest request;
    request.prompt = "a";
    request.steps = 1;
    request.width = request.height = 64;
    change(request);
    return error_of([&] { pipeline->generate(request); });
  };
  EXPECT_EQ(refusal([](auto& r) { r.guidance_scale = NAN; }), "guidance must be a finite number, got nan");
  EXPECT_EQ(refusal([](auto& r) { r.guidance_scale = -INFINITY; }), "guidance must be a finite number, got -inf");
  EXPECT_EQ(refusal([](auto& r) { r.eta = 1.5; }), "eta must be from 0 to 1, got 1.5");
  EXPECT_EQ(refusal([](auto& r) { r.eta = NAN; }), "eta must be from 0 to 1, got nan");
  EXPECT_EQ(refusal([](auto& r) { r.prompt = "caf\xe9"; }), "the prompt is not valid UTF-8");
  EXPECT_EQ(refusal([](auto& r) { r.negative_prompt = "\xed\xa0\x80"; }), "the negative prompt is not valid UTF-8");
  EXPECT_EQ(refusal([](auto&) {}), "(no error)");
}

// A copy of the fixture model whose components have only fp16 weight files, as a `variant="fp16"`
// download has: each file replaced by NAME.fp16.safetensors holding its tensors in fp16.
fs::path fp16_only_copy(const TempDir& dir, const std::string& model) {
  const fs::path copy = dir.copy_fixture_model(model);
  for (const char* component : {"text_encoder", "unet", "vae"}) {
    const fs::path file = bksdm::ModelFolder::open(copy.string()).weights(component);
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    const auto weights = bksdm::SafetensorsFile::open(file);
    for (const auto& info : weights->tensors()) {
      const at::Tensor value = weights->tensor(info.name);
      tensors.emplace_back(info.name, value.is_floating_point() ? value.to(at::kHalf) : value);
    }
    fs::path fp16 = file;
    fp16.replace_extension(".fp16.safetensors");
    bksdm::write_safetensors(fp16, tensors);
    fs::remove(file);
  }
  return copy;
}

// The low-memory mode rounds the weights to fp16 and computes in fp32: its image is the fp32 one
// up to that rounding, and the same whether it maps fp16 files or converts fp32 ones.
TEST(Pipeline, LowMemoryModeKeepsFp16WeightsAndComputesInFp32) {
  TempDir dir("low-memory");
  bksdm::GenerationRequest request;
  request.prompt = "a photograph of an astronaut riding a horse";
  request.steps = 3;
  bksdm::LoadOptions low_memory;
  low_memory.low_memory = true;
  const at::Tensor fp32 = bksdm::StableDiffusionPipeline::load(fixture_model("bk-sdm-v2-tiny-mini"))
                              ->generate(request).images;
  const at::Tensor converted =
      bksdm::StableDiffusionPipeline::load(fixture_model("bk-sdm-v2-tiny-mini"), low_memory)->generate(request).images;
  const at::Tensor mapped = bksdm::StableDiffusionPipeline::load(
                                bksdm::ModelFolder::open(fp16_only_copy(dir, "bk-sdm-v2-tiny-mini").string()),
                                low_memory)
                                ->generate(request).images;
  EXPECT_EQ(converted.scalar_type(), at::kFloat);
  EXPECT_TRUE(at::equal(converted, mapped));
  EXPECT_FALSE(at::equal(converted, fp32));
  EXPECT_LT((converted - fp32).abs().max().item<double>(), 1e-2);
}

// Twice the VAE's tile (64 pixels) each way: nine overlapping tiles, blended where they meet, so the
// image is the untiled one but for small differences.
TEST(Pipeline, TiledDecodeGivesTheWholeImageWithinBlendingDifferences) {
  auto pipeline = bksdm::StableDiffusionPipeline::load(fixture_model("bk-sdm-v2-tiny-mini"));
  bksdm::GenerationRequest request;
  request.prompt = "a lighthouse at dawn";
  request.steps = 2;
  request.width = request.height = 128;
  const bksdm::GenerationResult whole = pipeline->generate(request);
  request.tiled_decode = true;
  const bksdm::GenerationResult tiled = pipeline->generate(request);
  ASSERT_EQ(tiled.images.sizes(), whole.images.sizes());
  EXPECT_TRUE(at::equal(tiled.latents, whole.latents));
  EXPECT_FALSE(at::equal(tiled.images, whole.images));
  EXPECT_LT((tiled.images - whole.images).abs().mean().item<double>(), 0.05);
}

}  // namespace
