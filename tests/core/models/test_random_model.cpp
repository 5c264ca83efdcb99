#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/io/safetensors.h"
#include "core/loading/model_folder.h"
#include "core/models/autoencoder_kl.h"
#include "core/models/clip_text_model.h"
#include "core/models/unet_2d_condition.h"
#include "tests/core/test_support.h"

// `bksdm make-random-model`, run on a fixture model's configs.
namespace fs = std::filesystem;

namespace {

using namespace bksdm::testing;

class RandomModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kBksdm)) GTEST_SKIP() << kBksdm << " is not built";
  }

  int make(const std::string& out, const std::string& options) const {
    return run_bksdm("make-random-model --config " + (kFixtures / "models/sd-v2-1-base-mini").string() + " --out " +
                     (dir_ / out).string() + " " + options + " > /dev/null");
  }

  TempDir temp_{"random-model"};
  const fs::path& dir_ = temp_.path();
};

TEST_F(RandomModelTest, WritesALoadableFolderDeterminedByTheSeed) {
  ASSERT_EQ(make("a", "--seed 5"), 0);
  ASSERT_EQ(make("b", "--seed 5"), 0);
  ASSERT_EQ(make("c", "--seed 6"), 0);
  const bksdm::ModelFolder model = bksdm::ModelFolder::open((dir_ / "a").string());
  for (const char* file : {"model_index.json", "scheduler/scheduler_config.json", "tokenizer/vocab.json",
                           "tokenizer/merges.txt", "tokenizer/special_tokens_map.json"}) {
    EXPECT_TRUE(fs::exists(dir_ / "a" / file)) << file;
  }
  const auto text_encoder = bksdm::load_clip_text_model(model);
  const auto unet = bksdm::load_unet(model);
  const auto vae = bksdm::load_autoencoder_kl(model);
  const at::Tensor embeds = text_encoder->forward(at::arange(77).unsqueeze(0));
  const at::Tensor noise = unet->forward(at::randn({1, 4, 8, 8}), 500, embeds);
  const at::Tensor image = vae->decode(noise / 0.18215);
  EXPECT_TRUE(at::isfinite(image).all().item<bool>());

  const auto read = [&](const std::string& folder) {
    return bksdm::SafetensorsFile::open(dir_ / folder / "unet/diffusion_pytorch_model.safetensors")
        ->tensor("conv_in.weight");
  };
  EXPECT_TRUE(at::equal(read("a"), read("b")));
  EXPECT_FALSE(at::equal(read("a"), read("c")));
}

TEST_F(RandomModelTest, WritesHalfPrecisionVariants) {
  ASSERT_EQ(make("half", "--dtype fp16 --variant fp16"), 0);
  const auto file = bksdm::SafetensorsFile::open(dir_ / "half/vae/diffusion_pytorch_model.fp16.safetensors");
  EXPECT_EQ(file->find("decoder.conv_in.weight")->dtype, bksdm::StDType::F16);
  const auto text = bksdm::SafetensorsFile::open(dir_ / "half/text_encoder/model.fp16.safetensors");
  EXPECT_EQ(text->find("text_model.embeddings.position_ids")->dtype, bksdm::StDType::I64);
  EXPECT_NE(make("half", ""), 0);  // the folder is no longer empty
  EXPECT_NE(make("bad", "--dtype fp8"), 0);
}

}  // namespace
