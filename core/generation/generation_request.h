#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/io/rgb_image.h"

namespace bksdm {

// The step count a person starts with: the BK-SDM model cards' evaluation setting (diffusers'
// own default is 50; the README says so where it matters).
inline constexpr int kDefaultSteps = 25;
inline constexpr double kDefaultGuidanceScale = 7.5;
// What any front end accepts: more steps change nothing visible, more images exhaust memory.
inline constexpr int kMaxSteps = 500;
inline constexpr int kMaxImages = 16;
// A prompt in A1111's language is read in chunks of 75 tokens, at most this many; the rest is cut.
inline constexpr int kPromptChunkTokens = 75;
inline constexpr int kMaxPromptChunks = 8;

// How a run reads its prompts: AUTOMATIC1111's language (weights, long prompts in chunks of 75
// tokens, BREAK, prompt editing), what people write and the default; or diffusers' plain text, where
// brackets are text and a prompt is cut at 75 tokens, for parity with diffusers on such prompts.
enum class PromptSyntax { A1111, Plain };
inline constexpr std::array<std::pair<PromptSyntax, std::string_view>, 2> kPromptSyntaxNames = {{
    {PromptSyntax::A1111, "a1111"},
    {PromptSyntax::Plain, "plain"},
}};
inline std::string_view prompt_syntax_name(PromptSyntax syntax) {
  for (const auto& [value, name] : kPromptSyntaxNames)
    if (value == syntax) return name;
  return {};
}
inline std::optional<PromptSyntax> prompt_syntax_named(std::string_view name) {
  for (const auto& [value, known] : kPromptSyntaxNames)
    if (known == name) return value;
  return std::nullopt;
}

// How a batch draws its random numbers: one generator per image, seeded seed + i (diffusers with a
// list of generators, A1111's batches), so that image i is the image of seed + i made alone; or one
// generator for the whole batch (diffusers' single generator).
enum class BatchNoise { PerImage, Shared };
inline constexpr std::array<std::pair<BatchNoise, std::string_view>, 2> kBatchNoiseNames = {{
    {BatchNoise::PerImage, "per-image"},
    {BatchNoise::Shared, "shared"},
}};
inline std::string_view batch_noise_name(BatchNoise mode) {
  for (const auto& [value, name] : kBatchNoiseNames)
    if (value == mode) return name;
  return {};
}
inline std::optional<BatchNoise> batch_noise_named(std::string_view name) {
  for (const auto& [value, known] : kBatchNoiseNames)
    if (known == name) return value;
  return std::nullopt;
}

// A seed drawn at random, as A1111 draws one for -1: 32 bits.
inline uint64_t random_seed() {
  std::random_device device;
  return (uint64_t(device()) << 32 | device()) % 4294967296ull;
}

// A1111's default denoising strength for a run that starts from an image.
inline constexpr double kDefaultStrength = 0.75;

// Where a run from an init image starts among its steps, diffusers' get_timesteps: at
// steps - min(int(steps * strength), steps), so that int(steps * strength) steps run.
inline size_t strength_start_index(int steps, double strength) {
  const int init = std::min(int(steps * strength), steps);
  return size_t(std::max(steps - init, 0));
}

// A LoRA file merged into the model's weights for a run, and how strongly (A1111's multiplier).
struct LoraSetting {
  std::string file;
  double multiplier = 1.0;
  // A1111's hash of the file (sha256 of what follows the safetensors header, hex), for its
  // `Lora hashes`; empty where nobody computed it.
  std::string sha256;
  bool operator==(const LoraSetting&) const = default;
};

// Which model made an image, so that it can be found again and told apart from a changed copy.
struct ModelIdentity {
  std::string id;    // what it was opened from: a Hub repo id, a folder or a single .safetensors file
  std::string name;  // its display name, e.g. "BK-SDM-v2-Tiny"
  std::map<std::string, std::string> hashes;  // weight file, relative to the model folder -> sha256 (hex)

