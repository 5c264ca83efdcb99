// A1111's variation seeds against the reference (the fixtures README, "variation"): the seed's
// noise slerped toward the subseed's, the run then going on with the seed's generator; and what
// the two ends of the strength mean.
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "core/loading/model_folder.h"
#include "core/pipeline/variation_noise.h"
#include "tests/core/pipeline/fixture_case.h"

namespace {

using namespace bksdm::testing;

class VariationCase : public ::testing::TestWithParam<nlohmann::json> {};

// Every scheduler the cases name, Euler a's further draws and a batch of two included.
TEST_P(VariationCase, MatchesTheReference) {
  const nlohmann::json& spec = GetParam();
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>());
  expect_reference_run(fixture_pipeline(spec["model"])->generate(request_for(spec)), *expected);
}

TEST_P(VariationCase, MatchesTheReferenceThroughTheCommandLine) {
  expect_cli_run(GetParam(), "variation-cli");
}

INSTANTIATE_TEST_SUITE_P(Fixtures, VariationCase, ::testing::ValuesIn(ext_cases({"variation"})), case_name);

TEST(VariationSeeds, StrengthZeroIsTheSeedsImageAndOneTheSubseedsNoise) {
  const nlohmann::json spec = ext_cases({"variation"}).front();  // PNDM: no draws after the noise
  const auto pipeline = fixture_pipeline(spec["model"]);
  bksdm::GenerationRequest request = request_for(spec);
  request.subseed_strength = 0;
  const at::Tensor seeds = pipeline->generate(request).images;
  bksdm::GenerationRequest plain = request;
  plain.subseed = 0;
  EXPECT_TRUE(at::equal(seeds, pipeline->generate(plain).images));

  request.subseed_strength = 1;
  bksdm::GenerationRequest subseeds = plain;
  subseeds.seed = request.subseed;
  EXPECT_LE((pipeline->generate(request).images - pipeline->generate(subseeds).images).abs().max().item<double>(), 1e-6);
}

TEST(VariationSeeds, NoiseKeepsItsShapeAndItsScale) {
  at::manual_seed(3);
  const at::Tensor a = at::randn({2, 4, 16, 16}), b = at::randn({2, 4, 16, 16});
  const at::Tensor mixed = bksdm::variation_noise(a, b, 0.5);
  EXPECT_EQ(mixed.sizes(), a.sizes());
  // A slerp halfway between two independent unit-variance noises keeps their scale, where a plain
  // average would shrink it to 1/sqrt(2).
  EXPECT_NEAR(mixed.std().item<double>(), 1.0, 0.05);
  // Parallel noises: A1111 mixes them linearly, and a noise with itself is itself.
  EXPECT_TRUE(at::allclose(bksdm::variation_noise(a, a, 0.3), a));
}

TEST(VariationSeeds, AStrengthOutsideZeroToOneIsRefusedBeforeTheRun) {
  const auto pipeline = fixture_pipeline(ext_cases({"variation"}).front()["model"]);
  bksdm::GenerationRequest request = request_for(ext_cases({"variation"}).front());
  request.subseed_strength = 1.5;
  EXPECT_NE(error_of([&] { pipeline->generate(request); }).find("variation strength must be from 0 to 1"),
            std::string::npos);
}

}  // namespace
