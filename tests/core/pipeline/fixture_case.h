#pragma once
// A case of the reference fixtures (cases.json, cases-ext.json) as the run it describes.
#include <string>

#include <nlohmann/json.hpp>

#include "core/generation/generation_request.h"

namespace bksdm::testing {

// The case's run, recording its step latents and attention maps for comparison.
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
  request.attention_maps = true;
  request.keep_step_latents = true;
  return request;
}

}  // namespace bksdm::testing
