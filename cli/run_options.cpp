#include "cli/run_options.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "core/generation/prompt_loras.h"
#include "core/io/image_file.h"
#include "core/pipeline/file_hashes.h"
#include "core/pipeline/image_input.h"
#include "core/schedulers/scheduler.h"

namespace bksdm::cli {
namespace {

constexpr const char* kRandomSeed = "-1";

// A whole number from 0 to 2^64 - 1.
std::optional<uint64_t> parsed_seed(const std::string& text) {
  uint64_t seed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return seed;
}

CLI::Validator seed_value() {
  return CLI::Validator(
      [](std::string& input) {
        if (input == kRandomSeed || parsed_seed(input)) return std::string();
        return "Value " + input + " is not a whole number from 0 to 18446744073709551615, or -1 for a random seed";
      },
      "");
}

// "FILE:0.8" as the file and its multiplier; a name without a number after its last colon is a file
// (at multiplier 1).
LoraSetting lora_setting(const std::string& text) {
  const size_t colon = text.rfind(':');
  if (colon != std::string::npos) {
    double multiplier = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data() + colon + 1, end, multiplier);
    if (error == std::errc() && stop == end && std::isfinite(multiplier)) return {text.substr(0, colon), multiplier, {}};
  }
  return {text, 1.0, {}};
}

void add_prompt_options(CLI::App& command, RunOptions& options) {
  GenerationRequest& request = options.request;
  command.add_option("--prompt", request.prompt, "what the image shows")->required()->check(utf8_text());
  command.add_option("--negative", request.negative_prompt, "what it should not show")->check(utf8_text());
  std::map<std::string, PromptSyntax> syntaxes;
  for (const auto& [syntax, name] : kPromptSyntaxNames) syntaxes.emplace(name, syntax);
  command.add_option("--prompt-syntax", request.prompt_syntax,
                     "a1111: weights (x:1.2), BREAK, long prompts, [a:b:when] editing; plain: diffusers' text")
      ->transform(CLI::CheckedTransformer(syntaxes))
      ->default_str(std::string(prompt_syntax_name(request.prompt_syntax)));
  command.add_option("--clip-skip", request.clip_skip, "text encoder layer, A1111's numbering: 1 the last")
      ->check(CLI::Range(1, 24))
      ->capture_default_str();
  command.add_option("--embeddings", request.embeddings,
                     "a folder of textual-inversion embeddings (.safetensors): each file's name becomes a word of "
                     "the prompts")
      ->type_name("DIR");
}

void add_sampling_options(CLI::App& command, RunOptions& options) {
  GenerationRequest& request = options.request;
  command.add_option("--seed", options.seed, "noise seed; -1 draws one (printed)")
      ->check(seed_value())
      ->type_name("INT")
      ->capture_default_str();
  command.add_option("--steps", request.steps, "denoising steps")
      ->check(CLI::Range(1, kMaxSteps))
      ->capture_default_str();
  command.add_option("--guidance", request.guidance_scale, "classifier-free guidance scale (CFG)")
      ->check(finite_number())
      ->capture_default_str();
  command.add_option("--width", request.width, "image width (default: the model's size)")
      ->check(positive_multiple_of_8());
  command.add_option("--height", request.height, "image height (default: the model's size)")
      ->check(positive_multiple_of_8());
  command.add_option("--scheduler", request.scheduler, "sampler (default: the model's)")
      ->check(CLI::IsMember(scheduler_names()));
  command.add_option("--eta", request.eta, "DDIM's noise, 0 deterministic to 1 as DDPM")
      ->check(finite_number())
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command.add_option("--subseed", request.subseed, "variation seed (A1111's): the noise a variation moves toward")
      ->type_name("INT");
  command.add_option("--subseed-strength", request.subseed_strength,
                     "how far toward the subseed's noise: 0 the seed's image, 1 the subseed's noise")
      ->check(finite_number())
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command.add_option("--images", request.num_images, "images in one batch")
      ->check(CLI::Range(1, kMaxImages))
      ->capture_default_str();
  std::map<std::string, BatchNoise> batch_noises;
  for (const auto& [mode, name] : kBatchNoiseNames) batch_noises.emplace(name, mode);
  command.add_option("--batch-noise", request.batch_noise,
                     "per-image: image i is seed + i's image, as A1111; shared: one generator for the batch, as "
                     "diffusers")
      ->transform(CLI::CheckedTransformer(batch_noises))
      ->default_str(std::string(batch_noise_name(request.batch_noise)));
  command.add_flag("--tiled-decode", request.tiled_decode, "decode tile by tile: bounded memory at any size");
}

void add_input_options(CLI::App& command, RunOptions& options) {
  command.add_option("--init-image", options.init_image,
                     "start from this PNG, JPEG or WebP (img2img); its size, rounded down to a multiple of 8, "
                     "unless --width/--height say")
      ->type_name("FILE");
  command.add_option("--strength", options.request.strength,
                     "with --init-image: how far from it, the share of the steps that run (above 0, at most 1)")
      ->check(strength_value())
      ->capture_default_str();
  command.add_option("--mask", options.mask, "with --init-image: repaint where this image is white (inpainting)")
      ->type_name("FILE");
  command.add_option("--lora", options.loras,
                     "merge this LoRA (kohya or diffusers/PEFT .safetensors) into the model, at MULT (default 1); "
                     "repeat for several")
      ->type_name("FILE[:MULT]");
  command.add_option("--lora-dir", options.lora_dir, "where <lora:NAME:MULT> in the prompt finds NAME.safetensors")
      ->type_name("DIR");
  command.add_flag("--lora-teacher-blocks", options.request.lora_teacher_blocks,
                   "on a BK-SDM model, merge a LoRA trained on its teacher (SD v1.4, SD 2.1-base) into the blocks "
                   "BK-SDM began from a teacher block of another index under that block's names (its copy table)");
}

void add_engine_options(CLI::App& command, RunOptions& options) {
  LoadOptions& load = options.load;
  command.add_option("--device", load.device)->check(CLI::IsMember({"cpu", "cuda"}))->capture_default_str();
  command.add_option("--dtype", load.dtype, "fp16: --device cuda; bf16: cuda, or a CPU with avx512_bf16 or AMX (faster there; images differ slightly)")
      ->check(CLI::IsMember({"fp32", "fp16", "bf16"}))
      ->capture_default_str();
  command.add_option("--threads", load.threads, "CPU threads; 0: all cores")->check(thread_count(0))->capture_default_str();
  command.add_option("--variant", options.variant, "prefer *.VARIANT.safetensors weights, e.g. fp16");
  command.add_option("--vae", load.vae,
                     "a VAE folder of its own (config.json, diffusion_pytorch_model.safetensors), e.g. "
                     "stabilityai/sd-vae-ft-mse, in place of the model's")
      ->type_name("DIR");
  command.add_flag("--low-memory", load.low_memory, "CPU: keep the weights in fp16, about half the memory");
  command.add_flag("--quiet", options.quiet, "no progress on stderr");
}

}  // namespace

