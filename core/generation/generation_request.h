#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace bksdm {

// The step count a person starts with: the BK-SDM model cards' evaluation setting (diffusers'
// own default is 50; the README says so where it matters).
inline constexpr int kDefaultSteps = 25;
inline constexpr double kDefaultGuidanceScale = 7.5;
// What any front end accepts: more steps change nothing visible, more images exhaust memory.
inline constexpr int kMaxSteps = 500;
inline constexpr int kMaxImages = 16;

// Which model made an image, so that it can be found again and told apart from a changed copy.
struct ModelIdentity {
  std::string id;    // what it was opened from: a Hub repo id or a folder
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
  int num_images = 1;     // one batch, drawn from one seed
  // Decode tile by tile (diffusers' enable_tiling): memory bounded at any size, for images that
  // differ slightly where the overlapping tiles are blended.
  bool tiled_decode = false;

  // What the run records beside the images; none of it changes them.
  bool attention_maps = false;            // DAAM maps in the result
  bool attention_maps_per_step = false;   // also the running maps after each step
  bool keep_step_latents = false;         // latents after every scheduler step

  bool operator==(const GenerationRequest&) const = default;
};

}  // namespace bksdm
