#pragma once
#include <memory>
#include <string>
#include <vector>

#include "cli/options.h"
#include "core/generation/generation_request.h"
#include "core/pipeline/file_hashes.h"
#include "core/pipeline/pipeline.h"

// The options of one run, shared by the commands that make images (generate, grid, compare): the
// description, its image inputs and LoRAs, and how the model loads. The model itself is each
// command's (one for generate and grid, two for compare).
namespace bksdm::cli {

struct RunOptions {
  std::string variant;
  GenerationRequest request;
  std::string seed = "-1";  // -1, as A1111 users type it, draws a seed
  LoadOptions load;
  std::string init_image;
  std::string mask;
  std::vector<std::string> loras;  // FILE or FILE:MULTIPLIER
  std::string lora_dir;            // where <lora:NAME:MULT> in the prompt finds NAME.safetensors
  bool quiet = false;
};

void add_run_options(CLI::App& command, RunOptions& options);

// The description the options give: the seed drawn or read, the image inputs read, the LoRAs of
// --lora and of the prompt's tags found; refused here, before a model loads, when they do not fit.
GenerationRequest run_request(const RunOptions& options);
// The same in two parts, for commands that vary the prompt: the description with the LoRAs of
// --lora alone; then a description's prompt tags' LoRAs added and its image inputs checked.
GenerationRequest base_request(const RunOptions& options);
GenerationRequest with_prompt_loras(GenerationRequest request, const RunOptions& options);
// Whether the seed was drawn rather than given (the user learns it only from the output).
bool draws_seed(const RunOptions& options);

// The model loaded as the options say, named in `request` with its files' hashes; its warnings and
// load time on stderr unless quiet.
std::unique_ptr<StableDiffusionPipeline> load_pipeline(const ModelChoice& model, const RunOptions& options,
                                                       GenerationRequest& request, const FileHasher& hasher = {});

// A run of `pipeline`, its progress, notes and times on stderr unless quiet.
GenerationResult run_generation(StableDiffusionPipeline& pipeline, const GenerationRequest& request, bool quiet);

}  // namespace bksdm::cli
