// The pipeline's stages on their own: a run that starts part-way from given latents (the seam
// img2img and inpainting fill in), and the conditioning's schedule.
#include <gtest/gtest.h>

#include <cmath>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>

#include "core/io/safetensors.h"
#include "core/pipeline/conditioning.h"
#include "core/pipeline/pipeline.h"
#include "tests/core/pipeline/fixture_case.h"
#include "tests/core/test_support.h"

namespace {

using namespace bksdm::testing;

int integer(const nlohmann::json& spec, const char* key) { return std::stoi(spec[key].get<std::string>()); }

// The fixtures README's img2img steps: init = min(int(steps * strength), steps), t_start = steps - init.
size_t t_start(const nlohmann::json& spec) {
  const int steps = integer(spec, "steps");
  const int init = std::min(int(steps * std::stod(spec["strength"].get<std::string>())), steps);
  return size_t(steps - init);
}

std::vector<nlohmann::json> cases_of(const std::string& kind) {
  std::vector<nlohmann::json> cases;
  for (const auto& spec : bksdm::read_json_file(kFixtures / "cases-ext.json"))
    // Euler a draws from the generator after diffusers' draws of the VAE samples and the noise,
    // which given latents do not make: its cases need the image input's own stage.
    if (spec["kind"] == kind && spec["scheduler"] != "euler_a") cases.push_back(spec);
  return cases;
}

// A fixture case's reference file, its model's pipeline (one thread, else `options`) and the latents
// diffusers recorded for it: the init latents, the noise and the start (t_start).
struct RecordedCase {
  std::shared_ptr<const bksdm::SafetensorsFile> expected;
  std::unique_ptr<bksdm::StableDiffusionPipeline> pipeline;
  bksdm::LatentInputs inputs;
};

// The case's run without its image inputs, which the recorded latents stand for.
bksdm::GenerationRequest latents_request(const nlohmann::json& spec) {
  bksdm::GenerationRequest request = request_for(spec);
  request.init_image = {};
  request.mask = {};
  return request;
}

RecordedCase recorded_case(const nlohmann::json& spec, bksdm::LoadOptions options = {}) {
  options.threads = 1;
  auto expected = bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>());
  bksdm::LatentInputs inputs{expected->tensor("init_latents"), expected->tensor("noise"), t_start(spec)};
  return {expected, bksdm::StableDiffusionPipeline::load(fixture_model(spec["model"]), options), inputs};
}

// A small run of bk-sdm-v2-tiny-mini, for what its numbers do not matter to.
bksdm::GenerationRequest small_request(int steps) {
  bksdm::GenerationRequest request;
  request.prompt = "a cat";
  request.steps = steps;
  request.width = request.height = 64;
  return request;
}

class StartFromLatents : public ::testing::TestWithParam<nlohmann::json> {};

// diffusers' img2img from the VAE sample on: the init latents noised by the scheduler's add_noise at
// timesteps[t_start], then the loop from there.
TEST_P(StartFromLatents, MatchesDiffusersImg2imgFromItsInitLatents) {
  const nlohmann::json& spec = GetParam();
  const auto [expected, pipeline, inputs] = recorded_case(spec);

  int calls = 0;
  const auto result = pipeline->generate(latents_request(spec), [&](const bksdm::StepInfo& info) {
    EXPECT_EQ(info.step, calls++);
    EXPECT_EQ(info.total, int(expected->tensor("timesteps").numel()));
  }, nullptr, {}, inputs);

  expect_reference_run(result, *expected);
  EXPECT_DOUBLE_EQ(result.timesteps[0], expected->tensor("latent_timestep")[0].item<double>());  // one per image
}

INSTANTIATE_TEST_SUITE_P(Fixtures, StartFromLatents, ::testing::ValuesIn(cases_of("img2img")), case_name);

// The memory order of the U-Net's convolutions changes no number that matters.
TEST(ChannelsLast, GivesTheReferenceRun) {
  const nlohmann::json spec = cases_of("img2img").front();
  bksdm::LoadOptions options;
  options.channels_last = true;
  const auto [expected, pipeline, inputs] = recorded_case(spec, options);
  expect_reference_run(pipeline->generate(latents_request(spec), {}, nullptr, {}, inputs), *expected);
}

class KeepOutsideTheMask : public ::testing::TestWithParam<nlohmann::json> {};

// diffusers' inpainting with a 4-channel U-Net from the VAE sample on: the start (pure noise at full
// strength), and after each step the unmasked region put back at the next step's noise level.
TEST_P(KeepOutsideTheMask, MatchesDiffusersInpaintingFromItsInitLatents) {
  const nlohmann::json& spec = GetParam();
  auto [expected, pipeline, inputs] = recorded_case(spec);
  inputs.mask = expected->tensor("mask_latents");
  inputs.start_from_noise = std::stod(spec["strength"].get<std::string>()) == 1.0;

  expect_reference_run(pipeline->generate(latents_request(spec), {}, nullptr, {}, inputs), *expected);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, KeepOutsideTheMask, ::testing::ValuesIn(cases_of("inpaint")), case_name);

