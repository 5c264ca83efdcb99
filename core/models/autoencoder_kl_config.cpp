#include "core/models/autoencoder_kl_config.h"

#include <nlohmann/json.hpp>

#include "core/models/config_reader.h"
#include "core/io/json_text.h"

namespace bksdm {
namespace {

// diffusers' get_down_block/get_up_block drop a "UNetRes" prefix before matching the name.
std::string without_unetres_prefix(const std::string& block_type) {
  return block_type.rfind("UNetRes", 0) == 0 ? block_type.substr(7) : block_type;
}

void check_block_types(const ConfigReader& reader, const std::string& key, const std::string& expected,
                       size_t count) {
  const std::vector<std::string> types = reader.strings(key, {expected});
  for (const std::string& type : types) {
    if (without_unetres_prefix(type) != expected) {
      reader.refuse(key, "holds \"" + type + "\"; this engine runs only \"" + expected + "\"");
    }
  }
  if (types.size() != count) {
    reader.refuse(key, "has " + std::to_string(types.size()) + " entries but block_out_channels has " +
                           std::to_string(count));
  }
}

int64_t first_sample_size(const ConfigReader& reader, int64_t fallback) {
  const nlohmann::json* value = reader.find("sample_size");
  if (value && value->is_array()) {
    if (value->empty() || !value->front().is_number_integer() || value->front().get<int64_t>() < 1) {
      reader.refuse("sample_size", "must be an integer >= 1 or a list of them, not " + json_summary(*value));
    }
    return value->front().get<int64_t>();
  }
  return reader.positive("sample_size", fallback);
}

}  // namespace

AutoencoderKLConfig AutoencoderKLConfig::from_json(const nlohmann::json& json, const std::string& source) {
  const ConfigReader reader(json, source);
  const std::string class_name = reader.string("_class_name", "AutoencoderKL");
  if (class_name != "AutoencoderKL") {
    reader.refuse("_class_name", "is \"" + class_name + "\"; this engine runs only \"AutoencoderKL\"");
  }
  AutoencoderKLConfig config;
  config.in_channels = reader.positive("in_channels", config.in_channels);
  config.out_channels = reader.positive("out_channels", config.out_channels);
  config.block_out_channels = reader.positives("block_out_channels", config.block_out_channels);
  config.layers_per_block = reader.positive("layers_per_block", config.layers_per_block);
  config.latent_channels = reader.positive("latent_channels", config.latent_channels);
  config.norm_num_groups = reader.positive("norm_num_groups", config.norm_num_groups);
  config.sample_size = first_sample_size(reader, config.sample_size);
  config.scaling_factor = reader.number("scaling_factor", config.scaling_factor);
  if (reader.find("shift_factor")) config.shift_factor = reader.number("shift_factor", 0.0);
  config.force_upcast = reader.boolean("force_upcast", config.force_upcast);
  config.use_quant_conv = reader.boolean("use_quant_conv", config.use_quant_conv);
  config.use_post_quant_conv = reader.boolean("use_post_quant_conv", config.use_post_quant_conv);
  config.mid_block_add_attention = reader.boolean("mid_block_add_attention", config.mid_block_add_attention);

  check_block_types(reader, "down_block_types", "DownEncoderBlock2D", config.block_out_channels.size());
  check_block_types(reader, "up_block_types", "UpDecoderBlock2D", config.block_out_channels.size());
  const std::string act_fn = reader.string("act_fn", "silu");
  if (act_fn != "silu" && act_fn != "swish") {
    reader.refuse("act_fn", "is \"" + act_fn + "\"; this engine runs only \"silu\" (alias \"swish\")");
  }
  for (const int64_t channels : config.block_out_channels) {
    if (channels % config.norm_num_groups != 0) {
      reader.refuse("norm_num_groups", "(" + std::to_string(config.norm_num_groups) +
                                           ") must divide every block_out_channels entry, not " +
                                           std::to_string(channels));
    }
  }
  if (!(config.scaling_factor > 0)) reader.refuse("scaling_factor", "must be positive");
  return config;
}

}  // namespace bksdm
