#include <cstdio>
#include <memory>

#include <ATen/ATen.h>

#include "cli/commands.h"
#include "cli/image_output.h"
#include "cli/options.h"
#include "cli/run_options.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/pipeline/pipeline.h"

namespace bksdm::cli {
namespace {

struct Settings {
  ModelChoice model;
  RunOptions run;
  std::string output = "bksdm.png";
  std::string save_tensors;
  std::string attention_dir;
  const CLI::Option* output_given = nullptr;
};

using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

// A prompt's embeddings [texts, T, dim] under the reference's names: `name` [1,T,dim] for a run
// whose prompts have one text each, else `name.K` for each text of the schedule.
void add_embeddings(NamedTensors& tensors, const std::string& name, const at::Tensor& embeddings, bool scheduled) {
  if (!embeddings.defined()) return;
  if (!scheduled) {
    tensors.emplace_back(name, embeddings);
    return;
  }
  for (int64_t k = 0; k < embeddings.size(0); ++k)
    tensors.emplace_back(name + "." + std::to_string(k), embeddings.slice(0, k, k + 1));
}

// What the reference files hold of a run, under their names.
void save_tensors(const std::string& path, const GenerationResult& result) {
  NamedTensors tensors = {{"image", result.images},
                          {"latents", result.latents},
                          {"timesteps", at::tensor(result.timesteps, at::kDouble)}};
  if (result.step_latents.defined()) tensors.emplace_back("step_latents", result.step_latents);
  if (result.attention.defined()) tensors.emplace_back("attention", result.attention);
  if (result.negative_attention.defined()) tensors.emplace_back("negative_attention", result.negative_attention);
  const auto several = [](const at::Tensor& embeddings) { return embeddings.defined() && embeddings.size(0) > 1; };
  const bool scheduled = several(result.prompt_embeds) || several(result.negative_prompt_embeds);
  add_embeddings(tensors, "prompt_embeds", result.prompt_embeds, scheduled);
  add_embeddings(tensors, "negative_prompt_embeds", result.negative_prompt_embeds, scheduled);
  write_safetensors(path, tensors);
}

bool writes_images(const Settings& settings) {
  return settings.output_given->count() > 0 || settings.save_tensors.empty();
}

// Every file the run will write, checked before the model loads: a path found bad after minutes of
// work loses them.
void check_outputs(const Settings& settings) {
  const int images = settings.run.request.num_images;
  if (writes_images(settings))
    for (int i = 0; i < images; ++i) check_output_path(numbered_path(settings.output, i, images), true);
  if (!settings.save_tensors.empty()) check_output_path(settings.save_tensors);
  if (!settings.attention_dir.empty()) check_output_path(std::filesystem::path(settings.attention_dir) / "00-word.png", true);
}

void add_options(CLI::App& command, Settings& settings) {
  add_model_options(command, settings.model);
  add_run_options(command, settings.run);
  GenerationRequest& request = settings.run.request;
  settings.output_given = command.add_option("--output", settings.output,
                                             "PNG file; several images: FILE-0.png, FILE-1.png, ... "
                                             "(default bksdm.png, none with --save-tensors alone)")
                              ->check(png_file())
                              ->type_name("FILE");
  command.add_option("--save-tensors", settings.save_tensors,
                     "write image, latents, step latents, timesteps, the prompts' embeddings (and attention) as "
                     "safetensors")
      ->type_name("FILE");
  command.add_flag("--attention-maps", request.attention_maps, "record the prompt's attention maps");
  command.add_flag("--negative-attention-maps", request.negative_attention_maps,
                   "record the negative prompt's attention maps too (saved as negative_attention, overlays "
                   "negative-*.png)");
  command.add_option("--attention-dir", settings.attention_dir, "write one overlay PNG per word of the prompt here")
      ->type_name("DIR");
}

int generate(Settings& settings) {
  check_outputs(settings);
  GenerationRequest request = run_request(settings.run);
  request.attention_maps = request.attention_maps || request.negative_attention_maps || !settings.attention_dir.empty();
  request.keep_step_latents = !settings.save_tensors.empty();
  const bool quiet = settings.run.quiet;
  auto pipeline = load_pipeline(settings.model, settings.run, request);
  const GenerationResult result = run_generation(*pipeline, request, quiet);
  // Quiet leaves out what the user knows already; a drawn seed is known only from here and the PNG.
  if (quiet && draws_seed(settings.run)) std::fprintf(stderr, "seed %llu\n", static_cast<unsigned long long>(request.seed));

  if (!settings.save_tensors.empty()) save_tensors(settings.save_tensors, result);
  if (writes_images(settings))
    for (const std::string& written : write_images(settings.output, result.images, result.request))
      std::printf("%s\n", written.c_str());
  if (!settings.attention_dir.empty())
    for (const std::string& written : write_attention_overlays(settings.attention_dir, result, pipeline->tokenizer()))
      std::printf("%s\n", written.c_str());
  return 0;
}

}  // namespace

Command add_generate(CLI::App& bksdm) {
  CLI::App* command = bksdm.add_subcommand("generate", "text to image, as diffusers' StableDiffusionPipeline");
  auto settings = std::make_shared<Settings>();
  add_options(*command, *settings);
  return {command, [settings] { return generate(*settings); }};
}

}  // namespace bksdm::cli