TEST(KeepOutsideTheMask, RefusesAMaskOfAnotherSizeOrWithoutInitLatents) {
  auto pipeline = bksdm::StableDiffusionPipeline::load(fixture_model("bk-sdm-v2-tiny-mini"));
  bksdm::GenerationRequest request = small_request(2);
  bksdm::LatentInputs inputs{at::zeros({1, 4, 8, 8}), {}, 0};
  inputs.mask = at::ones({1, 1, 8, 16});
  const std::string wrong = error_of([&] { pipeline->generate(request, {}, nullptr, {}, inputs); });
  EXPECT_NE(wrong.find("mask of shape [1, 1, 8, 16] does not fit this run, which needs [1, 1, 8, 8]"),
            std::string::npos) << wrong;
  inputs.init_latents = at::Tensor();
  inputs.mask = at::ones({1, 1, 8, 8});
  EXPECT_NE(error_of([&] { pipeline->generate(request, {}, nullptr, {}, inputs); }).find("a mask needs the init latents"),
            std::string::npos);
}

// A mask of zeros keeps everything: the run ends on the init latents exactly.
TEST(KeepOutsideTheMask, AnEmptyMaskKeepsTheInitLatents) {
  auto pipeline = bksdm::StableDiffusionPipeline::load(fixture_model("bk-sdm-v2-tiny-mini"));
  bksdm::GenerationRequest request = small_request(3);
  request.scheduler = "euler";
  const at::Tensor init = at::randn({1, 4, 8, 8});
  bksdm::LatentInputs inputs{init, {}, 0};
  inputs.mask = at::zeros({1, 1, 8, 8});
  EXPECT_TRUE(at::equal(pipeline->generate(request, {}, nullptr, {}, inputs).latents, init));
}

TEST(StartFromLatents, RefusesLatentsOfAnotherSizeAndAStartWithoutThem) {
  auto pipeline = bksdm::StableDiffusionPipeline::load(fixture_model("bk-sdm-v2-tiny-mini"));
  bksdm::GenerationRequest request = small_request(2);
  const std::string wrong = error_of([&] {
    pipeline->generate(request, {}, nullptr, {}, {at::zeros({1, 4, 16, 16}), {}, 1});
  });
  EXPECT_NE(wrong.find("[1, 4, 16, 16] do not fit this run, which needs [1, 4, 8, 8]"), std::string::npos) << wrong;
  EXPECT_NE(error_of([&] { pipeline->generate(request, {}, nullptr, {}, {{}, {}, 1}); }).find("needs the latents"),
            std::string::npos);
  EXPECT_NE(error_of([&] { pipeline->generate(request, {}, nullptr, {}, {at::zeros({1, 4, 8, 8}), {}, 5}); })
                .find("cannot start at step 5"),
            std::string::npos);
}

// Given noise is the seed's noise: the same image as the seed's own run.
TEST(StartFromLatents, GivenNoiseEqualsTheSeedsNoise) {
  auto pipeline = bksdm::StableDiffusionPipeline::load(fixture_model("bk-sdm-v2-tiny-mini"));
  bksdm::GenerationRequest request = small_request(3);
  request.seed = 7;
  request.scheduler = "ddim";
  at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(request.seed);
  const at::Tensor noise = at::randn({1, 4, 8, 8}, generator);
  const at::Tensor seeded = pipeline->generate(request).images;
  const at::Tensor given = pipeline->generate(request, {}, nullptr, {}, {{}, noise, 0}).images;
  EXPECT_TRUE(at::equal(seeded, given));
}

TEST(Conditioning, EachIterationGetsTheEntryItsScheduleNames) {
  bksdm::Conditioning conditioning;
  const at::Tensor cat = at::full({1, 77, 4}, 1.0), dog = at::full({1, 77, 4}, 2.0), empty = at::zeros({1, 77, 4});
  conditioning.entries = {{cat, empty}, {dog, empty}};
  conditioning.schedule = {0, 0, 1};
  const at::Tensor first = conditioning.context(0, 2);
  ASSERT_EQ(first.sizes(), (std::vector<int64_t>{4, 77, 4}));
  EXPECT_EQ(first[0].sum().item<double>(), 0.0);  // the negative half first
  EXPECT_EQ(first[3].mean().item<double>(), 1.0);
  EXPECT_EQ(conditioning.context(2, 1)[1].mean().item<double>(), 2.0);
  EXPECT_NE(error_of([&] { conditioning.context(3, 1); }).find("no embeddings for iteration 3"), std::string::npos);
  conditioning.schedule.clear();
  EXPECT_EQ(conditioning.context(9, 1)[1].mean().item<double>(), 1.0);  // no schedule: the first throughout
  conditioning.entries = {{dog, {}}};
  EXPECT_EQ(conditioning.context(0, 3).size(0), 3);  // unguided: the prompt alone
}

}  // namespace
