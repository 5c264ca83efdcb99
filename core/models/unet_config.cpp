#include "core/models/unet_config.h"

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/io/json_text.h"
#include "core/models/config_reader.h"

namespace bksdm {
namespace {

using nlohmann::json;

const std::vector<std::string> kDownBlockTypes{"CrossAttnDownBlock2D", "DownBlock2D"};
const std::vector<std::string> kUpBlockTypes{"CrossAttnUpBlock2D", "UpBlock2D"};
constexpr const char* kMidBlockType = "UNetMidBlock2DCrossAttn";

class ConfigParser {
 public:
  ConfigParser(const json& json, const std::string& source) : json_(json), source_(source) {}

  ParsedUNetConfig parse() {
    if (!json_.is_object()) throw Error(source_ + ": not a JSON object");
    const auto handlers = key_handlers();
    for (const auto& [key, value] : json_.items()) {
      if (key == "_class_name" && value != "UNet2DConditionModel") {
        refuse(key, value, "this is not a UNet2DConditionModel config");
      }
      if (key.starts_with("_")) continue;  // diffusers' bookkeeping (_diffusers_version, ...)
      const auto handler = handlers.find(key);
      if (handler == handlers.end()) {
        result_.warnings.push_back(source_ + ": unknown key \"" + key + "\" ignored");
      } else {
        handler->second(value);
      }
    }
    expand_per_level_values();
    check_layout();
    return std::move(result_);
  }

 private:
  using Handler = std::function<void(const json&)>;

  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw Error(source_ + ": \"" + key + "\" " + what);
  }
  [[noreturn]] void refuse(const std::string& key, const json& value, const std::string& why) const {
    fail(key, "is " + json_summary(value) + ", which is not supported: " + why);
  }

  int64_t integer(const std::string& key, const json& value, int64_t minimum = 1) const {
    if (!value.is_number_integer()) fail(key, "must be an integer, not " + json_summary(value));
    const auto number = value.get<int64_t>();
    if (number < minimum || number > kMaxConfigCount)
      fail(key, "must be from " + std::to_string(minimum) + " to " + std::to_string(kMaxConfigCount) + ", not " +
                    json_summary(value));
    return number;
  }
  double number(const std::string& key, const json& value) const {
    if (!value.is_number()) fail(key, "must be a number, not " + json_summary(value));
    return value.get<double>();
  }
  bool boolean(const std::string& key, const json& value) const {
    if (!value.is_boolean()) fail(key, "must be true or false, not " + json_summary(value));
    return value.get<bool>();
  }
  std::vector<std::string> strings(const std::string& key, const json& value) const {
    if (!value.is_array() || value.empty())
      fail(key, "must be a non-empty list of names, not " + json_summary(value));
    std::vector<std::string> names;
    for (const json& item : value) {
      if (!item.is_string()) fail(key, "must be a list of names, not " + json_summary(value));
      names.push_back(item.get<std::string>());
    }
    return names;
  }
  std::vector<int64_t> integers(const std::string& key, const json& value) const {
    if (!value.is_array() || value.empty())
      fail(key, "must be a non-empty list of integers, not " + json_summary(value));
    std::vector<int64_t> numbers;
    for (const json& item : value) numbers.push_back(integer(key, item));
    return numbers;
  }

  // Keys whose only supported value is diffusers' default (null, false, or a name).
  Handler require_null(const std::string& key, const std::string& why) {
    return [this, key, why](const json& v) {
      if (!v.is_null()) refuse(key, v, why);
    };
  }
  Handler require_false(const std::string& key, const std::string& why) {
    return [this, key, why](const json& v) {
      if (boolean(key, v)) refuse(key, v, why);
    };
  }
  Handler require_name(const std::string& key, std::vector<std::string> names, const std::string& why) {
    return [this, key, names, why](const json& v) {
      if (!v.is_string() || std::find(names.begin(), names.end(), v.get<std::string>()) == names.end()) {
        refuse(key, v, why);
      }
    };
  }
  // Keys diffusers reads only for blocks or embeddings this engine refuses anyway.
  static Handler no_effect() {
    return [](const json&) {};
  }

