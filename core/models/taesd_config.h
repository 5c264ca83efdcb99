#pragma once
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace bksdm {

// The decoder's part of diffusers' AutoencoderTiny config (0.31), with its defaults: TAESD,
// madebyollin's tiny autoencoder. The encoder's keys are known and ignored; so are latent_magnitude
// and latent_shift, which only map latents to bytes for storage, never in a decode.
struct AutoencoderTinyConfig {
  int64_t out_channels = 3;
  int64_t latent_channels = 4;
  std::vector<int64_t> decoder_block_out_channels = {64, 64, 64, 64};
  std::vector<int64_t> num_decoder_blocks = {3, 3, 3, 1};
  int64_t upsampling_scaling_factor = 2;
  double scaling_factor = 1.0;  // the SD pipeline divides latents by it before decoding
  // Keys diffusers does not know (it ignores them with a warning too), one message each.
  std::vector<std::string> warnings;

  // Reads the AutoencoderTiny's config.json. Values this engine does not run (another activation or
  // upsampling mode, stages of different widths) and malformed values are a bksdm::Error naming
  // `source` and the key.
  static AutoencoderTinyConfig from_json(const nlohmann::json& json, const std::string& source);
};

}  // namespace bksdm
