#include <cstdio>
#include <filesystem>
#include <memory>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/image_output.h"
#include "cli/options.h"
#include "cli/run_options.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "core/io/png.h"
#include "core/io/utf8.h"
#include "core/pipeline/attention_overlay.h"
#include "core/pipeline/attention_similarity.h"
#include "core/pipeline/pipeline.h"

namespace bksdm::cli {
namespace {

namespace fs = std::filesystem;

struct Settings {
  std::vector<std::string> models;
  std::vector<std::string> configs;
  RunOptions run;
  std::string prompt_b;
  std::string output;
  double top_fraction = kDefaultTopFraction;
};

// One side of the comparison: the model it loads and the run it makes.
struct Side {
  ModelChoice model;
  GenerationRequest request;
};

// What a side leaves once its model is gone: the run, and the tokenizer that reads its words.
struct SideRun {
  GenerationResult result;
  std::shared_ptr<const ClipTokenizer> tokenizer;
};

// A's model and B's: the second --model, or A's again for two prompts.
std::pair<ModelChoice, ModelChoice> model_choices(const Settings& settings) {
  const size_t count = settings.models.size();
  if (count > 2)
    throw Error("--model is given once (with --prompt-b) or twice, not " + std::to_string(count) + " times");
  if (count == 1 && settings.prompt_b.empty())
    throw Error("compare needs two models (--model twice) or two prompts (--prompt-b)");
  if (!settings.configs.empty() && settings.configs.size() != count)
    throw Error("--config is given once per --model, in their order ('' for a model folder), or not at all");
  const auto choice = [&](size_t k) {
    return ModelChoice{settings.models[k], settings.configs.empty() ? "" : settings.configs[k]};
  };
  return {choice(0), choice(count - 1)};
}

// Both runs' descriptions, with attention maps: the same but for B's prompt, and one seed (drawn
// once when drawn).
std::pair<Side, Side> sides(const Settings& settings) {
  const auto [model_a, model_b] = model_choices(settings);
  RunOptions options = settings.run;
  options.request.attention_maps = true;
  const GenerationRequest request_a = run_request(options);
  if (!settings.prompt_b.empty()) options.request.prompt = settings.prompt_b;
  options.seed = std::to_string(request_a.seed);
  return {{model_a, request_a}, {model_b, run_request(options)}};
}

// DIR/a.png or DIR/b.png; several images: a-0.png, a-1.png, ... (write_images).
std::string image_file(const Settings& settings, const std::string& side) {
  return (fs::path(settings.output) / (side + ".png")).string();
}

// Every file the command will write, checked before a model loads.
void check_outputs(const Settings& settings) {
  const int images = settings.run.request.num_images;
  for (const char* side : {"a", "b"})
    for (int i = 0; i < images; ++i) check_output_path(numbered_path(image_file(settings, side), i, images), true);
  check_output_path(fs::path(settings.output) / "words" / "00-word-a.png", true);
  check_output_path(fs::path(settings.output) / "similarity.json", true);
}

SideRun run_side(const Side& side, const RunOptions& options) {
  GenerationRequest request = side.request;
  const auto pipeline = load_pipeline(side.model, options, request);
  GenerationResult result = run_generation(*pipeline, request, options.quiet);
  return {std::move(result), pipeline->tokenizer_with_embeddings(request.embeddings)};
}

// DIR/words/NN-WORD-a.png and -b.png for each word both runs have, begun with imageI- when the batch
// has several images.
void write_word_overlays(const Settings& settings, const SideRun& a, const SideRun& b, int64_t image,
                         const std::vector<WordPair>& pairs, std::vector<std::string>& written) {
  const fs::path dir = fs::path(settings.output) / "words";
  fs::create_directories(dir);
  const std::string prefix = a.result.images.size(0) > 1 ? "image" + std::to_string(image) + "-" : "";
  for (size_t k = 0; k < pairs.size(); ++k) {
    const std::string index = (k < 10 ? "0" : "") + std::to_string(k);
    const std::string stem = prefix + index + "-" + file_safe(pairs[k].word);
    written.push_back((dir / (stem + "-a.png")).string());
    write_png(written.back(), attention_overlay(a.result.images[image], pairs[k].a));
    written.push_back((dir / (stem + "-b.png")).string());
    write_png(written.back(), attention_overlay(b.result.images[image], pairs[k].b));
  }
}

nlohmann::ordered_json side_json(const GenerationRequest& request) {
  return {{"model", utf8_escaped(request.model.id)}, {"name", utf8_escaped(request.model.name)},
          {"prompt", request.prompt}};
}

// Each word's figures, in the prompt's order, on stderr: what a person reads first.
void report(const std::vector<WordSimilarity>& similarities, int64_t image, int64_t images) {
  if (images > 1) std::fprintf(stderr, "image %lld\n", static_cast<long long>(image));
  for (const WordSimilarity& word : similarities)
    std::fprintf(stderr, "%-16s Pearson %6.3f  IoU %5.3f\n", word.word.c_str(), word.pearson, word.iou);
}

// The word overlays and similarity.json: {"a": {model, name, prompt}, "b": ..., "top_fraction",
// "images": [{WORD: {"pearson", "iou"}, ...} per image]}.
std::vector<std::string> write_similarities(const Settings& settings, const SideRun& a, const SideRun& b) {
  nlohmann::ordered_json json = {{"a", side_json(a.result.request)},
                                 {"b", side_json(b.result.request)},
                                 {"top_fraction", settings.top_fraction},
                                 {"images", nlohmann::ordered_json::array()}};
  std::vector<std::string> written;
  const int64_t images = a.result.images.size(0);
  for (int64_t i = 0; i < images; ++i) {
    const std::vector<WordPair> pairs =
        paired_words(run_word_maps(a.result, *a.tokenizer, i), run_word_maps(b.result, *b.tokenizer, i));
    write_word_overlays(settings, a, b, i, pairs, written);
    const std::vector<WordSimilarity> similarities = word_similarities(pairs, settings.top_fraction);
    nlohmann::ordered_json words = nlohmann::ordered_json::object();
    for (const WordSimilarity& word : similarities) words[word.word] = {{"pearson", word.pearson}, {"iou", word.iou}};
    json["images"].push_back(words);
    if (!settings.run.quiet) report(similarities, i, images);
  }
  written.push_back((fs::path(settings.output) / "similarity.json").string());
  const std::string text = json.dump(2) + "\n";
  write_file_atomically(written.back(), {text});
  return written;
}

void add_options(CLI::App& command, Settings& settings) {
  command.add_option("--model", settings.models,
                     "model A, then model B (each a folder, cached repo id, or single-file checkpoint with "
                     "--config); one model alone with --prompt-b")
      ->required()
      ->type_name("MODEL");
  command.add_option("--config", settings.configs,
                     "for single-file models: once per --model, in their order ('' for a model folder)")
      ->type_name("MODEL");
  add_run_options(command, settings.run);
  command.add_option("--prompt-b", settings.prompt_b, "B's prompt (default: --prompt): one model, two prompts")
      ->check(utf8_text());
  command.add_option("--top-fraction", settings.top_fraction,
                     "the share of each map's pixels, its highest, whose overlap the IoU measures")
      ->check(strength_value())  // its range: above 0, at most 1
      ->capture_default_str();
  command.add_option("--output", settings.output, "folder for a.png, b.png, words/ and similarity.json")
      ->required()
      ->type_name("DIR");
}

void print_paths(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) std::printf("%s\n", path.c_str());
}

int compare(const Settings& settings) {
  check_outputs(settings);
  auto [side_a, side_b] = sides(settings);
  // One model resident at a time: A's is freed before B's loads.
  const SideRun a = run_side(side_a, settings.run);
  // A's size, resolved (given, the init image's or A's default), so that the two runs' maps line up.
  side_b.request.width = a.result.request.width;
  side_b.request.height = a.result.request.height;
  const SideRun b = run_side(side_b, settings.run);
  if (settings.run.quiet && draws_seed(settings.run))
    std::fprintf(stderr, "seed %llu\n", static_cast<unsigned long long>(side_a.request.seed));
  print_paths(write_images(image_file(settings, "a"), a.result.images, a.result.request));
  print_paths(write_images(image_file(settings, "b"), b.result.images, b.result.request));
  print_paths(write_similarities(settings, a, b));
  return 0;
}

}  // namespace

Command add_compare(CLI::App& bksdm) {
  CLI::App* command = bksdm.add_subcommand(
      "compare", "two models (BK-SDM and its teacher) or two prompts on one seed: both images, each word's "
                 "two attention maps and their similarity");
  auto settings = std::make_shared<Settings>();
  add_options(*command, *settings);
  return {command, [settings] { return compare(*settings); }};
}

}  // namespace bksdm::cli
