// Single-file checkpoints in the CompVis/LDM layout (the fixtures README, "single_file"): SD 1.x,
// SD 2.x with OpenCLIP's fused q, k, v, and BK-SDM's fewer blocks, read with their folders' configs,
// give the reference's run through the library and the command line, and every weight the folder's;
// what a single file alone says about itself; the bad files of the catalogue, each refused by name.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <tuple>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "core/io/png.h"
#include "core/loading/model_summary.h"
#include "core/models/autoencoder_kl.h"
#include "core/models/clip_text_model.h"
#include "core/models/single_file.h"
#include "core/models/unet_2d_condition.h"
#include "tests/core/pipeline/fixture_case.h"

namespace {

using namespace bksdm::testing;
namespace fs = std::filesystem;

bksdm::ModelFolder single_file_model(const nlohmann::json& spec) {
  return bksdm::ModelFolder::open_single_file(kFixtures / spec["single_file"].get<std::string>(),
                                              (kFixtures / spec["config"].get<std::string>()).string());
}

// A Hugging Face cache holding the SD fixtures as the family models a single file takes its
// tokenizer, scheduler and base configs from; HF_HUB_CACHE names it while the test runs.
class FamilyCache {
 public:
  FamilyCache() {
    add("CompVis/stable-diffusion-v1-4", "sd-v1-4-mini");
    add("stabilityai/stable-diffusion-2-1-base", "sd-v2-1-base-mini");
    ::setenv("HF_HUB_CACHE", (dir_ / "hub").c_str(), 1);
  }
  ~FamilyCache() { ::unsetenv("HF_HUB_CACHE"); }

 private:
  void add(std::string repo, const std::string& model) {
    std::replace(repo.begin(), repo.end(), '/', '-');
    const fs::path root = dir_ / "hub" / ("models--" + repo.insert(repo.find('-'), "-"));
    fs::create_directories(root / "refs");
    fs::create_directories(root / "snapshots");
    std::ofstream(root / "refs" / "main") << "0123abcd";
    fs::copy(kFixtures / "models" / model, root / "snapshots" / "0123abcd", fs::copy_options::recursive);
  }

  TempDir dir_{"family-cache"};
};

class SingleFileCase : public ::testing::TestWithParam<nlohmann::json> {};

TEST_P(SingleFileCase, MatchesTheReference) {
  const nlohmann::json& spec = GetParam();
  bksdm::LoadOptions options;
  options.threads = 1;
  const auto pipeline = bksdm::StableDiffusionPipeline::load(single_file_model(spec), options);
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>());
  expect_reference_run(pipeline->generate(request_for(spec)), *expected);
}

TEST_P(SingleFileCase, MatchesTheReferenceThroughTheCommandLine) { expect_cli_run(GetParam(), "single-file-cli"); }

// Without a folder of configs: the family's cached model gives tokenizer, scheduler and base configs,
// and the file's tensors the layout (BK-SDM-Tiny's three levels from SD v1.4's four, here). The
// fixtures' heads and groups are the cached model's own, so the run is the reference's.
TEST_P(SingleFileCase, MatchesTheReferenceWithTheConfigsItsTensorsImply) {
  const nlohmann::json& spec = GetParam();
  const FamilyCache cache;
  bksdm::LoadOptions options;
  options.threads = 1;
  const bksdm::ModelFolder model = bksdm::ModelFolder::open((kFixtures / spec["single_file"].get<std::string>()).string());
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>());
  expect_reference_run(bksdm::StableDiffusionPipeline::load(model, options)->generate(request_for(spec)), *expected);
}

// Every parameter as the folder holds it, bit for bit: the renaming, the q, k, v split and the
// squeezed 1×1 convolutions lose nothing.
template <class Module>
void expect_same_parameters(const Module& from_file, const Module& from_folder) {
  const auto expected = from_folder.named_parameters();
  const auto actual = from_file.named_parameters();
  ASSERT_EQ(actual.size(), expected.size());
  for (const auto& item : expected) EXPECT_TRUE(at::equal(actual[item.key()], item.value())) << item.key();
}

