#include <ATen/ATen.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/loading/model_folder.h"
#include "core/models/autoencoder_kl.h"
#include "core/models/clip_text_model.h"
#include "core/models/layers.h"
#include "core/models/unet_2d_condition.h"

namespace bksdm::cli {
namespace {

namespace fs = std::filesystem;

// The command line as given; settings_of() checks it against the folders.
struct Options {
  std::string config;
  std::string out;
  uint64_t seed = 0;
  std::string dtype = "fp32";
  std::string variant;
  std::string tokenizer_from;  // empty: the config folder's tokenizer
};

struct Settings {
  fs::path config_dir;
  fs::path out_dir;
  c10::ScalarType dtype = at::kFloat;
  std::string variant;
  std::optional<fs::path> vocabulary_source;  // nullopt: the config folder has the tokenizer's files
  uint64_t seed = 0;
};

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Weights under which a generation stays finite: small normal weights (std 0.02, as transformers
// and diffusers initialise linear layers), unit norm scales and zero biases.
void randomize(torch::nn::Module& module, at::Generator& generator) {
  for (auto& item : module.named_parameters()) {
    at::Tensor parameter = item.value();
    if (parameter.dim() >= 2) {
      parameter.normal_(0.0, 0.02, generator);
    } else if (ends_with(item.key(), "weight")) {
      parameter.fill_(1.0);
    } else {
      parameter.zero_();
    }
  }
}

// Writes the module's parameters (and `extra` tensors, kept in their own dtype) as
// COMPONENT/STEM[.VARIANT].safetensors, diffusers' layout, and reports the file.
void write_weights(const Settings& settings, const std::string& component, const std::string& stem,
                   torch::nn::Module& module,
                   const std::vector<std::pair<std::string, at::Tensor>>& extra = {}) {
  std::vector<std::pair<std::string, at::Tensor>> tensors = extra;
  for (const auto& item : module.named_parameters())
    tensors.emplace_back(item.key(), item.value().to(settings.dtype));
  const std::string infix = settings.variant.empty() ? "" : "." + settings.variant;
  const fs::path file = settings.out_dir / component / (stem + infix + ".safetensors");
  write_safetensors(file, tensors, {{"format", "pt"}});
  std::printf("  %-13s %13lld parameters  %9.1f MB  %s\n", component.c_str(),
              static_cast<long long>(count_parameters(module)), double(fs::file_size(file)) / 1e6,
              file.filename().c_str());
}

nlohmann::json component_config(const Settings& settings, const std::string& component) {
  return read_json_file(settings.config_dir / component / "config.json");
}

void make_text_encoder(const Settings& settings, at::Generator& generator) {
  CLIPTextModel model(
      CLIPTextConfig::from_json(component_config(settings, "text_encoder"), "text_encoder/config.json"));
  randomize(model, generator);
  // Real checkpoints carry this buffer too.
  const at::Tensor position_ids = at::arange(model.config().max_position_embeddings, at::kLong).unsqueeze(0);
  write_weights(settings, "text_encoder", "model", model,
                {{"text_model.embeddings.position_ids", position_ids}});
}

void make_unet(const Settings& settings, at::Generator& generator) {
  const ParsedUNetConfig parsed = parse_unet_config(component_config(settings, "unet"));
  for (const std::string& warning : parsed.warnings) std::fprintf(stderr, "warning: %s\n", warning.c_str());
  UNet2DConditionModel model(parsed.config);
  randomize(*model, generator);
  write_weights(settings, "unet", "diffusion_pytorch_model", *model);
}

void make_vae(const Settings& settings, at::Generator& generator) {
  AutoencoderKL model(AutoencoderKLConfig::from_json(component_config(settings, "vae"), "vae/config.json"));
  randomize(model, generator);
  write_weights(settings, "vae", "diffusion_pytorch_model", model);
}

// Copies a file, writable by its owner whatever the source's mode (config folders may be read-only).
void copy_into(const fs::path& source, const fs::path& target) {
  fs::create_directories(target.parent_path());
  fs::copy_file(source, target, fs::copy_options::overwrite_existing);
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::add);
}

// Every JSON and text file of the config folder (model_index.json, the component configs, the
// tokenizer's files), at the same place under the output folder.
void copy_configs(const Settings& settings) {
  for (const auto& entry : fs::recursive_directory_iterator(settings.config_dir)) {
    const fs::path extension = entry.path().extension();
    if (!entry.is_regular_file() || (extension != ".json" && extension != ".txt")) continue;
    copy_into(entry.path(), settings.out_dir / fs::relative(entry.path(), settings.config_dir));
  }
}

// The folder holding vocab.json and merges.txt: `dir` itself or its tokenizer/ sub-folder.
fs::path vocabulary_folder(const fs::path& dir) {
  for (const fs::path& candidate : {dir, dir / "tokenizer"}) {
    if (fs::exists(candidate / "vocab.json") && fs::exists(candidate / "merges.txt")) return candidate;
  }
  throw Error(dir.string() + ": no vocab.json and merges.txt there or in its tokenizer/ folder");
}

// Where vocab.json and merges.txt come from: --tokenizer-from, else the config folder's tokenizer
// (nothing to add then); decided before anything is written.
std::optional<fs::path> vocabulary_source(const fs::path& config_dir, const std::string& tokenizer_from) {
  if (!tokenizer_from.empty()) return vocabulary_folder(tokenizer_from);
  const fs::path own = config_dir / "tokenizer";
  if (fs::exists(own / "vocab.json") && fs::exists(own / "merges.txt")) return std::nullopt;
  throw Error(own.string() +
              " has no vocab.json and merges.txt: pass --tokenizer-from DIR (e.g. "
              "tests/fixtures/models/sd-v1-4-mini/tokenizer)");
}

void add_vocabulary(const Settings& settings) {
  if (!settings.vocabulary_source) return;
  for (const char* name : {"vocab.json", "merges.txt"}) {
    copy_into(*settings.vocabulary_source / name, settings.out_dir / "tokenizer" / name);
  }
}

Settings settings_of(const Options& options) {
  Settings settings;
  settings.config_dir = options.config;
  settings.out_dir = options.out;
  settings.variant = options.variant;
  settings.dtype = options.dtype == "fp16" ? at::kHalf : at::kFloat;
  if (!fs::exists(settings.config_dir / "model_index.json")) {
    throw Error(settings.config_dir.string() +
                ": no model_index.json; --config takes a diffusers model folder");
  }
  settings.seed = options.seed;
  settings.vocabulary_source = vocabulary_source(settings.config_dir, options.tokenizer_from);
  if (fs::exists(settings.out_dir) && !fs::is_empty(settings.out_dir)) {
    throw Error(settings.out_dir.string() + " exists and is not empty; choose a new --out folder");
  }
  return settings;
}

int make_random_model(const Options& options) {
  const Settings settings = settings_of(options);
  at::Generator generator = at::detail::createCPUGenerator(settings.seed);

  std::printf("%s (random weights)\n", settings.out_dir.c_str());
  copy_configs(settings);
  add_vocabulary(settings);
  // One generator in a fixed order, so a seed always gives the same files.
  make_text_encoder(settings, generator);
  make_unet(settings, generator);
  make_vae(settings, generator);
  return 0;
}

}  // namespace

Command add_make_random_model(CLI::App& bksdm) {
  CLI::App* command = bksdm.add_subcommand("make-random-model", "write a model folder with random weights");
  auto options = std::make_shared<Options>();
  command->add_option("--config", options->config, "a diffusers model folder: its configs and tokenizer")
      ->required()
      ->check(CLI::ExistingDirectory);
  command->add_option("--out", options->out, "the new model folder (absent or empty)")->required()->type_name("DIR");
  command->add_option("--seed", options->seed, "seed of the random weights")->capture_default_str();
  command->add_option("--dtype", options->dtype)->check(CLI::IsMember({"fp32", "fp16"}))->capture_default_str();
  command->add_option("--variant", options->variant, "write *.VARIANT.safetensors, e.g. fp16");
  command->add_option("--tokenizer-from", options->tokenizer_from,
                      "take vocab.json and merges.txt from this folder (or its tokenizer/)")
      ->check(CLI::ExistingDirectory);
  return {command, [options] { return make_random_model(*options); }};
}

}  // namespace bksdm::cli
