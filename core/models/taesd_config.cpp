#include "core/models/taesd_config.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "core/models/config_reader.h"

namespace bksdm {
namespace {

// Every argument of diffusers' AutoencoderTiny, and block_out_channels, which it registers itself.
const std::vector<std::string> kKnownKeys = {
    "in_channels",          "out_channels",       "encoder_block_out_channels", "decoder_block_out_channels",
    "act_fn",               "upsample_fn",        "latent_channels",            "upsampling_scaling_factor",
    "num_encoder_blocks",   "num_decoder_blocks", "latent_magnitude",           "latent_shift",
    "force_upcast",         "scaling_factor",     "shift_factor",               "block_out_channels"};

std::vector<std::string> unknown_keys(const nlohmann::json& json, const std::string& source) {
  std::vector<std::string> warnings;
  for (const auto& item : json.items()) {
    const std::string& key = item.key();
    if (key.starts_with("_")) continue;  // diffusers' bookkeeping (_diffusers_version, ...)
    if (std::find(kKnownKeys.begin(), kKnownKeys.end(), key) == kKnownKeys.end())
      warnings.push_back(source + ": unknown key \"" + key + "\" ignored");
  }
  return warnings;
}

void require_name(const ConfigReader& reader, const std::string& key, const std::string& fallback) {
  const std::string value = reader.string(key, fallback);
  if (value != fallback) reader.refuse(key, "is \"" + value + "\"; this engine runs only \"" + fallback + "\"");
}

// The most the decoder may upsample a latent: 8 times the real TAESD's.
constexpr int64_t kMaxUpscale = 64;

}  // namespace

AutoencoderTinyConfig AutoencoderTinyConfig::from_json(const nlohmann::json& json, const std::string& source) {
  const ConfigReader reader(json, source);
  require_name(reader, "_class_name", "AutoencoderTiny");
  require_name(reader, "act_fn", "relu");
  require_name(reader, "upsample_fn", "nearest");
  AutoencoderTinyConfig config;
  config.out_channels = reader.positive("out_channels", config.out_channels);
  config.latent_channels = reader.positive("latent_channels", config.latent_channels);
  config.decoder_block_out_channels =
      reader.positives("decoder_block_out_channels", config.decoder_block_out_channels);
  config.num_decoder_blocks = reader.positives("num_decoder_blocks", config.num_decoder_blocks);
  config.upsampling_scaling_factor = reader.positive("upsampling_scaling_factor", config.upsampling_scaling_factor);
  config.scaling_factor = reader.number("scaling_factor", config.scaling_factor);
  config.warnings = unknown_keys(json, source);

  if (config.decoder_block_out_channels.size() != config.num_decoder_blocks.size()) {
    reader.refuse("decoder_block_out_channels", "must have as many entries as num_decoder_blocks");
  }
  // DecoderTiny's convolution after each stage keeps that stage's width, so the next stage's blocks
  // only fit when every stage is as wide.
  const std::vector<int64_t>& widths = config.decoder_block_out_channels;
  if (std::adjacent_find(widths.begin(), widths.end(), std::not_equal_to<>()) != widths.end()) {
    reader.refuse("decoder_block_out_channels", "must hold one width for every stage");
  }
  if (!(config.scaling_factor > 0)) reader.refuse("scaling_factor", "must be positive");
  // The decoder upsamples between stages: the real TAESD by 8 in all. A config that asks for far
  // more (a factor of 2^20) would decode a latent into an image too large to allocate.
  int64_t upscale = 1;
  for (size_t stage = 1; stage < widths.size(); ++stage) {
    upscale *= config.upsampling_scaling_factor;
    if (upscale > kMaxUpscale)
      reader.refuse("upsampling_scaling_factor", "upsamples the latents by more than " + std::to_string(kMaxUpscale) +
                                                     " over the stages (the real TAESD: 8)");
  }
  return config;
}

}  // namespace bksdm
