#include <gtest/gtest.h>

#include <algorithm>


#include <ATen/ATen.h>

#include "core/io/a1111_parameters.h"
#include "core/io/image_file.h"
#include "core/io/png.h"
#include "core/io/safetensors.h"
#include "tests/core/test_support.h"

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;


namespace {

using namespace bksdm::testing;

class GenerateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  }
  int run(const std::string& arguments) { return run_bksdm("generate " + arguments, &stderr_); }
  const std::string& stderr_text() const { return stderr_; }

  TempDir dir_{"generate"};
  std::string stderr_;
};
TEST_F(GenerateCli, SavedTensorsAndPngMatchTheFixture) {
  const std::filesystem::path expected_file = kFixtures / "expected/bk-sdm-v2-base-mini/pipeline-batch2.safetensors";
  auto expected = bksdm::SafetensorsFile::open(expected_file);
  const auto& meta = expected->metadata();
  const std::string arguments = "--model " + (kFixtures / "models" / meta.at("model")).string() + " --prompt '" +
                                meta.at("prompt") + "' --seed " + meta.at("seed") + " --steps " + meta.at("steps") +
                                " --guidance " + meta.at("guidance_scale") + " --width " + meta.at("width") +
                                " --height " + meta.at("height") + " --scheduler " + meta.at("scheduler") +
                                " --images " + meta.at("num_images") + " --batch-noise shared --threads 1 --attention-maps --quiet" +
                                " --output " + (dir_ / "out.png").string() + " --save-tensors " +
                                (dir_ / "out.safetensors").string();
  ASSERT_EQ(run(arguments), 0) << stderr_text();

  auto saved = bksdm::SafetensorsFile::open(dir_ / "out.safetensors");
  EXPECT_LE((saved->tensor("image") - expected->tensor("image")).abs().max().item<double>(), 5e-4);
  const at::Tensor last_latents = expected->tensor("step_latents")[-1];
  EXPECT_LE(relative_error(saved->tensor("latents"), last_latents), 1e-4);
  const at::Tensor attention = expected->tensor("attention");
  EXPECT_LE(relative_error(saved->tensor("attention"), attention), 1e-4);

  for (int image = 0; image < 2; ++image) {
    const auto texts = bksdm::read_png_text(dir_ / ("out-" + std::to_string(image) + ".png"), {"parameters"});
    ASSERT_EQ(texts.size(), 1u);
    EXPECT_EQ(texts[0].keyword, "parameters");
    const auto parameters = bksdm::parse_a1111_parameters(texts[0].text);
    EXPECT_EQ(parameters.prompt, meta.at("prompt"));
    EXPECT_EQ(*parameters.setting("Seed"), meta.at("seed"));
    EXPECT_EQ(*parameters.setting("Model"), meta.at("model"));
    EXPECT_EQ(*parameters.setting("Batch size"), "2");  // A1111's keys: which image of the batch this is
    EXPECT_EQ(*parameters.setting("Batch pos"), std::to_string(image));
    EXPECT_EQ(*parameters.setting("Batch noise"), "shared");  // the batch's seed alone does not make it again
  }
}

// One overlay per word in --attention-dir, A1111's syntax left out of the words; the negative
// prompt's too when asked for, and its maps saved.
TEST_F(GenerateCli, AttentionOverlaysNameThePromptsWords) {
  const std::string model = (kFixtures / "models/bk-sdm-v2-tiny-mini").string();
  ASSERT_EQ(run("--model " + model + " --prompt '(red:1.2) lighthouse' --negative 'blurry' --steps 2 --width 64" +
                " --height 64 --quiet --negative-attention-maps --attention-dir " + (dir_ / "maps").string() +
                " --save-tensors " + (dir_ / "run.safetensors").string()),
            0)
      << stderr_text();
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir_ / "maps")) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"00-red.png", "01-lighthouse.png", "negative-00-blurry.png"}));
  const auto saved = bksdm::SafetensorsFile::open(dir_ / "run.safetensors");
  ASSERT_TRUE(saved->find("negative_attention"));
  EXPECT_EQ(saved->tensor("negative_attention").sizes(), saved->tensor("attention").sizes());
}