  std::map<std::string, Handler> key_handlers() {
    UNet2DConditionConfig& c = result_.config;
    std::map<std::string, Handler> h;
    h["sample_size"] = no_effect();  // the default resolution; pipelines choose their own
    h["in_channels"] = [this, &c](const json& v) {
      c.in_channels = integer("in_channels", v);
      if (c.in_channels != 4)
        refuse("in_channels", v, "only U-Nets of 4-channel latents are (not inpainting ones)");
    };
    h["out_channels"] = [this, &c](const json& v) {
      c.out_channels = integer("out_channels", v);
      if (c.out_channels != 4) refuse("out_channels", v, "only U-Nets predicting 4-channel latents are");
    };
    h["center_input_sample"] = [this, &c](const json& v) {
      c.center_input_sample = boolean("center_input_sample", v);
    };
    h["flip_sin_to_cos"] = [this, &c](const json& v) { c.flip_sin_to_cos = boolean("flip_sin_to_cos", v); };
    h["freq_shift"] = [this, &c](const json& v) { c.freq_shift = number("freq_shift", v); };
    h["down_block_types"] = [this, &c](const json& v) {
      c.down_block_types = strings("down_block_types", v);
    };
    h["mid_block_type"] = [this, &c](const json& v) {
      if (v.is_null()) {
        c.mid_block_type.reset();
      } else if (v == kMidBlockType) {
        c.mid_block_type = kMidBlockType;
      } else {
        refuse("mid_block_type", v, std::string("the mid block must be ") + kMidBlockType + " or null");
      }
    };
    h["up_block_types"] = [this, &c](const json& v) { c.up_block_types = strings("up_block_types", v); };
    h["only_cross_attention"] = [this](const json& v) {
      const bool any = v.is_array()
                           ? std::any_of(v.begin(), v.end(), [](const json& x) { return x != false; })
                           : boolean("only_cross_attention", v);
      if (any) refuse("only_cross_attention", v, "transformer blocks need their self-attention");
    };
    h["block_out_channels"] = [this, &c](const json& v) {
      c.block_out_channels = integers("block_out_channels", v);
    };
    h["layers_per_block"] = [this](const json& v) { raw_["layers_per_block"] = &v; };
    h["downsample_padding"] = [this, &c](const json& v) {
      c.downsample_padding = integer("downsample_padding", v, 0);
    };
    h["mid_block_scale_factor"] = [this, &c](const json& v) {
      c.mid_block_scale_factor = number("mid_block_scale_factor", v);
    };
    h["dropout"] = no_effect();  // inference only
    h["act_fn"] = require_name("act_fn", {"silu", "swish"}, "the activation must be SiLU");
    h["norm_num_groups"] = [this, &c](const json& v) {
      if (v.is_null()) refuse("norm_num_groups", v, "the U-Net's group norms are required");
      c.norm_num_groups = integer("norm_num_groups", v);
    };
    h["norm_eps"] = [this, &c](const json& v) {
      c.norm_eps = number("norm_eps", v);
      if (!(c.norm_eps > 0)) refuse("norm_eps", v, "a norm's epsilon must be positive (the run would give NaN)");
    };
    h["cross_attention_dim"] = [this](const json& v) { raw_["cross_attention_dim"] = &v; };
    h["transformer_layers_per_block"] = [this](const json& v) { raw_["transformer_layers_per_block"] = &v; };
    h["reverse_transformer_layers_per_block"] =
        require_null("reverse_transformer_layers_per_block", "asymmetric U-Nets are not implemented");
    h["encoder_hid_dim"] = require_null("encoder_hid_dim", "the text embeddings are used as they come");
    h["encoder_hid_dim_type"] =
        require_null("encoder_hid_dim_type", "the text embeddings are used as they come");
    h["attention_head_dim"] = [this](const json& v) { raw_["attention_head_dim"] = &v; };
    h["num_attention_heads"] = [this](const json& v) {
      if (!v.is_null()) raw_["num_attention_heads"] = &v;
    };
    h["dual_cross_attention"] =
        require_false("dual_cross_attention", "dual transformers are not implemented");
    h["use_linear_projection"] = [this, &c](const json& v) {
      c.use_linear_projection = boolean("use_linear_projection", v);
    };
    h["class_embed_type"] = require_null("class_embed_type", "class-conditioned U-Nets are not implemented");
    h["addition_embed_type"] =
        require_null("addition_embed_type", "added embeddings (SDXL, Kandinsky) are not implemented");
    h["addition_time_embed_dim"] = no_effect();
    h["num_class_embeds"] = require_null("num_class_embeds", "class-conditioned U-Nets are not implemented");
    h["upcast_attention"] = [this, &c](const json& v) {
      c.upcast_attention = boolean("upcast_attention", v);
    };
    h["resnet_time_scale_shift"] = require_name("resnet_time_scale_shift", {"default"},
                                                "only the \"default\" time embedding norm is implemented");
    h["resnet_skip_time_act"] = no_effect();     // read by Simple*/ResnetDownsample blocks only
    h["resnet_out_scale_factor"] = no_effect();  // likewise
    h["time_embedding_type"] =
        require_name("time_embedding_type", {"positional"},
                     "only sinusoidal (positional) timestep embeddings are implemented");
    h["time_embedding_dim"] = [this, &c](const json& v) {
      if (!v.is_null()) c.time_embedding_dim = integer("time_embedding_dim", v);
    };
    h["time_embedding_act_fn"] =
        require_null("time_embedding_act_fn", "no activation after the time embedding is implemented");
    h["timestep_post_act"] =
        require_null("timestep_post_act", "no activation after the time embedding is implemented");
    h["time_cond_proj_dim"] =
        require_null("time_cond_proj_dim", "timestep conditioning (LCM) is not implemented");
    h["conv_in_kernel"] = [this, &c](const json& v) { c.conv_in_kernel = odd_kernel("conv_in_kernel", v); };
    h["conv_out_kernel"] = [this, &c](const json& v) {
      c.conv_out_kernel = odd_kernel("conv_out_kernel", v);
    };
    h["projection_class_embeddings_input_dim"] = no_effect();  // class and text-time embeddings only
    h["attention_type"] =
        require_name("attention_type", {"default"}, "gated (GLIGEN) attention is not implemented");
    h["class_embeddings_concat"] =
        require_false("class_embeddings_concat", "class-conditioned U-Nets are not implemented");
    h["mid_block_only_cross_attention"] = no_effect();  // UNetMidBlock2DSimpleCrossAttn only
    h["cross_attention_norm"] = no_effect();            // Simple* blocks only
    h["addition_embed_type_num_heads"] = no_effect();   // addition embeddings only
    return h;
  }

