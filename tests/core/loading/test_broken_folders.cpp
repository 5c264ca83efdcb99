// The catalogue of broken model folders: every defect a downloaded or hand-edited folder can have,
// each in a copy of a fixture model. Loading it and running one step, in process and through
// `bksdm generate`, must end with a bksdm::Error (exit code 1) whose message names the file at
// fault and what is wrong with it: never a crash, a hang or a silently wrong image.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "core/io/safetensors.h"
#include "core/models/unet_2d_condition.h"
#include "core/models/weights.h"
#include "core/pipeline/pipeline.h"
#include "tests/core/test_support.h"

namespace fs = std::filesystem;

namespace {

using namespace bksdm::testing;

constexpr const char* kModel = "bk-sdm-v2-tiny-mini";
constexpr const char* kUNetWeights = "unet/diffusion_pytorch_model.safetensors";
constexpr const char* kTextEncoderWeights = "text_encoder/model.safetensors";
constexpr const char* kVaeWeights = "vae/diffusion_pytorch_model.safetensors";

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

void edit_json(const fs::path& path, const std::function<void(nlohmann::json&)>& edit) {
  nlohmann::json json = bksdm::read_json_file(path);
  edit(json);
  write_text(path, json.dump(2));
}

// A NaN in one weight: the run's values all turn NaN.
auto nan_in(const std::string& file, const std::string& tensor) {
  return [file, tensor](const fs::path& model) { put_a_nan(model / file, tensor); };
}

// One defect: what to break in the model folder, the file the message must name (relative to the
// folder; "" for the folder itself) and words the message must hold.
struct Breakage {
  std::string label;
  std::function<void(const fs::path& model)> apply;
  std::string file;
  std::string says;
};

std::ostream& operator<<(std::ostream& out, const Breakage& breakage) { return out << breakage.label; }

auto without(const std::string& file) {
  return [file](const fs::path& model) { fs::remove(model / file); };
}

const Breakage kBreakages[] = {
    {"MissingModelIndex", without("model_index.json"), "", "model_index.json is missing"},
    {"MissingSchedulerConfig", without("scheduler/scheduler_config.json"), "scheduler/scheduler_config.json",
     "missing"},
    {"MissingTextEncoderConfig", without("text_encoder/config.json"), "text_encoder/config.json", "missing"},
    {"MissingUNetConfig", without("unet/config.json"), "unet/config.json", "missing"},
    {"MissingVaeConfig", without("vae/config.json"), "vae/config.json", "missing"},
    {"MissingTextEncoderWeights", without("text_encoder/model.safetensors"), "text_encoder", "no .safetensors"},
    {"MissingUNetWeights", without(kUNetWeights), "unet", "no .safetensors"},
    {"MissingVaeWeights", without("vae/diffusion_pytorch_model.safetensors"), "vae", "no .safetensors"},
    {"MissingVocab", without("tokenizer/vocab.json"), "tokenizer/vocab.json", "missing"},
    {"MissingMerges", without("tokenizer/merges.txt"), "tokenizer/merges.txt", "missing"},
    {"MissingTokenizerFolder", [](const fs::path& model) { fs::remove_all(model / "tokenizer"); }, "",
     "'tokenizer' folder is missing"},
    {"TruncatedWeights",
     [](const fs::path& model) { fs::resize_file(model / kUNetWeights, fs::file_size(model / kUNetWeights) / 2); },
     kUNetWeights, "truncated"},
    {"WeightsCutInsideTheHeader", [](const fs::path& model) { fs::resize_file(model / kUNetWeights, 100); },
     kUNetWeights, "truncated"},
    {"EmptyWeightsFile", [](const fs::path& model) { fs::resize_file(model / kUNetWeights, 0); }, kUNetWeights,
     "too short"},
    {"TensorOfTheWrongShape",
     [](const fs::path& model) {
       edit_tensor(model / kUNetWeights, "conv_in.weight", [](at::Tensor t) { return t.narrow(0, 0, 4); });
     },
     kUNetWeights, "mis-shaped tensor(s): conv_in.weight"},
    {"TensorOfIntegers",
     [](const fs::path& model) {
       edit_tensor(model / kUNetWeights, "conv_in.weight", [](at::Tensor t) { return t.to(at::kLong); });
     },
     kUNetWeights, "conv_in.weight holds I64"},
    // A run that produced NaN reads the weights to say which file holds them.
    {"NanUNetWeights", nan_in(kUNetWeights, "conv_in.bias"), kUNetWeights,
     "the run produced NaN or infinite values; the unet weights hold some (conv_in.bias)"},
    {"NanTextEncoderWeights", nan_in(kTextEncoderWeights, "text_model.final_layer_norm.bias"), kTextEncoderWeights,
     "the text_encoder weights hold some (text_model.final_layer_norm.bias)"},
    {"NanVaeDecoderWeights", nan_in(kVaeWeights, "decoder.conv_out.bias"), kVaeWeights,
     "the vae weights hold some (decoder.conv_out.bias)"},
    {"MissingTensor",
     [](const fs::path& model) {
       std::vector<std::pair<std::string, at::Tensor>> kept;
       const auto file = bksdm::SafetensorsFile::open(model / kUNetWeights);
       for (const bksdm::TensorInfo& info : file->tensors())
         if (info.name != "conv_out.bias") kept.emplace_back(info.name, file->tensor(info.name).clone());
       bksdm::write_safetensors(model / "unet/kept.safetensors", kept);
       fs::rename(model / "unet/kept.safetensors", model / kUNetWeights);
     },
     kUNetWeights, "missing tensor(s): conv_out.bias"},
    {"WeightsOfAnotherModel",
     [](const fs::path& model) {
       fs::copy_file(kFixtures / "models/sd-v1-4-mini" / kUNetWeights, model / kUNetWeights,
                     fs::copy_options::overwrite_existing);
     },
     kUNetWeights, "do not fit the model"},
    {"NotJsonConfig", [](const fs::path& model) { write_text(model / "unet/config.json", "{\"in_channels\": 4,"); },
     "unet/config.json", "not valid JSON"},
    {"StringWhereANumberGoes",
     [](const fs::path& model) { edit_json(model / "unet/config.json", [](auto& j) { j["layers_per_block"] = "1"; }); },
     "unet/config.json", "\"layers_per_block\" must be an integer"},
    {"SampleSizeAsAString",
     [](const fs::path& model) { edit_json(model / "unet/config.json", [](auto& j) { j["sample_size"] = "64"; }); },
     "unet/config.json", "\"sample_size\" must be an integer"},
    {"TextEncoderConfigWithAStringSize",
     [](const fs::path& model) {
       edit_json(model / "text_encoder/config.json", [](auto& j) { j["hidden_size"] = "16"; });
     },
     "text_encoder/config.json", "\"hidden_size\""},
    {"VaeConfigWithAStringScale",
     [](const fs::path& model) {
       edit_json(model / "vae/config.json", [](auto& j) { j["scaling_factor"] = "0.18215"; });
     },
     "vae/config.json", "\"scaling_factor\""},
    {"SchedulerConfigWithAStringBeta",
     [](const fs::path& model) {
       edit_json(model / "scheduler/scheduler_config.json", [](auto& j) { j["beta_start"] = "0.00085"; });
     },
     "scheduler/scheduler_config.json", "\"beta_start\" must be a number"},
    {"UnsupportedBlock",
     [](const fs::path& model) {
       edit_json(model / "unet/config.json", [](auto& j) { j["down_block_types"][0] = "SimpleCrossAttnDownBlock2D"; });
     },
     "unet/config.json", "SimpleCrossAttnDownBlock2D"},
    {"ConfigThatIsAList", [](const fs::path& model) { write_text(model / "vae/config.json", "[1, 2]"); },
     "vae/config.json", "object"},
    {"MergeOfAPieceNotInTheVocab",
     [](const fs::path& model) {
       write_text(model / "tokenizer/merges.txt", "#version: 0.2\ni n\nq\xc4\xa0 zz\n");
     },
     "tokenizer/merges.txt", "line 3"},
    {"MergesOfAnotherVocabulary",
     [](const fs::path& model) {
       nlohmann::json vocab = nlohmann::json::object();
       for (int byte = 0; byte < 256; ++byte) vocab[std::string(1, char('a' + byte % 26)) + std::to_string(byte)] = byte;
       vocab["<|startoftext|>"] = 256;
       vocab["<|endoftext|>"] = 257;
       vocab["!"] = 258;
       write_text(model / "tokenizer/vocab.json", vocab.dump());
     },
     "tokenizer/merges.txt", "not in vocab.json"},
    {"VocabThatIsNotJson", [](const fs::path& model) { write_text(model / "tokenizer/vocab.json", "{\"a\": 0,,"); },
     "tokenizer/vocab.json", "not valid JSON"},
    // model_index.json, read first as diffusers does (was: never read beyond its existence).
    {"ModelIndexThatIsAList", [](const fs::path& model) { write_text(model / "model_index.json", "[1, 2]"); },
     "model_index.json", "must be a JSON object, not a list of 2 items"},
    {"ModelIndexThatIsNotJson", [](const fs::path& model) { write_text(model / "model_index.json", "{\"unet\": ["); },
     "model_index.json", "not valid JSON"},
    {"ModelIndexOfAGigabyte",
     [](const fs::path& model) { fs::resize_file(model / "model_index.json", 1ull << 30); },
     "model_index.json", "a config file is at most 1 MiB"},
    {"ModelIndexWithoutAClassName",
     [](const fs::path& model) { edit_json(model / "model_index.json", [](auto& j) { j.erase("_class_name"); }); },
     "model_index.json", "has no \"_class_name\""},
    {"ModelIndexOfAnotherPipeline",
     [](const fs::path& model) {
       edit_json(model / "model_index.json", [](auto& j) { j["_class_name"] = "StableDiffusionXLPipeline"; });
     },
     "model_index.json", "\"_class_name\" is \"StableDiffusionXLPipeline\"; this engine runs StableDiffusionPipeline"},
    {"ModelIndexWithoutTheUNet",
     [](const fs::path& model) { edit_json(model / "model_index.json", [](auto& j) { j.erase("unet"); }); },
     "model_index.json", "does not list the \"unet\" component"},
    {"ModelIndexWithANullVae",
     [](const fs::path& model) {
       edit_json(model / "model_index.json", [](auto& j) { j["vae"] = nlohmann::json::array({nullptr, nullptr}); });
     },
     "model_index.json", "\"vae\" must name its library and class"},
    // A scaling_factor this small makes the final latents divided by it infinite: the VAE config is
    // named, by key (was: "the settings may cause it").
    {"VaeScalingFactorOfAlmostNothing",
     [](const fs::path& model) { edit_json(model / "vae/config.json", [](auto& j) { j["scaling_factor"] = 1e-300; }); },
     "vae/config.json", "its scaling_factor is so small that the final latents divided by it are not finite"},
    {"VaeScalingFactorPastTheDoubles",
     [](const fs::path& model) {
       std::string text = read_file_text(model / "vae/config.json");
       const size_t at = text.find("\"scaling_factor\"");
       text.replace(at, text.find_first_of(",}", at) - at, "\"scaling_factor\": 1e400");
       write_text(model / "vae/config.json", text);
     },
     "vae/config.json", "number overflow"},
};

class BrokenFolder : public ::testing::TestWithParam<Breakage> {
 protected:
  fs::path broken_model() {
    const fs::path model = temp_.copy_fixture_model(kModel);
    GetParam().apply(model);
    return model;
  }
  // The path the message must name.
  static std::string named(const fs::path& model) {
    return GetParam().file.empty() ? model.string() : (model / GetParam().file).string();
  }

