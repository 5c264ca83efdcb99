// Runs that start from an image against diffusers (the fixtures README, "img2img" and "inpaint"):
// the init image's VAE sample, the noise and the masked image's sample drawn in diffusers' order,
// the run starting where the strength says; and per-image seeds for batches.
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "core/io/image_file.h"
#include "core/pipeline/image_input.h"
#include "tests/core/pipeline/fixture_case.h"

namespace {

using namespace bksdm::testing;

std::string image_case_name(const ::testing::TestParamInfo<nlohmann::json>& info) {
  return info.param["kind"].get<std::string>() + "_" + case_name(info);
}

class ImageCase : public ::testing::TestWithParam<nlohmann::json> {};

// Every scheduler of the cases, strength 1 included (img2img: still the image at the first
// timestep's noise; inpainting: pure noise), Euler a's draws after the VAE samples, a batch of two.
TEST_P(ImageCase, MatchesTheReference) {
  const nlohmann::json& spec = GetParam();
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>());
  int calls = 0;
  const auto result = fixture_pipeline(spec["model"])->generate(request_for(spec), [&](const bksdm::StepInfo& step) {
    ++calls;
    EXPECT_EQ(step.total, int(expected->tensor("timesteps").numel()));  // the steps that run, for progress
  });
  expect_reference_run(result, *expected);
  EXPECT_EQ(calls, int(result.timesteps.size()));
}

TEST_P(ImageCase, MatchesTheReferenceThroughTheCommandLine) {
  expect_cli_run(GetParam(), "image-cli");
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ImageCase, ::testing::ValuesIn(ext_cases({"img2img", "inpaint"})), image_case_name);

// A small run of bk-sdm-v2-tiny-mini from the fixtures' gradient.
bksdm::GenerationRequest small_image_request() {
  bksdm::GenerationRequest request;
  request.prompt = "a cat";
  request.steps = 4;
  request.scheduler = "euler_a";
  request.init_image = bksdm::read_image(kFixtures / "inputs/images/gradient-64x64.png");
  request.strength = 0.5;
  return request;
}

// Image i of a per-image batch is the image of seed + i made alone, through every draw: the VAE
// sample, the noise, Euler a's steps.
TEST(PerImageSeeds, ImageOneOfABatchIsTheImageOfTheNextSeed) {
  const auto pipeline = fixture_pipeline("bk-sdm-v2-tiny-mini");
  for (const bool from_image : {false, true}) {
    SCOPED_TRACE(from_image ? "img2img" : "text to image");
    bksdm::GenerationRequest batch = from_image ? small_image_request() : bksdm::GenerationRequest{};
    batch.prompt = "a cat";
    batch.steps = 4;
    batch.scheduler = "euler_a";
    batch.width = batch.height = 64;
    batch.seed = 30;
    batch.num_images = 2;
    bksdm::GenerationRequest alone = batch;
    alone.num_images = 1;
    alone.seed = 31;
    const at::Tensor images = pipeline->generate(batch).images;
    EXPECT_LE((images[1] - pipeline->generate(alone).images[0]).abs().max().item<double>(), 1e-5);
    alone.seed = 30;
    EXPECT_LE((images[0] - pipeline->generate(alone).images[0]).abs().max().item<double>(), 1e-5);
    batch.batch_noise = bksdm::BatchNoise::Shared;  // diffusers' one generator: another image 1
    EXPECT_GT((pipeline->generate(batch).images[1] - images[1]).abs().max().item<double>(), 1e-2);
  }
}

// With the sizes left to the model, the run takes the init image's, rounded down to a multiple of 8.
TEST(ImageInputs, TheRunTakesTheInitImagesSizeRoundedDown) {
  const auto pipeline = fixture_pipeline("bk-sdm-v2-tiny-mini");
  bksdm::GenerationRequest request = small_image_request();
  request.steps = 2;
  request.strength = 1.0;
  request.init_image = bksdm::resized_lanczos(request.init_image, 70, 45);
  const auto result = pipeline->generate(request);
  EXPECT_EQ(result.request.width, 64);
  EXPECT_EQ(result.request.height, 40);
  EXPECT_EQ(result.images.sizes(), at::IntArrayRef({1, 3, 40, 64}));
  // Given sizes win: the image is resized to them.
  request.width = 32;
  request.height = 48;
  EXPECT_EQ(pipeline->generate(request).images.sizes(), at::IntArrayRef({1, 3, 48, 32}));
}