  int64_t odd_kernel(const std::string& key, const json& value) const {
    const int64_t kernel = integer(key, value);
    if (kernel % 2 == 0) refuse(key, value, "the kernel size must be odd");
    return kernel;
  }

  // An integer for every level, or a list with one per level.
  std::vector<int64_t> per_level(const std::string& key, const std::vector<int64_t>& fallback,
                                 size_t levels) const {
    const auto found = raw_.find(key);
    if (found == raw_.end())
      return fallback.size() == 1 ? std::vector<int64_t>(levels, fallback[0]) : fallback;
    const json& value = *found->second;
    if (!value.is_array()) return std::vector<int64_t>(levels, integer(key, value));
    std::vector<int64_t> values = integers(key, value);
    if (values.size() != levels) {
      fail(key, "has " + std::to_string(values.size()) + " entries for " + std::to_string(levels) +
                    " down blocks");
    }
    return values;
  }

  void expand_per_level_values() {
    UNet2DConditionConfig& c = result_.config;
    const size_t levels = c.down_block_types.size();
    c.layers_per_block = per_level("layers_per_block", {2}, levels);
    c.cross_attention_dim = per_level("cross_attention_dim", {1280}, levels);
    c.transformer_layers_per_block = per_level("transformer_layers_per_block", {1}, levels);
    const std::string heads_key =
        raw_.count("num_attention_heads") ? "num_attention_heads" : "attention_head_dim";
    c.num_attention_heads = per_level(heads_key, {8}, levels);
  }

  void check_block_types(const std::string& key, std::vector<std::string>& types,
                         const std::vector<std::string>& known) const {
    for (std::string& type : types) {
      // diffusers reads "UNetResDownBlock2D" as "DownBlock2D" and so on.
      if (type.starts_with("UNetRes")) type = type.substr(7);
      if (std::find(known.begin(), known.end(), type) == known.end()) {
        refuse(key, type, "the block types implemented are " + json(known).dump());
      }
    }
  }

  void check_layout() {
    UNet2DConditionConfig& c = result_.config;
    check_block_types("down_block_types", c.down_block_types, kDownBlockTypes);
    check_block_types("up_block_types", c.up_block_types, kUpBlockTypes);
    const size_t levels = c.down_block_types.size();
    if (c.up_block_types.size() != levels) {
      fail("up_block_types", "has " + std::to_string(c.up_block_types.size()) + " blocks, down_block_types " +
                                 std::to_string(levels));
    }
    if (c.block_out_channels.size() != levels) {
      fail("block_out_channels", "has " + std::to_string(c.block_out_channels.size()) + " entries for " +
                                     std::to_string(levels) + " down blocks");
    }
    for (size_t i = 0; i < levels; ++i) {
      const int64_t channels = c.block_out_channels[i];
      if (channels % c.norm_num_groups != 0) {
        fail("block_out_channels", "has " + std::to_string(channels) + " channels, not divisible into " +
                                       std::to_string(c.norm_num_groups) + " norm groups");
      }
      if (channels % c.num_attention_heads[i] != 0) {
        fail(raw_.count("num_attention_heads") ? "num_attention_heads" : "attention_head_dim",
             "gives " + std::to_string(c.num_attention_heads[i]) + " heads for " + std::to_string(channels) +
                 " channels at level " + std::to_string(i) + ": the channels must divide evenly");
      }
    }
  }

  const json& json_;
  const std::string& source_;
  ParsedUNetConfig result_;
  std::map<std::string, const json*> raw_;  // per-level values, expanded once the levels are known
};

}  // namespace

ParsedUNetConfig parse_unet_config(const nlohmann::json& json, const std::string& source) {
  return ConfigParser(json, source).parse();
}

}  // namespace bksdm
