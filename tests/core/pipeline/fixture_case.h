#pragma once
// A case of the reference fixtures (cases.json, cases-ext.json) as the run it describes.
#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/generation/generation_request.h"
#include "core/io/image_file.h"
#include "core/io/safetensors.h"
#include "core/pipeline/pipeline.h"
#include "tests/core/test_support.h"

namespace bksdm::testing {

// The cases of cases-ext.json of any of `kinds`, in file order.
inline std::vector<nlohmann::json> ext_cases(const std::vector<std::string>& kinds) {
  std::vector<nlohmann::json> cases;
  for (const auto& spec : read_json_file(kFixtures / "cases-ext.json"))
    if (std::find(kinds.begin(), kinds.end(), spec["kind"].get<std::string>()) != kinds.end()) cases.push_back(spec);
  return cases;
}

// A fixture model's pipeline on one thread, as the references were computed.
inline std::unique_ptr<StableDiffusionPipeline> fixture_pipeline(const std::string& model) {
  LoadOptions options;
  options.threads = 1;
  return StableDiffusionPipeline::load(fixture_model(model), options);
}

// The case's run, recording its step latents and attention maps for comparison. Its batches are
// diffusers' single generator.
inline GenerationRequest request_for(const nlohmann::json& spec) {
  const auto integer = [&](const char* key) { return std::stoi(spec[key].get<std::string>()); };
  GenerationRequest request;
  request.prompt = spec["prompt"];
  request.negative_prompt = spec["negative_prompt"];
  request.seed = std::stoull(spec["seed"].get<std::string>());
  request.steps = integer("steps");
  request.guidance_scale = std::stod(spec["guidance_scale"].get<std::string>());
  request.width = integer("width");
  request.height = integer("height");
  request.scheduler = spec["scheduler"];
  request.num_images = integer("num_images");
  request.batch_noise = BatchNoise::Shared;
  if (spec.contains("prompt_syntax")) request.prompt_syntax = prompt_syntax_named(spec["prompt_syntax"].get<std::string>()).value();
  if (spec.contains("init_image")) {
    request.init_image = read_image(kFixtures / spec["init_image"].get<std::string>());
    request.strength = std::stod(spec["strength"].get<std::string>());
  }
  if (spec.contains("mask")) request.mask = read_image(kFixtures / spec["mask"].get<std::string>());
  if (spec.contains("embeddings")) request.embeddings = (kFixtures / spec["embeddings"].get<std::string>()).string();
  if (spec.contains("lora"))
    for (const auto& lora : spec["lora"])
      request.loras.push_back({(kFixtures / lora[0].get<std::string>()).string(), lora[1].get<double>(), {}});
  if (spec.contains("subseed")) {
    request.subseed = std::stoull(spec["subseed"].get<std::string>());
    request.subseed_strength = std::stod(spec["subseed_strength"].get<std::string>());
  }
  request.attention_maps = true;
  request.keep_step_latents = true;
  return request;
}

// "MODEL_CASE", for a parameterised test's name.
inline std::string case_name(const ::testing::TestParamInfo<nlohmann::json>& info) {
  std::string name = info.param["model"].get<std::string>() + "_" + info.param["case"].get<std::string>();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

// The recorded run against the reference's: timesteps, step latents, image and attention maps.
inline void expect_reference_run(const bksdm::GenerationResult& result, const bksdm::SafetensorsFile& expected) {
  const at::Tensor timesteps = expected.tensor("timesteps").to(at::kDouble);
  ASSERT_EQ(result.timesteps.size(), size_t(timesteps.numel()));
  for (size_t i = 0; i < result.timesteps.size(); ++i)
    EXPECT_DOUBLE_EQ(result.timesteps[i], timesteps[int64_t(i)].item<double>()) << "timestep " << i;
  const at::Tensor step_latents = expected.tensor("step_latents");
  ASSERT_EQ(result.step_latents.sizes(), step_latents.sizes());
  for (int64_t i = 0; i < step_latents.size(0); ++i)
    EXPECT_LE(relative_error(result.step_latents[i], step_latents[i]), 1e-4) << "step " << i;
  EXPECT_LE((result.images - expected.tensor("image")).abs().max().item<double>(), 5e-4);
  EXPECT_LE(relative_error(result.attention, expected.tensor("attention")), 1e-4);
}

// `bksdm generate` as the case describes its run (from cases-ext.json), saving its tensors to
// `tensors`; `extra` adds options.
inline std::string generate_arguments(const nlohmann::json& spec, const std::filesystem::path& tensors,
                                      const std::string& extra = {}) {
  const auto field = [&](const char* key) { return shell_quoted(spec[key].get<std::string>()); };
  const auto file = [&](const char* key) { return shell_quoted((kFixtures / spec[key].get<std::string>()).string()); };
  const std::string model = spec.contains("single_file")
                                ? file("single_file") + " --config " + file("config")
                                : shell_quoted(fixture_model(spec["model"]).root().string());
  std::string arguments =
      "generate --model " + model + " --prompt " +
      field("prompt") + " --negative " + field("negative_prompt") + " --seed " + field("seed") + " --steps " +
      field("steps") + " --guidance " + field("guidance_scale") + " --width " + field("width") + " --height " +
      field("height") + " --scheduler " + field("scheduler") + " --images " + field("num_images") +
      " --prompt-syntax " + field("prompt_syntax") + " --batch-noise shared";
  if (spec.contains("init_image")) arguments += " --init-image " + file("init_image") + " --strength " + field("strength");
  if (spec.contains("mask")) arguments += " --mask " + file("mask");
  if (spec.contains("embeddings")) arguments += " --embeddings " + file("embeddings");
  if (spec.contains("lora"))
    for (const auto& lora : spec["lora"])
      arguments += " --lora " + shell_quoted((kFixtures / lora[0].get<std::string>()).string() + ":" +
                                             std::to_string(lora[1].get<double>()));
  if (spec.contains("subseed")) arguments += " --subseed " + field("subseed") + " --subseed-strength " + field("subseed_strength");
  return arguments + extra + " --threads 1 --attention-maps --quiet --save-tensors " + shell_quoted(tensors.string());
}

// What `bksdm generate --save-tensors` wrote against the reference: timesteps, image, step latents,
// attention.
inline void expect_saved_run(const bksdm::SafetensorsFile& saved, const bksdm::SafetensorsFile& expected) {
  EXPECT_TRUE(at::equal(saved.tensor("timesteps").to(at::kDouble), expected.tensor("timesteps").to(at::kDouble)));
  EXPECT_LE((saved.tensor("image") - expected.tensor("image")).abs().max().item<double>(), 5e-4);
  const at::Tensor step_latents = expected.tensor("step_latents");
  ASSERT_EQ(saved.tensor("step_latents").sizes(), step_latents.sizes());
  EXPECT_LE(relative_error(saved.tensor("step_latents"), step_latents), 1e-4);
  EXPECT_LE(relative_error(saved.tensor("attention"), expected.tensor("attention")), 1e-4);
}

// `bksdm generate --save-tensors` as the case describes its run, against the reference.
inline void expect_cli_run(const nlohmann::json& spec, const std::string& tag) {
  if (!std::filesystem::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  const TempDir dir(tag);
  std::string error;
  ASSERT_EQ(run_bksdm(generate_arguments(spec, dir / "run.safetensors"), &error), 0) << error;
  expect_saved_run(*SafetensorsFile::open(dir / "run.safetensors"),
                   *SafetensorsFile::open(kFixtures / spec["file"].get<std::string>()));
}

}  // namespace bksdm::testing
