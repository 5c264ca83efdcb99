#pragma once
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace bksdm {

// diffusers' AutoencoderKL config (0.31), with its defaults. Every down block is a
// DownEncoderBlock2D and every up block an UpDecoderBlock2D, one per entry of block_out_channels.
struct AutoencoderKLConfig {
  int64_t in_channels = 3;
  int64_t out_channels = 3;
  std::vector<int64_t> block_out_channels = {64};
  int64_t layers_per_block = 1;
  int64_t latent_channels = 4;
  int64_t norm_num_groups = 32;
  int64_t sample_size = 32;  // the first entry when the config holds a list
  double scaling_factor = 0.18215;
  std::optional<double> shift_factor;  // read for completeness: the SD pipelines ignore it
  bool force_upcast = true;            // diffusers' hint to run this VAE in float32
  bool use_quant_conv = true;
  bool use_post_quant_conv = true;
  bool mid_block_add_attention = true;

  // Reads vae/config.json: a missing key keeps diffusers' default, keys the SD pipelines do not use
  // (latents_mean, ...) pass, and a value this engine cannot run (another block type or activation,
  // mismatched lists, groups that do not divide the channels) is a bksdm::Error naming the key.
  static AutoencoderKLConfig from_json(const nlohmann::json& json, const std::string& source);
};

}  // namespace bksdm