TEST_P(SingleFileCase, LoadsEveryWeightOfTheFolder) {
  const nlohmann::json& spec = GetParam();
  const bksdm::ModelFolder file = single_file_model(spec);
  const bksdm::ModelFolder folder = bksdm::ModelFolder::open((kFixtures / spec["config"].get<std::string>()).string());
  expect_same_parameters(*bksdm::load_unet(file), *bksdm::load_unet(folder));
  expect_same_parameters(*bksdm::load_clip_text_model(file), *bksdm::load_clip_text_model(folder));
  expect_same_parameters(*bksdm::load_autoencoder_kl(file), *bksdm::load_autoencoder_kl(folder));
}

TEST_P(SingleFileCase, DescribesItselfAlone) {
  const nlohmann::json& spec = GetParam();
  const fs::path path = kFixtures / spec["single_file"].get<std::string>();
  const bksdm::ModelSummary alone = bksdm::summarize_single_file(path);
  const bksdm::ModelSummary folder =
      bksdm::summarize_model(bksdm::ModelFolder::open((kFixtures / spec["config"].get<std::string>()).string()));
  EXPECT_EQ(alone.family, folder.family);
  EXPECT_EQ(alone.layout, folder.layout);
  EXPECT_TRUE(alone.problems.empty()) << alone.problems.front();
  ASSERT_EQ(alone.components.size(), 3u);
  // The U-Net's parameters are the folder's; the text encoder's may differ by buffers (position_ids).
  for (const bksdm::ComponentSummary& component : folder.components) {
    if (component.name == "text_encoder") continue;
    const auto same = std::find_if(alone.components.begin(), alone.components.end(),
                                   [&](const auto& c) { return c.name == component.name; });
    EXPECT_EQ(same->parameters, component.parameters) << component.name;
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, SingleFileCase, ::testing::ValuesIn(ext_cases({"single_file"})), case_name);

const fs::path kSd1File = kFixtures / "inputs/single_file/sd-v1-4-mini.safetensors";
const fs::path kSd2File = kFixtures / "inputs/single_file/sd-v2-1-base-mini.safetensors";

// A copy of `file` whose tensors `keep` accepts.
fs::path filtered_copy(const TempDir& dir, const fs::path& file, const std::function<bool(const std::string&)>& keep) {
  std::vector<std::pair<std::string, at::Tensor>> tensors;
  const auto source = bksdm::SafetensorsFile::open(file);
  for (const bksdm::TensorInfo& info : source->tensors())
    if (keep(info.name)) tensors.emplace_back(info.name, source->tensor(info.name));
  const fs::path copy = dir / file.filename().string();
  bksdm::write_safetensors(copy, tensors);
  return copy;
}

std::string load_error(const fs::path& file, const std::string& config) {
  return error_of([&] {
    bksdm::StableDiffusionPipeline::load(bksdm::ModelFolder::open_single_file(file, (kFixtures / config).string()));
  });
}

// The catalogue of bad single files: each refused before any run, naming the file and what is wrong.
TEST(SingleFile, AFileWithoutItsVaeSaysSo) {
  const TempDir dir("single-file");
  const fs::path file = filtered_copy(dir, kSd1File, [](const std::string& name) {
    return name.rfind("first_stage_model.", 0) != 0;
  });
  const std::string error = load_error(file, "models/sd-v1-4-mini");
  EXPECT_NE(error.find(file.string() + ": holds no VAE"), std::string::npos) << error;
  EXPECT_NE(error.find("--vae"), std::string::npos) << error;
}

TEST(SingleFile, ATruncatedFileIsRefused) {
  const TempDir dir("single-file");
  const fs::path file = dir / "cut.safetensors";
  fs::copy_file(kSd1File, file);
  fs::resize_file(file, fs::file_size(file) - 1000);
  const std::string error = load_error(file, "models/sd-v1-4-mini");
  EXPECT_NE(error.find(file.string()), std::string::npos) << error;
  EXPECT_NE(error.find("truncated file"), std::string::npos) << error;
}

TEST(SingleFile, ATensorTheLayoutHasNoPlaceForIsNamed) {
  const TempDir dir("single-file");
  std::vector<std::pair<std::string, at::Tensor>> tensors;
  const auto source = bksdm::SafetensorsFile::open(kSd1File);
  for (const bksdm::TensorInfo& info : source->tensors()) tensors.emplace_back(info.name, source->tensor(info.name));
  tensors.emplace_back("model.diffusion_model.input_blocks.1.7.weight", at::zeros({2}));
  const fs::path file = dir / "extra.safetensors";
  bksdm::write_safetensors(file, tensors);
  const std::string error = load_error(file, "models/sd-v1-4-mini");
  EXPECT_NE(error.find("unexpected tensor(s): model.diffusion_model.input_blocks.1.7.weight"), std::string::npos)
      << error;
}

// Tensors outside the components are said, by name, unless they are the LDM's training leftovers
// (the EMA copy, the noise schedule's buffers) every such file carries.
TEST(SingleFile, TensorsNoComponentReadsAreNamed) {
  const TempDir dir("single-file");
  std::vector<std::pair<std::string, at::Tensor>> tensors;
  const auto source = bksdm::SafetensorsFile::open(kSd1File);
  for (const bksdm::TensorInfo& info : source->tensors()) tensors.emplace_back(info.name, source->tensor(info.name));
  for (const char* name : {"betas", "alphas_cumprod", "model_ema.decay", "model_ema.diffusion_modelout2weight",
                           "control_model.zero_convs.0.weight"})
    tensors.emplace_back(name, at::zeros({2}));
  const fs::path file = dir / "extra.safetensors";
  bksdm::write_safetensors(file, tensors);
  const auto pipeline = bksdm::StableDiffusionPipeline::load(
      bksdm::ModelFolder::open_single_file(file, (kFixtures / "models/sd-v1-4-mini").string()));
  ASSERT_EQ(pipeline->warnings().size(), 1u);
  EXPECT_EQ(pipeline->warnings()[0],
            file.string() + ": 1 tensor(s) that no component reads, ignored: control_model.zero_convs.0.weight");
}

// An SD 2.x file read with SD 1.x's configs: its OpenCLIP encoder has no place in a CLIP of that
// layout, nor its linear projections in convolutions.
TEST(SingleFile, AFileOfAnotherFamilyDoesNotLoad) {
  const std::string error = load_error(kSd2File, "models/sd-v1-4-mini");
  EXPECT_NE(error.find(kSd2File.string() + ": the weights do not fit the model"), std::string::npos) << error;
  EXPECT_NE(error.find("mis-shaped"), std::string::npos) << error;
}

TEST(SingleFile, ALoraOrAFolderComponentIsNoCheckpoint) {
  const std::string lora = load_error(kFixtures / "inputs/lora/sd-v1-4-mini-kohya.safetensors", "models/sd-v1-4-mini");
  EXPECT_NE(lora.find("not a single-file checkpoint"), std::string::npos) << lora;
  EXPECT_NE(lora.find("looks like a LoRA"), std::string::npos) << lora;
  const std::string unet =
      load_error(kFixtures / "models/sd-v1-4-mini/unet/diffusion_pytorch_model.safetensors", "models/sd-v1-4-mini");
  EXPECT_NE(unet.find("one component of a diffusers model folder"), std::string::npos) << unet;
}

// `bksdm inspect FILE` without configs: SD 2.x by its OpenCLIP encoder, BK-SDM-Tiny by its blocks.
TEST(SingleFile, InspectDescribesAFileAlone) {
  if (!fs::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  for (const auto& [file, family, layout] : {std::tuple{"sd-v2-1-base-mini", "SD 2.x", "SD"},
                                             std::tuple{"bk-sdm-tiny-mini", "SD 1.x", "BK-Tiny"}}) {
    std::string error, output;
    const fs::path path = kFixtures / "inputs/single_file" / (std::string(file) + ".safetensors");
    ASSERT_EQ(run_bksdm("inspect --json " + shell_quoted(path.string()), &error, &output), 0) << error;
    const nlohmann::json summary = nlohmann::json::parse(output);
    EXPECT_EQ(summary["family"], family);
    EXPECT_EQ(summary["layout"], layout);
    EXPECT_EQ(summary["components"].size(), 3u);
    EXPECT_FALSE(summary.contains("folder"));
  }
}

// With no model of its family cached, the file cannot be tokenized: the message says what to do.
TEST(SingleFile, WithoutItsFamilyCachedTheCommandLineAsksForItsConfigs) {
  if (!fs::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  const TempDir empty("empty-cache");
  ::setenv("HF_HUB_CACHE", empty.path().c_str(), 1);
  std::string error;
  const TempDir dir("single-file-cli");
  EXPECT_EQ(run_bksdm("generate --model " + shell_quoted(kSd1File.string()) + " --prompt x --output " +
                          shell_quoted((dir / "x.png").string()),
                      &error),
            1);
  ::unsetenv("HF_HUB_CACHE");
  EXPECT_NE(error.find("an SD 1.x checkpoint; its tokenizer and scheduler come from a model of its family"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("--config"), std::string::npos) << error;
}

// Without --config, through the command line: the file opened as a model of its own.
TEST(SingleFile, TheCommandLineTakesAFileAlone) {
  if (!fs::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  const FamilyCache cache;
  const nlohmann::json spec = ext_cases({"single_file"}).back();
  const TempDir dir("single-file-alone");
  std::string arguments = generate_arguments(spec, dir / "run.safetensors");
  const std::string with_config = " --config " + shell_quoted((kFixtures / spec["config"].get<std::string>()).string());
  ASSERT_NE(arguments.find(with_config), std::string::npos);
  arguments.erase(arguments.find(with_config), with_config.size());
  std::string error;
  ASSERT_EQ(run_bksdm(arguments, &error), 0) << error;
  expect_saved_run(*bksdm::SafetensorsFile::open(dir / "run.safetensors"),
                   *bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>()));
}

// The PNG's text names the checkpoint, the LoRA and the embedding by A1111's hashes, each computed
// here with Python's hashlib from the fixture files: sha256 of the checkpoint (10 digits), of the
// LoRA's bytes after its header (12), of the embedding file (12).
TEST(SingleFile, TheImageNamesItsFilesByA1111sHashes) {
  if (!fs::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  const TempDir dir("single-file-hashes");
  std::string error;
  ASSERT_EQ(run_bksdm("generate --model " + shell_quoted(kSd1File.string()) + " --config " +
                          shell_quoted((kFixtures / "models/sd-v1-4-mini").string()) +
                          " --prompt 'a vase, vase-style' --steps 2 --width 64 --height 64 --threads 1 --quiet" +
                          " --lora " + shell_quoted((kFixtures / "inputs/lora/sd-v1-4-mini-kohya.safetensors").string()) +
                          " --embeddings " + shell_quoted((kFixtures / "inputs/embeddings/sd1").string()) +
                          " --output " + shell_quoted((dir / "out.png").string()),
                      &error),
            0)
      << error;
  const auto texts = bksdm::read_png_text(dir / "out.png", {"parameters"});
  ASSERT_EQ(texts.size(), 1u);
  const std::string& text = texts[0].text;
  EXPECT_NE(text.find("Model hash: 294dae9cfa, Model: sd-v1-4-mini"), std::string::npos) << text;
  EXPECT_NE(text.find("Lora hashes: \"sd-v1-4-mini-kohya: fb9c376856fb\""), std::string::npos) << text;
  EXPECT_NE(text.find("TI hashes: \"vase-style: 690650dfb20f\""), std::string::npos) << text;
}

}  // namespace
