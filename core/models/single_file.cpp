#include "core/models/single_file.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <string_view>

#include "core/io/error.h"
#include "core/loading/ldm_names.h"
#include "core/loading/single_file_configs.h"

namespace bksdm {
namespace {

// A rename of a name's beginning; `to` names the module's tensor, or its parts in order (the q, k
// and v that OpenCLIP keeps as one tensor).
struct Rename {
  std::string from;
  std::vector<std::string> to;
  bool squeeze = false;  // a 1×1 convolution read as a linear layer
};
using Renames = std::vector<Rename>;

// A block: the LDM prefix, diffusers' prefix, and the renames inside it (none: names kept).
struct Rule {
  std::string from, to;
  const Renames* inner = nullptr;
};

const Renames kUNetResnet{{"in_layers.0.", {"norm1."}},  {"in_layers.2.", {"conv1."}},
                          {"out_layers.0.", {"norm2."}}, {"out_layers.3.", {"conv2."}},
                          {"emb_layers.1.", {"time_emb_proj."}}, {"skip_connection.", {"conv_shortcut."}}};
const Renames kVaeResnet{{"norm1.", {"norm1."}}, {"conv1.", {"conv1."}}, {"norm2.", {"norm2."}},
                         {"conv2.", {"conv2."}}, {"nin_shortcut.", {"conv_shortcut."}}};
const Renames kVaeAttention{{"norm.", {"group_norm."}},
                            {"q.", {"to_q."}, true},
                            {"k.", {"to_k."}, true},
                            {"v.", {"to_v."}, true},
                            {"proj_out.", {"to_out.0."}, true}};
const Renames kOpenClipLayer{
    {"ln_1.", {"layer_norm1."}},
    {"ln_2.", {"layer_norm2."}},
    {"mlp.c_fc.", {"mlp.fc1."}},
    {"mlp.c_proj.", {"mlp.fc2."}},
    {"attn.out_proj.", {"self_attn.out_proj."}},
    {"attn.in_proj_weight", {"self_attn.q_proj.weight", "self_attn.k_proj.weight", "self_attn.v_proj.weight"}},
    {"attn.in_proj_bias", {"self_attn.q_proj.bias", "self_attn.k_proj.bias", "self_attn.v_proj.bias"}}};

std::string block(std::string_view blocks, int index, int part) {
  return std::string(blocks) + "." + std::to_string(index) + "." + std::to_string(part) + ".";
}

template <class Item>
const Item* longest_prefix(const std::vector<Item>& items, std::string_view name) {
  const Item* best = nullptr;
  for (const Item& item : items)
    if (name.starts_with(item.from) && (!best || item.from.size() > best->from.size())) best = &item;
  return best;
}

// `key`'s module names (several for a fused tensor), or none when the layout has no place for it.
std::map<std::string, WeightSource::Entry> converted(const std::string& file_name, std::string_view key,
                                                     const std::vector<Rule>& rules) {
  const Rule* rule = longest_prefix(rules, key);
  if (!rule) return {};
  const std::string_view rest = key.substr(rule->from.size());
  if (!rule->inner) return {{rule->to + std::string(rest), {file_name}}};
  const Rename* rename = longest_prefix(*rule->inner, rest);
  if (!rename) return {};
  std::map<std::string, WeightSource::Entry> names;
  const int parts = int(rename->to.size());
  for (int part = 0; part < parts; ++part)
    names[rule->to + rename->to[part] + std::string(rest.substr(rename->from.size()))] = {file_name, part, parts,
                                                                                          rename->squeeze};
  return names;
}

std::vector<Rule> unet_rules(const UNet2DConditionConfig& config) {
  std::vector<Rule> rules{{"time_embed.0.", "time_embedding.linear_1."},
                          {"time_embed.2.", "time_embedding.linear_2."},
                          {"input_blocks.0.0.", "conv_in."},
                          {"out.0.", "conv_norm_out."},
                          {"out.2.", "conv_out."}};
  const int levels = int(config.down_block_types.size());
  const auto cross_attention = [](const std::string& type) { return type.starts_with("CrossAttn"); };
  int input = 1;
  for (int i = 0; i < levels; ++i) {
    const std::string down = "down_blocks." + std::to_string(i) + ".";
    for (int j = 0; j < int(config.layers_per_block[i]); ++j, ++input) {
      rules.push_back({block("input_blocks", input, 0), down + "resnets." + std::to_string(j) + ".", &kUNetResnet});
      if (cross_attention(config.down_block_types[i]))
        rules.push_back({block("input_blocks", input, 1), down + "attentions." + std::to_string(j) + "."});
    }
    if (i + 1 < levels) rules.push_back({block("input_blocks", input++, 0) + "op.", down + "downsamplers.0.conv."});
  }
  if (config.mid_block_type) {
    rules.push_back({"middle_block.0.", "mid_block.resnets.0.", &kUNetResnet});
    rules.push_back({"middle_block.1.", "mid_block.attentions.0."});
    rules.push_back({"middle_block.2.", "mid_block.resnets.1.", &kUNetResnet});
  }
  int output = 0;
  for (int i = 0; i < levels; ++i) {
    const std::string up = "up_blocks." + std::to_string(i) + ".";
    const bool attentions = cross_attention(config.up_block_types[i]);
    const int resnets = int(config.layers_per_block[levels - 1 - i]) + 1;
    for (int j = 0; j < resnets; ++j, ++output) {
      rules.push_back({block("output_blocks", output, 0), up + "resnets." + std::to_string(j) + ".", &kUNetResnet});
      if (attentions) rules.push_back({block("output_blocks", output, 1), up + "attentions." + std::to_string(j) + "."});
      if (j + 1 == resnets && i + 1 < levels)
        rules.push_back({block("output_blocks", output, attentions ? 2 : 1), up + "upsamplers.0."});
    }
  }
  return rules;
}

void add_vae_mid_block(std::vector<Rule>& rules, const std::string& coder) {
  rules.push_back({coder + "mid.block_1.", coder + "mid_block.resnets.0.", &kVaeResnet});
  rules.push_back({coder + "mid.block_2.", coder + "mid_block.resnets.1.", &kVaeResnet});
  rules.push_back({coder + "mid.attn_1.", coder + "mid_block.attentions.0.", &kVaeAttention});
  rules.push_back({coder + "conv_in.", coder + "conv_in."});
  rules.push_back({coder + "conv_out.", coder + "conv_out."});
  rules.push_back({coder + "norm_out.", coder + "conv_norm_out."});
}

std::vector<Rule> vae_rules(const AutoencoderKLConfig& config) {
  std::vector<Rule> rules{{"quant_conv.", "quant_conv."}, {"post_quant_conv.", "post_quant_conv."}};
  const int levels = int(config.block_out_channels.size());
  for (int i = 0; i < levels; ++i) {
    const std::string down = "encoder.down." + std::to_string(i) + ".";
    const std::string down_block = "encoder.down_blocks." + std::to_string(i) + ".";
    for (int j = 0; j < int(config.layers_per_block); ++j)
      rules.push_back({down + "block." + std::to_string(j) + ".", down_block + "resnets." + std::to_string(j) + ".",
                       &kVaeResnet});
    const std::string up = "decoder.up." + std::to_string(levels - 1 - i) + ".";
    const std::string up_block = "decoder.up_blocks." + std::to_string(i) + ".";
    for (int j = 0; j < int(config.layers_per_block) + 1; ++j)
      rules.push_back({up + "block." + std::to_string(j) + ".", up_block + "resnets." + std::to_string(j) + ".",
                       &kVaeResnet});
    if (i + 1 < levels) {
      rules.push_back({down + "downsample.", down_block + "downsamplers.0."});
      rules.push_back({up + "upsample.", up_block + "upsamplers.0."});
    }
  }
  add_vae_mid_block(rules, "encoder.");
  add_vae_mid_block(rules, "decoder.");
  return rules;
}

// transformers' CLIP names, in older files without their `text_model.`.
std::vector<Rule> clip_rules() { return {{"text_model.", "text_model."}, {"", "text_model."}}; }

std::vector<Rule> openclip_rules(const CLIPTextConfig& config) {
  std::vector<Rule> rules{{"token_embedding.", "text_model.embeddings.token_embedding."},
                          {"positional_embedding", "text_model.embeddings.position_embedding.weight"},
                          {"ln_final.", "text_model.final_layer_norm."}};
  for (int layer = 0; layer < int(config.num_hidden_layers); ++layer)
    rules.push_back({"transformer.resblocks." + std::to_string(layer) + ".",
                     "text_model.encoder.layers." + std::to_string(layer) + ".", &kOpenClipLayer});
  return rules;
}

// What OpenCLIP keeps that diffusers' CLIPTextModel has no use for: the projection to the joint
// space, the temperature, and the layers after the one SD 2.x reads (its last of 24 is unused).
bool unused_by_openclip_text_model(std::string_view key, const CLIPTextConfig& config) {
  if (key == "text_projection" || key == "logit_scale") return true;
  constexpr std::string_view kLayers = "transformer.resblocks.";
  if (!key.starts_with(kLayers)) return false;
  const std::string_view rest = key.substr(kLayers.size());
  int layer = 0;
  const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), layer);
  return error == std::errc() && layer >= config.num_hidden_layers;
}