TEST_F(GenerateCli, BadInputExitsNonZeroWithOneClearLine) {
  const std::string model = (kFixtures / "models/bk-sdm-v2-tiny-mini").string();
  EXPECT_EQ(run("--model " + model + " --prompt a --width 60"), 1);
  EXPECT_NE(stderr_text().find("--width: Value 60 is not a positive multiple of 8"), std::string::npos)
      << stderr_text();
  EXPECT_EQ(run("--model " + model + " --prompt a --scheduler lms"), 1);
  EXPECT_NE(stderr_text().find("--scheduler: lms not in {pndm,"), std::string::npos) << stderr_text();
  EXPECT_EQ(run("--model /nonexistent --prompt a"), 1);
  EXPECT_NE(stderr_text().find("/nonexistent"), std::string::npos) << stderr_text();
  EXPECT_EQ(run("--model " + model + " --prompt a --steps many"), 1);
  EXPECT_NE(stderr_text().find("--steps: Value many not in range 1 to 500"), std::string::npos) << stderr_text();
}

// An image file that cannot be read, and a mask without an image, are refused in one line that
// names them, before the model is opened (a missing model would be named).
TEST_F(GenerateCli, ABadImageInputIsRefusedBeforeTheModelLoads) {
  const auto refusal = [&](const std::string& arguments) {
    EXPECT_EQ(run("--model /nonexistent --prompt a " + arguments), 1) << arguments;
    EXPECT_EQ(stderr_text().find("/nonexistent"), std::string::npos) << stderr_text();
    EXPECT_EQ(std::count(stderr_text().begin(), stderr_text().end(), '\n'), 1) << stderr_text();
    return stderr_text();
  };
  std::ofstream(dir_ / "notes.png") << "not an image";
  EXPECT_NE(refusal("--init-image " + (dir_ / "notes.png").string())
                .find((dir_ / "notes.png").string() + ": not a PNG, JPEG or WebP image"),
            std::string::npos);
  EXPECT_NE(refusal("--init-image " + (dir_ / "absent.png").string()).find((dir_ / "absent.png").string()),
            std::string::npos);
  EXPECT_NE(refusal("--mask " + (kFixtures / "inputs/images/mask-rect-64x64.png").string())
                .find("a mask says what to repaint of an init image"),
            std::string::npos);
}

// A batch's image 1 is seed + 1's image (per-image noise, the default) and its text says that seed:
// the image is made again alone from what its PNG says.
TEST_F(GenerateCli, ABatchImageIsMadeAgainFromItsOwnSeed) {
  const std::string common = "--model " + (kFixtures / "models/bk-sdm-tiny-mini").string() +
                             " --prompt 'a red cube' --steps 3 --width 64 --height 64 --quiet --threads 1"
                             " --scheduler euler_a";
  ASSERT_EQ(run(common + " --seed 41 --images 2 --output " + (dir_ / "batch.png").string()), 0) << stderr_text();
  ASSERT_EQ(run(common + " --seed 42 --output " + (dir_ / "alone.png").string()), 0) << stderr_text();
  const auto texts = bksdm::read_png_text(dir_ / "batch-1.png", {"parameters"});
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(*bksdm::parse_a1111_parameters(texts[0].text).setting("Seed"), "42");
  const bksdm::RgbImage batch = bksdm::read_image(dir_ / "batch-1.png"), alone = bksdm::read_image(dir_ / "alone.png");
  int most = 0;
  for (size_t i = 0; i < batch.pixels.size(); ++i) most = std::max(most, std::abs(batch.pixels[i] - alone.pixels[i]));
  EXPECT_LE(most, 1);  // the batch's U-Net calls may round differently from one image's
}

TEST_F(GenerateCli, TheSameSeedGivesTheSameImage) {
  const std::string common = "--model " + (kFixtures / "models/bk-sdm-tiny-mini").string() +
                             " --prompt 'a red cube' --seed 42 --steps 3 --width 64 --height 64 --quiet --threads 1";
  ASSERT_EQ(run(common + " --scheduler euler_a --save-tensors " + (dir_ / "a.safetensors").string()), 0);
  ASSERT_EQ(run(common + " --scheduler euler_a --save-tensors " + (dir_ / "b.safetensors").string()), 0);
  EXPECT_TRUE(at::equal(bksdm::SafetensorsFile::open(dir_ / "a.safetensors")->tensor("image"),
                        bksdm::SafetensorsFile::open(dir_ / "b.safetensors")->tensor("image")));
}

}  // namespace