void add_run_options(CLI::App& command, RunOptions& options) {
  add_prompt_options(command, options);
  add_sampling_options(command, options);
  add_input_options(command, options);
  add_engine_options(command, options);
}

bool draws_seed(const RunOptions& options) { return options.seed == kRandomSeed; }

GenerationRequest base_request(const RunOptions& options) {
  GenerationRequest request = options.request;
  request.seed = draws_seed(options) ? random_seed() : *parsed_seed(options.seed);
  if (!options.init_image.empty()) request.init_image = read_image(options.init_image);
  if (!options.mask.empty()) request.mask = read_image(options.mask);
  for (const std::string& lora : options.loras) request.loras.push_back(lora_setting(lora));
  return request;
}

GenerationRequest with_prompt_loras(GenerationRequest request, const RunOptions& options) {
  for (const LoraSetting& lora : prompt_loras(request, options.lora_dir)) request.loras.push_back(lora);
  check_image_inputs(request);
  return request;
}

GenerationRequest run_request(const RunOptions& options) { return with_prompt_loras(base_request(options), options); }

std::unique_ptr<StableDiffusionPipeline> load_pipeline(const ModelChoice& model, const RunOptions& options,
                                                       GenerationRequest& request, const FileHasher& hasher) {
  const auto start = std::chrono::steady_clock::now();
  auto pipeline = StableDiffusionPipeline::load(model.open(options.variant), options.load);
  request.model = {model.model, pipeline->model().name(), {}};
  add_file_hashes(request, pipeline->model(), options.load.vae, hasher);
  if (!options.quiet) {
    for (const std::string& warning : pipeline->warnings()) std::fprintf(stderr, "warning: %s\n", warning.c_str());
    std::fprintf(stderr, "loaded %s in %.2f s; seed %llu\n", pipeline->model().name().c_str(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                 static_cast<unsigned long long>(request.seed));
  }
  return pipeline;
}

GenerationResult run_generation(StableDiffusionPipeline& pipeline, const GenerationRequest& request, bool quiet) {
  GenerationResult result = pipeline.generate(request, [&](const StepInfo& step) {
    if (!quiet)
      std::fprintf(stderr, "step %d/%d  t=%g  %.2f s\n", step.step + 1, step.total, step.timestep, step.seconds);
  });
  if (!quiet)
    for (const std::string& note : result.notes) std::fprintf(stderr, "%s\n", note.c_str());
  if (result.prompt_tokens.truncated_tokens > 0)
    std::fprintf(stderr, "warning: the prompt is longer than 75 tokens; the rest was cut\n");
  if (!quiet)
    std::fprintf(stderr, "done in %.2f s (text %.2f, unet %.2f, scheduler %.2f, vae %.2f)\n", result.times.total,
                 result.times.text_encoder, result.times.unet, result.times.scheduler, result.times.vae);
  return result;
}

}  // namespace bksdm::cli