// Fewer steps run as the strength falls: int(steps * strength) of them, from the end.
TEST(ImageInputs, TheStrengthSaysHowManyStepsRun) {
  EXPECT_EQ(bksdm::strength_start_index(25, 0.3), 18u);  // 7 steps run
  EXPECT_EQ(bksdm::strength_start_index(25, 1.0), 0u);
  EXPECT_EQ(bksdm::strength_start_index(10, 0.75), 3u);  // int(7.5) = 7
  const auto pipeline = fixture_pipeline("bk-sdm-v2-tiny-mini");
  bksdm::GenerationRequest request = small_image_request();
  request.steps = 10;
  request.strength = 0.3;
  request.scheduler = "ddim";
  EXPECT_EQ(pipeline->generate(request).timesteps.size(), 3u);
}

// The mask processor's grey, resize and threshold: PIL's Lanczos on the grey mask, then >= 0.5.
TEST(ImageInputs, AMaskIsResizedAsPilThenBinarised) {
  const bksdm::RgbImage mask = bksdm::read_image(kFixtures / "inputs/images/mask-ellipse-96x64.png");
  const bksdm::RgbImage pil = bksdm::read_image(kFixtures / "inputs/pil/mask-ellipse-lanczos-40x24.png");
  const at::Tensor latents = bksdm::mask_latents(mask, 40, 24, 1);
  ASSERT_EQ(latents.sizes(), at::IntArrayRef({1, 1, 24, 40}));
  for (int y = 0; y < 24; ++y)
    for (int x = 0; x < 40; ++x)
      ASSERT_EQ(latents[0][0][y][x].item<float>(), pil.pixels[size_t(y * 40 + x) * 3] / 255.0f >= 0.5f ? 1.0f : 0.0f)
          << x << "," << y;
  // The latents' pixel (i, j) is the mask's (8i, 8j), as torch's nearest interpolation.
  const at::Tensor full = bksdm::mask_latents(mask, 96, 64, 1);
  EXPECT_TRUE(at::equal(bksdm::mask_latents(mask, 96, 64, 8), full.slice(2, 0, 64, 8).slice(3, 0, 96, 8)));
}

TEST(ImageInputs, BadInputsAreRefusedBeforeTheRun) {
  const auto pipeline = fixture_pipeline("bk-sdm-v2-tiny-mini");
  const auto refusal = [&](const bksdm::GenerationRequest& request) {
    return error_of([&] { pipeline->generate(request); });
  };
  bksdm::GenerationRequest request = small_image_request();
  request.strength = 0;
  EXPECT_NE(refusal(request).find("the strength must be above 0 and at most 1, got 0"), std::string::npos);
  request.strength = 1.5;
  EXPECT_NE(refusal(request).find("at most 1, got 1.5"), std::string::npos);
  request.strength = 0.2;  // int(4 * 0.2) = 0 steps
  EXPECT_NE(refusal(request).find("strength 0.2 of 4 steps runs no step"), std::string::npos) << refusal(request);
  request.strength = 0.5;
  request.mask = bksdm::read_image(kFixtures / "inputs/images/mask-ellipse-96x64.png");
  EXPECT_NE(refusal(request).find("the mask (96x64) and the init image (64x64) differ in aspect"), std::string::npos);
  request.init_image = {};
  EXPECT_NE(refusal(request).find("a mask says what to repaint of an init image"), std::string::npos);
}

// An all-black mask keeps everything: inpainting then ends on the init image's latents.
TEST(ImageInputs, ABlackMaskKeepsTheImage) {
  const auto pipeline = fixture_pipeline("bk-sdm-v2-tiny-mini");
  bksdm::GenerationRequest request = small_image_request();
  request.mask = {64, 64, std::vector<uint8_t>(64 * 64 * 3, 0)};
  const auto kept = pipeline->generate(request);
  bksdm::GenerationRequest painted = request;
  painted.mask.pixels.assign(painted.mask.pixels.size(), 255);
  EXPECT_GT((pipeline->generate(painted).latents - kept.latents).abs().max().item<double>(), 1e-2);
  // The init latents are the VAE's sample: the same seed's run from the same image keeps the same.
  EXPECT_TRUE(at::equal(pipeline->generate(request).latents, kept.latents));
}

}  // namespace