namespace {

// A copy of bk-sdm-tiny-mini at `target` whose `config_file` has the values of `changes`.
fs::path tiny_fixture_with(const fs::path& target, const std::string& config_file, const nlohmann::json& changes) {
  fs::copy(kFixtures / "models/bk-sdm-tiny-mini", target, fs::copy_options::recursive);
  nlohmann::json config = nlohmann::json::parse(std::ifstream(target / config_file));
  config.merge_patch(changes);
  fs::remove(target / config_file);
  std::ofstream(target / config_file) << config.dump();
  return target;
}

// A text encoder from another model (hidden_size 32 beside a U-Net attending to 16) is refused at
// load, naming both configs (was: a shape error in the first step's attention).
TEST_F(GenerateCli, ATextEncoderOfAnotherWidthIsRefusedAtLoad) {
  const fs::path configs =
      tiny_fixture_with(dir_ / "configs", "text_encoder/config.json", {{"hidden_size", 32}, {"projection_dim", 32}});
  const fs::path model = dir_ / "mixed";
  ASSERT_EQ(run_bksdm("make-random-model --config " + configs.string() + " --out " + model.string(), &stderr_), 0)
      << stderr_;
  EXPECT_EQ(run("--model " + model.string() + " --prompt a --steps 1 --width 64 --height 64 --quiet"), 1);
  EXPECT_NE(stderr_text().find("cross_attention_dim 16 does not match the text encoder's hidden_size 32"),
            std::string::npos)
      << stderr_text();
}

// A scheduler this engine does not implement is said, not silently replaced by PNDM.
TEST_F(GenerateCli, AnUnimplementedSchedulerClassIsWarnedAbout) {
  const fs::path model =
      tiny_fixture_with(dir_ / "lms", "scheduler/scheduler_config.json", {{"_class_name", "LMSDiscreteScheduler"}});
  ASSERT_EQ(run("--model " + model.string() + " --prompt a --steps 1 --width 64 --height 64 --save-tensors " +
                (dir_ / "t.safetensors").string()),
            0)
      << stderr_text();
  EXPECT_NE(stderr_text().find("LMSDiscreteScheduler is not implemented here; the default scheduler is PNDM"),
            std::string::npos)
      << stderr_text();
}

// A model folder whose name is not UTF-8 (Linux allows any bytes): its name and path enter PNG text
// and JSON with the byte spelled \xff (was: inspect --json died on nlohmann's UTF-8 check, and
// generate failed writing the PNG, after the whole run).
TEST_F(GenerateCli, AFolderNameThatIsNotUtf8IsSpelledOut) {
  const fs::path model = dir_ / "bk-\xff-mini";
  fs::copy(kFixtures / "models/bk-sdm-tiny-mini", model, fs::copy_options::recursive);
  std::string json_text;
  ASSERT_EQ(run_bksdm("inspect --json " + model.string(), &stderr_, &json_text), 0) << stderr_;
  const nlohmann::json json = nlohmann::json::parse(json_text);
  EXPECT_EQ(json["name"], "bk-\\xff-mini");
  EXPECT_EQ(json["folder"], dir_.path().string() + "/bk-\\xff-mini");
  EXPECT_EQ(json["components"]["unet"]["weights"],
            dir_.path().string() + "/bk-\\xff-mini/unet/diffusion_pytorch_model.safetensors");

  ASSERT_EQ(run("--model " + model.string() + " --prompt a --steps 1 --width 64 --height 64 --quiet --output " +
                (dir_ / "out.png").string()),
            0)
      << stderr_text();
  const auto texts = bksdm::read_png_text(dir_ / "out.png", {"parameters"});
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(*bksdm::parse_a1111_parameters(texts[0].text).setting("Model"), "bk-\\xff-mini");
}

}  // namespace
