#include <charconv>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <random>

#include <ATen/ATen.h>

#include "cli/commands.h"
#include "cli/image_output.h"
#include "cli/options.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "core/io/image_file.h"
#include "core/io/safetensors.h"
#include "core/pipeline/image_input.h"
#include "core/generation/prompt_loras.h"
#include "core/pipeline/file_hashes.h"
#include "core/pipeline/pipeline.h"
#include "core/schedulers/scheduler.h"

namespace bksdm::cli {
namespace {

// -1, as A1111 users type it, draws a seed.
constexpr const char* kRandomSeed = "-1";

struct Settings {
  ModelChoice model;
  std::string variant;
  GenerationRequest request;
  std::string seed = kRandomSeed;
  LoadOptions load;
  std::string output = "bksdm.png";
  std::string save_tensors;
  std::string init_image;
  std::string mask;
  std::vector<std::string> loras;  // FILE or FILE:MULTIPLIER
  std::string lora_dir;            // where <lora:NAME:MULT> in the prompt finds NAME.safetensors
  std::string attention_dir;
  bool quiet = false;
  const CLI::Option* output_given = nullptr;
};

uint64_t random_seed() {
  std::random_device device;
  return (uint64_t(device()) << 32 | device()) % 4294967296ull;  // A1111-style 32-bit seeds
}

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
  const int images = settings.request.num_images;
  if (writes_images(settings))
    for (int i = 0; i < images; ++i) check_output_path(numbered_path(settings.output, i, images), true);
  if (!settings.save_tensors.empty()) check_output_path(settings.save_tensors);
  if (!settings.attention_dir.empty()) check_output_path(std::filesystem::path(settings.attention_dir) / "00-word.png", true);
}

void add_options(CLI::App& command, Settings& settings) {
  GenerationRequest& request = settings.request;
  add_model_options(command, settings.model);
  command.add_option("--prompt", request.prompt, "what the image shows")->required()->check(utf8_text());
  command.add_option("--negative", request.negative_prompt, "what it should not show")->check(utf8_text());
  command.add_option("--seed", settings.seed, "noise seed; -1 draws one (printed)")
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
  std::map<std::string, PromptSyntax> syntaxes;
  for (const auto& [syntax, name] : kPromptSyntaxNames) syntaxes.emplace(name, syntax);
  command.add_option("--prompt-syntax", request.prompt_syntax,
                     "a1111: weights (x:1.2), BREAK, long prompts, [a:b:when] editing; plain: diffusers' text")
      ->transform(CLI::CheckedTransformer(syntaxes))
      ->default_str(std::string(prompt_syntax_name(request.prompt_syntax)));
  command.add_option("--clip-skip", request.clip_skip, "text encoder layer, A1111's numbering: 1 the last")
      ->check(CLI::Range(1, 24))
      ->capture_default_str();
  command.add_option("--subseed", request.subseed, "variation seed (A1111's): the noise a variation moves toward")
      ->type_name("INT");
  command.add_option("--subseed-strength", request.subseed_strength,
                     "how far toward the subseed's noise: 0 the seed's image, 1 the subseed's noise")
      ->check(finite_number())
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command.add_option("--init-image", settings.init_image,
                     "start from this PNG, JPEG or WebP (img2img); its size, rounded down to a multiple of 8, "
                     "unless --width/--height say")
      ->type_name("FILE");
  command.add_option("--strength", request.strength,
                     "with --init-image: how far from it, the share of the steps that run (above 0, at most 1)")
      ->check(strength_value())
      ->capture_default_str();
  command.add_option("--mask", settings.mask, "with --init-image: repaint where this image is white (inpainting)")
      ->type_name("FILE");
  command.add_option("--lora", settings.loras,
                     "merge this LoRA (kohya or diffusers/PEFT .safetensors) into the model, at MULT (default 1); "
                     "repeat for several")
      ->type_name("FILE[:MULT]");
  command.add_option("--lora-dir", settings.lora_dir, "where <lora:NAME:MULT> in the prompt finds NAME.safetensors")
      ->type_name("DIR");
  command.add_flag("--lora-teacher-blocks", request.lora_teacher_blocks,
                   "on a BK-SDM model, merge a LoRA trained on its teacher (SD v1.4, SD 2.1-base) into the blocks "
                   "BK-SDM began from a teacher block of another index under that block's names (its copy table)");
  command.add_option("--embeddings", request.embeddings,
                     "a folder of textual-inversion embeddings (.safetensors): each file's name becomes a word of "
                     "the prompts")
      ->type_name("DIR");
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
  command.add_option("--device", settings.load.device)->check(CLI::IsMember({"cpu", "cuda"}))->capture_default_str();
  command.add_option("--dtype", settings.load.dtype, "fp16 and bf16 need --device cuda")
      ->check(CLI::IsMember({"fp32", "fp16", "bf16"}))
      ->capture_default_str();
  command.add_option("--threads", settings.load.threads, "CPU threads; 0: all cores")
      ->check(thread_count(0))
      ->capture_default_str();
  command.add_option("--variant", settings.variant, "prefer *.VARIANT.safetensors weights, e.g. fp16");
  command.add_option("--vae", settings.load.vae,
                     "a VAE folder of its own (config.json, diffusion_pytorch_model.safetensors), e.g. "
                     "stabilityai/sd-vae-ft-mse, in place of the model's")
      ->type_name("DIR");
  command.add_flag("--low-memory", settings.load.low_memory, "CPU: keep the weights in fp16, about half the memory");
  command.add_flag("--tiled-decode", request.tiled_decode, "decode tile by tile: bounded memory at any size");
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
  command.add_flag("--quiet", settings.quiet, "no progress on stderr");
}

int generate(Settings& settings) {
  GenerationRequest& request = settings.request;
  const bool random = settings.seed == kRandomSeed;
  request.seed = random ? random_seed() : *parsed_seed(settings.seed);
  request.attention_maps = request.attention_maps || request.negative_attention_maps || !settings.attention_dir.empty();
  request.keep_step_latents = !settings.save_tensors.empty();
  const bool quiet = settings.quiet;
  check_outputs(settings);
  if (!settings.init_image.empty()) request.init_image = read_image(settings.init_image);
  if (!settings.mask.empty()) request.mask = read_image(settings.mask);
  for (const std::string& lora : settings.loras) request.loras.push_back(lora_setting(lora));
  for (const LoraSetting& lora : prompt_loras(request, settings.lora_dir)) request.loras.push_back(lora);
  check_image_inputs(request);

  const auto load_start = std::chrono::steady_clock::now();
  auto pipeline = StableDiffusionPipeline::load(settings.model.open(settings.variant), settings.load);
  request.model = {settings.model.model, pipeline->model().name(), {}};
  add_file_hashes(request, pipeline->model(), settings.load.vae);
  if (!quiet) {
    for (const std::string& warning : pipeline->warnings()) std::fprintf(stderr, "warning: %s\n", warning.c_str());
    std::fprintf(stderr, "loaded %s in %.2f s; seed %llu\n", pipeline->model().name().c_str(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count(),
                 static_cast<unsigned long long>(request.seed));
  }

  const GenerationResult result = pipeline->generate(request, [&](const StepInfo& step) {
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
  // Quiet leaves out what the user knows already; a drawn seed is known only from here and the PNG.
  if (quiet && random) std::fprintf(stderr, "seed %llu\n", static_cast<unsigned long long>(request.seed));

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