  bool operator==(const ModelIdentity&) const = default;
};

// One generation, described completely: the CLI's options, the app's form, its queue, the gallery's
// JSON and the A1111 `parameters` text each convert to and from this, with one function each.
// Zero sizes and an empty scheduler mean the model's own.
struct GenerationRequest {
  ModelIdentity model;
  std::string prompt;
  std::string negative_prompt;
  uint64_t seed = 0;
  int steps = kDefaultSteps;
  double guidance_scale = kDefaultGuidanceScale;
  int width = 0;
  int height = 0;
  std::string scheduler;  // an engine name (scheduler_names()), or "" for the model's
  double eta = 0.0;       // DDIM only
  int num_images = 1;     // one batch
  BatchNoise batch_noise = BatchNoise::PerImage;
  // AUTOMATIC1111's variation seed: the noise moved from the seed's toward the subseed's by the
  // strength (0: the seed's image; 1: the subseed's noise, with the seed's generator going on).
  // Per-image batches use subseed + i for image i.
  uint64_t subseed = 0;
  double subseed_strength = 0.0;
  // An image to start from (img2img; diffusers' StableDiffusionImg2ImgPipeline), of any size: it is
  // resized to the run's, which is its own rounded down to a multiple of 8 when the sizes are 0.
  // Empty: text to image.
  RgbImage init_image;
  // How far the run moves from the init image: the share of the steps that run, from the end.
  double strength = kDefaultStrength;
  // With an init image, what to repaint (StableDiffusionInpaintPipeline with a 4-channel U-Net):
  // white repaints, black keeps, grey is read as the nearer of the two; resized as the init image.
  // Empty: all of it.
  RgbImage mask;
  // LoRAs merged into the U-Net's and the text encoder's weights, in order (diffusers' fuse_lora).
  std::vector<LoraSetting> loras;
  // On a BK-SDM model, LoRAs trained on its teacher (SD v1.4, SD 2.1-base) merge into the blocks
  // BK-SDM began from a teacher block of another index under that block's names (its copy table,
  // teacher_parameter); false: every layer under its own name, as for any model.
  bool lora_teacher_blocks = false;
  // A folder of textual-inversion embeddings: each file's stem becomes a word of the prompts
  // (diffusers' load_textual_inversion for every file, in name order). Empty: none.
  std::string embeddings;
  // The sha256 (hex) of each embedding file the prompts use, by its word, for A1111's `TI hashes`;
  // empty where nobody computed them.
  std::map<std::string, std::string> embedding_hashes;
  // The VAE in place of the model's (LoadOptions::vae): id the folder or file, hashes its weight
  // file's sha256, for A1111's `VAE` and `VAE hash`. Empty id: the model's own.
  ModelIdentity vae;
  PromptSyntax prompt_syntax = PromptSyntax::A1111;
  // The text encoder layer the U-Net attends to, in A1111's numbering: 1 the last, 2 the one
  // before (then the final layer norm). A1111 applies it to both prompts; diffusers (plain) to the
  // prompt alone.
  int clip_skip = 1;
  // What the model computed in where it was not fp32: "fp16" or "bf16" (a load option,
  // filled in by the pipeline; the images differ slightly from fp32's). Empty: fp32.
  std::string precision;
  // Decode tile by tile (diffusers' enable_tiling): memory bounded at any size, for images that
  // differ slightly where the overlapping tiles are blended.
  bool tiled_decode = false;

  // What the run records beside the images; none of it changes them.
  bool attention_maps = false;            // DAAM maps in the result
  bool attention_maps_per_step = false;   // also the running maps after each step
  bool negative_attention_maps = false;   // the negative prompt's maps too (guided runs)
  bool attention_maps_per_layer = false;  // also each layer's sums over the run (the prompt's)
  bool keep_step_latents = false;         // latents after every scheduler step

  bool operator==(const GenerationRequest&) const = default;
};

}  // namespace bksdm
