// A model's weight files changed while it is loaded: on the CPU the U-Net's and the VAE's tensors
// are views of the mapped files, so a truncation during a run used to kill the process (SIGBUS) and
// a file rewritten between runs silently changed the next image. Now the run fails with an Error
// naming the file, and the process goes on.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "core/pipeline/pipeline.h"
#include "tests/core/test_support.h"

namespace fs = std::filesystem;

namespace {

using namespace bksdm::testing;

constexpr const char* kModel = "bk-sdm-v2-tiny-mini";
constexpr const char* kUNetWeights = "unet/diffusion_pytorch_model.safetensors";

bksdm::GenerationRequest small_request(int steps) {
  bksdm::GenerationRequest request;
  request.prompt = "a red cube";
  request.steps = steps;
  request.width = request.height = 64;
  return request;
}

std::unique_ptr<bksdm::StableDiffusionPipeline> load(const fs::path& model) {
  bksdm::LoadOptions options;
  options.threads = 2;  // OpenMP workers read the weights too
  return bksdm::StableDiffusionPipeline::load(bksdm::ModelFolder::open(model.string()), options);
}

TEST(ChangedWeights, AUNetTruncatedDuringARunFailsThatRunAndNotTheProcess) {
  TempDir temp("truncated-unet");
  const fs::path model = temp.copy_fixture_model(kModel);
  auto pipeline = load(model);
  const std::string message = error_of([&] {
    pipeline->generate(small_request(3), [&](const bksdm::StepInfo& step) {
      if (step.step == 0) fs::resize_file(model / kUNetWeights, 0);
    });
  });
  EXPECT_NE(message.find((model / kUNetWeights).string() + " was truncated while it was being read: reload the model"),
            std::string::npos)
      << message;
  // The next run is refused too, until the model is loaded again.
  EXPECT_NE(error_of([&] { pipeline->generate(small_request(1)); }).find("reload the model"), std::string::npos);

  // And the process goes on: another copy loads and runs.
  TempDir other("intact-unet");
  EXPECT_EQ(load(other.copy_fixture_model(kModel))->generate(small_request(1)).images.size(0), 1);
}

TEST(ChangedWeights, AUNetRewrittenInPlaceBetweenRunsIsNoticedBeforeTheNextRun) {
  TempDir temp("rewritten-unet");
  const fs::path model = temp.copy_fixture_model(kModel);
  auto pipeline = load(model);
  pipeline->generate(small_request(1));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // past the file system's clock tick
  {
    std::fstream file(model / kUNetWeights, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(-4, std::ios::end);
    file.write("\x00\x00\x80\x7f", 4);  // the last weight becomes +inf, where it lies
  }
  const std::string message = error_of([&] { pipeline->generate(small_request(1)); });
  EXPECT_NE(message.find((model / kUNetWeights).string() + " was rewritten since the model loaded it: reload the model"),
            std::string::npos)
      << message;
}

}  // namespace
