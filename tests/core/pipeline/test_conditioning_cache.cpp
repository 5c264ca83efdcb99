// Prompts encoded once across runs: the cache's keeping and forgetting, and through the pipeline a
// reused encoding giving the image a fresh pipeline gives; LoRAs, another negative or other steps
// encode anew.
#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include "core/pipeline/conditioning_cache.h"
#include "core/pipeline/pipeline.h"
#include "tests/core/test_support.h"

namespace {

using bksdm::ConditioningCache;
using bksdm::GenerationRequest;
using namespace bksdm::testing;

ConditioningCache::Key key(const std::string& prompt) {
  GenerationRequest request;
  request.prompt = prompt;
  return ConditioningCache::key_of(request, true, 10, 0);
}

TEST(ConditioningCache, KeepsTheLastFourByTheirKeys) {
  ConditioningCache cache;
  int encoded = 0;
  const auto encode = [&] {
    ++encoded;
    return bksdm::Conditioning{};
  };
  bool reused = false;
  cache.get(key("a"), encode, &reused);
  EXPECT_FALSE(reused);
  cache.get(key("a"), encode, &reused);
  EXPECT_TRUE(reused);
  EXPECT_EQ(encoded, 1);
  for (const char* prompt : {"b", "c", "d"}) cache.get(key(prompt), encode, &reused);
  cache.get(key("a"), encode, &reused);  // still among the last four
  EXPECT_TRUE(reused);
  cache.get(key("e"), encode, &reused);
  cache.get(key("b"), encode, &reused);  // the least recent of five: forgotten
  EXPECT_FALSE(reused);
  EXPECT_EQ(encoded, 6);
  GenerationRequest unguided;
  unguided.negative_prompt = "blurry";  // no guidance: the negative is not read, so not part of the key
  EXPECT_EQ(ConditioningCache::key_of(unguided, false, 10, 0), ConditioningCache::key_of(GenerationRequest{}, false, 10, 0));
}

GenerationRequest run(uint64_t seed) {
  GenerationRequest request;
  request.prompt = "a (red:1.2) vase of roses";
  request.negative_prompt = "blurry";
  request.seed = seed;
  request.steps = 2;
  request.width = request.height = 64;
  return request;
}

TEST(ConditioningCache, AReusedEncodingMakesTheSameImage) {
  auto pipeline = bksdm::StableDiffusionPipeline::load(fixture_model("sd-v1-4-mini"));
  const bksdm::GenerationResult first = pipeline->generate(run(1));
  EXPECT_FALSE(first.conditioning_reused);
  const bksdm::GenerationResult second = pipeline->generate(run(2));
  EXPECT_TRUE(second.conditioning_reused);
  EXPECT_TRUE(at::equal(second.prompt_embeds, first.prompt_embeds));
  auto fresh = bksdm::StableDiffusionPipeline::load(fixture_model("sd-v1-4-mini"));
  EXPECT_TRUE(at::equal(fresh->generate(run(2)).images, second.images));

  GenerationRequest other_negative = run(2);
  other_negative.negative_prompt = "lowres";
  EXPECT_FALSE(pipeline->generate(other_negative).conditioning_reused);
  GenerationRequest other_steps = run(2);
  other_steps.steps = 3;
  EXPECT_FALSE(pipeline->generate(other_steps).conditioning_reused);
  GenerationRequest with_lora = run(2);
  with_lora.loras = {{(kFixtures / "inputs/lora/sd-v1-4-mini-kohya.safetensors").string(), 1.0, {}}};
  const bksdm::GenerationResult merged = pipeline->generate(with_lora);
  EXPECT_FALSE(merged.conditioning_reused);  // its text-encoder layers change the encoding
  EXPECT_FALSE(at::equal(merged.prompt_embeds, first.prompt_embeds));
  EXPECT_FALSE(pipeline->generate(run(2)).conditioning_reused);  // and taking it out again
}

}  // namespace
