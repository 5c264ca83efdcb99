// A config.json built into modules, as the loaders build them before the weights come: read as a
// U-Net, a VAE and a text encoder config and each accepted one built within the parameter budget of
// a small weight file (core/models/weights.h). A config the bounds or the budget refuse is a
// bksdm::Error; a model that is built holds no more parameter bytes and tensors than the budget
// allows (and so takes memory in proportion: corpus/model_build/unet-many-thin-layers.json, a
// million one-channel layers, took 16 s and 2.5 GB to build before tensors were counted).
#include <cstdlib>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/io/json_text.h"
#include "core/models/autoencoder_kl.h"
#include "core/models/clip_text_model.h"
#include "core/models/layers.h"
#include "core/models/unet_2d_condition.h"
#include "core/models/unet_config.h"
#include "fuzz/fuzz_support.h"

namespace {

// Twice an 8 MiB weight file of 2,000 tensors, as parameter_budget() and tensor_budget() give it:
// room for the fixtures' models, and for the tensor count of SD's U-Net (686).
constexpr uint64_t kBudgetBytes = 16u << 20;
constexpr uint64_t kBudgetTensors = 4000;

uint64_t parameter_bytes(const torch::nn::Module& module) {
  uint64_t bytes = 0;
  for (const at::Tensor& parameter : module.parameters()) bytes += uint64_t(parameter.numel()) * 4;
  return bytes;
}

template <typename Build>
void build_within_budget(Build&& build) {
  try {
    const bksdm::ParameterBudget budget(kBudgetBytes, kBudgetTensors, "fuzz.safetensors");
    const std::shared_ptr<torch::nn::Module> model = build();
    if (parameter_bytes(*model) > kBudgetBytes || model->parameters().size() > kBudgetTensors) std::abort();
  } catch (const bksdm::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  nlohmann::json config;
  try {
    config = bksdm::parse_json(bksdm::fuzz::as_text(data, size), "config.json");
  } catch (const bksdm::Error&) {
    return 0;
  }
  using Model = std::shared_ptr<torch::nn::Module>;
  build_within_budget([&]() -> Model { return bksdm::UNet2DConditionModel(bksdm::parse_unet_config(config).config).ptr(); });
  build_within_budget([&]() -> Model {
    return std::make_shared<bksdm::AutoencoderKL>(bksdm::AutoencoderKLConfig::from_json(config, "vae/config.json"));
  });
  build_within_budget([&]() -> Model {
    return std::make_shared<bksdm::CLIPTextModel>(bksdm::CLIPTextConfig::from_json(config, "text_encoder/config.json"));
  });
  return 0;
}
