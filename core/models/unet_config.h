#pragma once
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace bksdm {

// The configuration of a UNet2DConditionModel, as diffusers 0.31 reads unet/config.json: every
// key it does not find takes the default of UNet2DConditionModel.__init__, and values given per
// level as one number are repeated for every level. The per-level lists are in down-block order.
struct UNet2DConditionConfig {
  int64_t in_channels = 4;
  int64_t out_channels = 4;
  bool center_input_sample = false;
  bool flip_sin_to_cos = true;
  double freq_shift = 0;
  std::vector<std::string> down_block_types{"CrossAttnDownBlock2D", "CrossAttnDownBlock2D",
                                            "CrossAttnDownBlock2D", "DownBlock2D"};
  // UNetMidBlock2DCrossAttn, or none (`"mid_block_type": null`, as BK-SDM Small and Tiny have).
  std::optional<std::string> mid_block_type{"UNetMidBlock2DCrossAttn"};
  std::vector<std::string> up_block_types{"UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D",
                                          "CrossAttnUpBlock2D"};
  std::vector<int64_t> block_out_channels{320, 640, 1280, 1280};
  std::vector<int64_t> layers_per_block{2, 2, 2, 2};  // up blocks have one more
  int64_t downsample_padding = 1;
  double mid_block_scale_factor = 1;
  int64_t norm_num_groups = 32;
  double norm_eps = 1e-5;
  std::vector<int64_t> cross_attention_dim{1280, 1280, 1280, 1280};
  std::vector<int64_t> transformer_layers_per_block{1, 1, 1, 1};
  // Heads per level: `num_attention_heads`, else `attention_head_dim`, which despite its name
  // holds the number of heads (diffusers keeps that naming quirk for old configs).
  std::vector<int64_t> num_attention_heads{8, 8, 8, 8};
  bool use_linear_projection = false;
  bool upcast_attention = false;
  std::optional<int64_t> time_embedding_dim;  // nullopt: 4 * block_out_channels[0]
  int64_t conv_in_kernel = 3;
  int64_t conv_out_kernel = 3;

  int64_t time_embed_dim() const { return time_embedding_dim.value_or(block_out_channels.front() * 4); }
};

struct ParsedUNetConfig {
  UNet2DConditionConfig config;
  // Keys diffusers does not know (it ignores them with a warning too), one message each.
  std::vector<std::string> warnings;
};

// Reads a UNet2DConditionModel config. Values this engine does not implement (another block type,
// class or addition embeddings, ...) and malformed values are a bksdm::Error naming `source`, the
// key and the value.
ParsedUNetConfig parse_unet_config(const nlohmann::json& json,
                                   const std::string& source = "unet/config.json");

}  // namespace bksdm