// LDM's training state saved beside the weights: the EMA copy and the noise schedule's buffers.
bool training_leftover(std::string_view name) {
  static const std::set<std::string_view> kBuffers{
      "betas", "alphas_cumprod", "alphas_cumprod_prev", "sqrt_alphas_cumprod", "sqrt_one_minus_alphas_cumprod",
      "log_one_minus_alphas_cumprod", "sqrt_recip_alphas_cumprod", "sqrt_recipm1_alphas_cumprod",
      "posterior_variance", "posterior_log_variance_clipped", "posterior_mean_coef1", "posterior_mean_coef2",
      "logvar", "model_ema.decay", "model_ema.num_updates"};
  return name.starts_with("model_ema.") || kBuffers.count(name) > 0;
}

// The tensors under `prefix` as `rules` name them; `skipped` ones are left out, and the rest that
// no rule places keep their file names.
template <class Skip>
WeightSource renamed(const std::shared_ptr<const SafetensorsFile>& file, std::string_view prefix,
                     const std::vector<Rule>& rules, Skip&& skipped) {
  std::map<std::string, WeightSource::Entry> entries;
  for (const TensorInfo& info : file->tensors()) {
    if (!std::string_view(info.name).starts_with(prefix)) continue;
    const std::string_view key = std::string_view(info.name).substr(prefix.size());
    if (skipped(key)) continue;
    std::map<std::string, WeightSource::Entry> names = converted(info.name, key, rules);
    if (names.empty()) names[info.name] = {info.name};
    entries.merge(names);
  }
  return WeightSource(file, std::move(entries));
}

}  // namespace