  TempDir temp_{"broken-folder"};
};

// Load, then one small step: a defect may only show when the run needs the file (the scheduler).
void load_and_run(const std::string& model) {
  auto pipeline = bksdm::StableDiffusionPipeline::load(bksdm::ModelFolder::open(model));
  bksdm::GenerationRequest request;
  request.prompt = "x";
  request.steps = 1;
  request.width = request.height = 64;
  pipeline->generate(request);
}

std::string cli_arguments(const std::string& model, const fs::path& output) {
  return "generate --model " + model + " --prompt x --steps 1 --width 64 --height 64 --quiet --output " +
         output.string();
}

TEST_P(BrokenFolder, LoadingSaysWhichFileAndWhat) {
  const fs::path model = broken_model();
  const std::string message = error_of([&] { load_and_run(model.string()); });
  EXPECT_NE(message.find(named(model)), std::string::npos) << message;
  EXPECT_NE(message.find(GetParam().says), std::string::npos) << message;
}

TEST_P(BrokenFolder, GenerateExitsWithOneClearLine) {
  if (!fs::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  const fs::path model = broken_model();
  std::string error;
  EXPECT_EQ(run_bksdm(cli_arguments(model.string(), temp_ / "out.png"), &error), 1) << error;
  const std::string first_line = error.substr(0, error.find('\n'));
  EXPECT_EQ(first_line.rfind("bksdm generate: ", 0), 0u) << error;
  EXPECT_NE(first_line.find(named(model)), std::string::npos) << error;
  EXPECT_NE(error.find(GetParam().says), std::string::npos) << error;
  EXPECT_FALSE(fs::exists(temp_ / "out.png"));
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BrokenFolder, ::testing::ValuesIn(kBreakages),
                         [](const auto& info) { return info.param.label; });

// The pipeline does not ask for this check (a pass over every weight: 8 to 25 s for the 750 million
// parameters of BK-SDM-v2-Tiny on two busy cores); it checks the final latents and images instead,
// and reads the weights only when those are not finite (NanUNetWeights).
TEST(BrokenFolders, NanWeightsAreRefusedWhenTheLoadChecks) {
  TempDir temp("nan-weights");
  const fs::path model = temp.copy_fixture_model(kModel);
  nan_in(kUNetWeights, "conv_in.bias")(model);
  bksdm::WeightLoadOptions checked;
  checked.check_finite = true;
  const std::string message = error_of([&] { bksdm::load_unet(bksdm::ModelFolder::open(model.string()), checked); });
  EXPECT_NE(message.find((model / kUNetWeights).string()), std::string::npos) << message;
  EXPECT_NE(message.find("NaN or infinite values: conv_in.bias"), std::string::npos) << message;
  EXPECT_NO_THROW(bksdm::load_unet(bksdm::ModelFolder::open(model.string())));
}

// Not a broken folder but the same promise: a run that cannot fit in memory ends at once with what
// to change, instead of computing for hours and then failing (or swapping) in the VAE decoder.
TEST(TooLargeRequest, EndsAtOnceWithAdvice) {
  const std::string model = (kFixtures / "models" / kModel).string();
  const auto start = std::chrono::steady_clock::now();
  const std::string message = error_of([&] {
    bksdm::GenerationRequest request;
    request.prompt = "x";
    request.steps = 1;
    request.width = request.height = 8192;
    request.num_images = 8;
    bksdm::StableDiffusionPipeline::load(bksdm::ModelFolder::open(model))->generate(request);
  });
  EXPECT_NE(message.find("not enough memory for 8 image(s) of 8192x8192: choose a smaller size or fewer images"),
            std::string::npos)
      << message;
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 30);

  if (!fs::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  TempDir temp("too-large");
  std::string error;
  EXPECT_EQ(run_bksdm("generate --model " + model + " --prompt x --steps 1 --width 8192 --height 8192 --images 8 " +
                          "--quiet --output " + (temp / "out.png").string(),
                      &error),
            1);
  EXPECT_EQ(error.rfind("bksdm generate: not enough memory", 0), 0u) << error;
}

// huggingface_hub's layout with one snapshot entry replaced by a link that leads back to itself.
class CacheWithALoop : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const fs::path repo = temp_ / "hub" / "models--nota-ai--bk-sdm-v2-tiny";
    const std::string commit = "0123456789abcdef0123456789abcdef01234567";
    fs::create_directories(repo / "refs");
    std::ofstream(repo / "refs" / "main") << commit;
    snapshot_ = repo / "snapshots" / commit;
    fs::create_directories(snapshot_.parent_path());
    fs::copy(kFixtures / "models" / kModel, snapshot_, fs::copy_options::recursive);
    const fs::path entry = snapshot_ / GetParam();
    fs::remove_all(entry);
    fs::create_symlink(entry.filename().string() + ".link", entry);
    fs::create_symlink(entry.filename(), entry.string() + ".link");
    ::setenv("HF_HUB_CACHE", (temp_ / "hub").c_str(), 1);
  }
  void TearDown() override { ::unsetenv("HF_HUB_CACHE"); }

  TempDir temp_{"cache-loop"};
  fs::path snapshot_;
};

TEST_P(CacheWithALoop, IsAnErrorNamingTheLink) {
  if (!fs::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  const std::string message = error_of([] { load_and_run("nota-ai/bk-sdm-v2-tiny"); });
  EXPECT_NE(message.find(GetParam()), std::string::npos) << message;
  std::string error;
  EXPECT_EQ(run_bksdm(cli_arguments("nota-ai/bk-sdm-v2-tiny", temp_ / "out.png"), &error), 1) << error;
  EXPECT_NE(error.substr(0, error.find('\n')).find(GetParam()), std::string::npos) << error;
}

INSTANTIATE_TEST_SUITE_P(Catalogue, CacheWithALoop,
                         ::testing::Values("model_index.json", "unet/config.json", kUNetWeights,
                                           "tokenizer/vocab.json", "vae"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
