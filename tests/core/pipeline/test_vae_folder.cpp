// A VAE of its own (`--vae`: a folder as stabilityai/sd-vae-ft-mse, or one file in the LDM's names)
// in place of the model's: its weights decode the run; a folder that is not a VAE, or one of other
// latents, is refused by name.
#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include "core/io/safetensors.h"
#include "tests/core/pipeline/fixture_case.h"

namespace {

using namespace bksdm::testing;
namespace fs = std::filesystem;

bksdm::GenerationRequest small_request() {
  bksdm::GenerationRequest request;
  request.prompt = "a red cube";
  request.steps = 2;
  request.width = request.height = 64;
  request.seed = 5;
  return request;
}

// The model's own VAE with conv_out's bias raised by 0.1: the decoder's output, in [-1, 1], moves
// by 0.1, so every pixel the clamp to [0, 1] leaves alone is brighter by exactly 0.05.
fs::path brighter_vae(const fs::path& dir) {
  const bksdm::ModelFolder model = fixture_model("bk-sdm-v2-tiny-mini");
  fs::create_directories(dir);
  fs::copy_file(model.component_dir("vae") / "config.json", dir / "config.json");
  const auto file = bksdm::SafetensorsFile::open(model.weights("vae"));
  std::vector<std::pair<std::string, at::Tensor>> tensors;
  for (const bksdm::TensorInfo& info : file->tensors()) {
    at::Tensor value = file->tensor(info.name).clone();
    if (info.name == "decoder.conv_out.bias") value += 0.1;
    tensors.emplace_back(info.name, value);
  }
  bksdm::write_safetensors(dir / "diffusion_pytorch_model.safetensors", tensors);
  return dir;
}

TEST(VaeFolder, DecodesTheRunInPlaceOfTheModelsOwn) {
  const TempDir dir("vae");
  bksdm::LoadOptions options;
  options.threads = 1;
  const at::Tensor own = bksdm::StableDiffusionPipeline::load(fixture_model("bk-sdm-v2-tiny-mini"), options)
                             ->generate(small_request()).images;
  options.vae = brighter_vae(dir / "vae").string();
  const at::Tensor other = bksdm::StableDiffusionPipeline::load(fixture_model("bk-sdm-v2-tiny-mini"), options)
                               ->generate(small_request()).images;
  const at::Tensor inside = (own > 0.01) & (own < 0.94);
  ASSERT_GT(inside.sum().item<int64_t>(), 1000);
  EXPECT_LE(((other - own).masked_select(inside) - 0.05).abs().max().item<double>(), 1e-5);
}

// A VAE in one file in the LDM's names, as stabilityai's vae-ft-mse-840000-ema-pruned.safetensors
// (no prefix) or as a checkpoint holds it (first_stage_model.), read with the model's VAE config:
// the single-file fixture's VAE, which is the folder's, with conv_out's bias raised by 0.1.
TEST(VaeFolder, AVaeFileInTheLdmsNamesDecodesTheRun) {
  const TempDir dir("vae");
  const auto checkpoint = bksdm::SafetensorsFile::open(kFixtures / "inputs/single_file/sd-v1-4-mini.safetensors");
  const std::string kPrefix = "first_stage_model.";
  bksdm::LoadOptions options;
  options.threads = 1;
  const at::Tensor own =
      bksdm::StableDiffusionPipeline::load(fixture_model("sd-v1-4-mini"), options)->generate(small_request()).images;
  const at::Tensor inside = (own > 0.01) & (own < 0.94);
  ASSERT_GT(inside.sum().item<int64_t>(), 1000);
  for (const std::string prefix : {std::string(), kPrefix}) {
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    for (const bksdm::TensorInfo& info : checkpoint->tensors()) {
      if (info.name.rfind(kPrefix, 0) != 0) continue;
      const std::string name = prefix + info.name.substr(kPrefix.size());
      at::Tensor value = checkpoint->tensor(info.name).clone();
      if (name.ends_with("decoder.conv_out.bias")) value += 0.1;
      tensors.emplace_back(name, value);
    }
    options.vae = (dir / ("vae" + std::to_string(prefix.size()) + ".safetensors")).string();
    bksdm::write_safetensors(options.vae, tensors);
    const at::Tensor other =
        bksdm::StableDiffusionPipeline::load(fixture_model("sd-v1-4-mini"), options)->generate(small_request()).images;
    EXPECT_LE(((other - own).masked_select(inside) - 0.05).abs().max().item<double>(), 1e-5) << prefix;
  }
}

TEST(VaeFolder, AFolderThatIsNotAVaeIsRefusedByName) {
  const TempDir dir("vae");
  bksdm::LoadOptions options;
  options.vae = dir.path().string();
  const std::string message =
      error_of([&] { bksdm::StableDiffusionPipeline::load(fixture_model("bk-sdm-v2-tiny-mini"), options); });
  EXPECT_NE(message.find(dir.path().string() + ": not a VAE folder"), std::string::npos) << message;
}

}  // namespace