SingleFileCheckpoint::SingleFileCheckpoint(std::shared_ptr<const SafetensorsFile> file)
    : file_(std::move(file)) {}

SingleFileCheckpoint SingleFileCheckpoint::open(const std::filesystem::path& path) {
  std::shared_ptr<const SafetensorsFile> file = SafetensorsFile::open(path);
  check_single_file_checkpoint(*file);
  return SingleFileCheckpoint(std::move(file));
}

WeightSource SingleFileCheckpoint::weights(const UNet2DConditionConfig& config) const {
  return renamed(file_, kLdmUNetPrefix, unet_rules(config), [](std::string_view) { return false; });
}

WeightSource SingleFileCheckpoint::weights(const AutoencoderKLConfig& config) const {
  if (!has_tensor_starting(*file_, kLdmVaePrefix))
    throw Error(path().string() + ": holds no VAE (no first_stage_model.* tensors); give one with --vae");
  return renamed(file_, kLdmVaePrefix, vae_rules(config), [](std::string_view) { return false; });
}

WeightSource vae_file_weights(const std::filesystem::path& path, const AutoencoderKLConfig& config) {
  std::shared_ptr<const SafetensorsFile> file = SafetensorsFile::open(path);
  const auto never = [](std::string_view) { return false; };
  if (has_tensor_starting(*file, kLdmVaePrefix)) return renamed(file, kLdmVaePrefix, vae_rules(config), never);
  if (has_tensor_starting(*file, "encoder.down.")) return renamed(file, "", vae_rules(config), never);
  return WeightSource(std::move(file));
}

WeightSource SingleFileCheckpoint::weights(const CLIPTextConfig& config) const {
  if (is_sd2_single_file(*file_))
    return renamed(file_, kLdmOpenClipPrefix, openclip_rules(config),
                   [&](std::string_view key) { return unused_by_openclip_text_model(key, config); });
  if (!has_tensor_starting(*file_, kLdmClipPrefix))
    throw Error(path().string() + ": holds no text encoder (no cond_stage_model.* tensors)");
  return renamed(file_, kLdmClipPrefix, clip_rules(), [](std::string_view) { return false; });
}

std::vector<std::string> SingleFileCheckpoint::unread_tensors() const {
  std::vector<std::string> unread;
  for (const TensorInfo& info : file_->tensors()) {
    if (ldm_component(info.name).empty() && !training_leftover(info.name)) unread.push_back(info.name);
  }
  return unread;
}

}  // namespace bksdm
