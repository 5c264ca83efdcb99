#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/loading/model_folder.h"
#include "core/pipeline/pipeline.h"
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

bksdm::GenerationRequest request_for(const nlohmann::json& spec) {
  bksdm::GenerationRequest request;
  request.prompt = spec["prompt"];
  request.negative_prompt = spec["negative_prompt"];
  request.seed = std::stoull(spec["seed"].get<std::string>());
  request.steps = std::stoi(spec["steps"].get<std::string>());
  request.guidance_scale = std::stod(spec["guidance_scale"].get<std::string>());
  request.width = std::stoi(spec["width"].get<std::string>());
  request.height = std::stoi(spec["height"].get<std::string>());
  request.scheduler = spec["scheduler"];
  request.num_images = std::stoi(spec["num_images"].get<std::string>());
  request.attention_maps = true;
  request.keep_step_latents = true;
  return request;
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

TEST(Pipeline, RefusesASizeThatIsNotAMultipleOfEight) {
  auto pipeline = bksdm::StableDiffusionPipeline::load(
      fixture_model("bk-sdm-v2-tiny-mini"));
  bksdm::GenerationRequest request;
  request.width = 60;
  EXPECT_THROW(pipeline->generate(request), bksdm::Error);
}

}  // namespace
