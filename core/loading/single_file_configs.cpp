#include "core/loading/single_file_configs.h"

#include <algorithm>

#include "core/io/error.h"
#include "core/loading/ldm_names.h"

namespace bksdm {
namespace {

// The tensors of one component, by their names after its prefix.
class Component {
 public:
  Component(const SafetensorsFile& file, std::string_view prefix) : file_(file), prefix_(prefix) {}

  bool has(const std::string& name) const { return file_.find(prefix_ + name) != nullptr; }
  std::vector<int64_t> shape(const std::string& name) const {
    const TensorInfo* info = file_.find(prefix_ + name);
    if (!info) throw Error(file_.path().string() + ": no " + prefix_ + name + ": its layout cannot be told");
    return info->shape;
  }
  int64_t dim(const std::string& name, size_t axis) const {
    const std::vector<int64_t> dims = shape(name);
    if (axis >= dims.size()) throw Error(file_.path().string() + ": " + prefix_ + name + " has too few dimensions");
    return dims[axis];
  }
  // How many of name(0), name(1), ... the file holds in a row.
  template <class Name>
  int count(Name&& name) const {
    int n = 0;
    while (has(name(n))) ++n;
    return n;
  }

 private:
  const SafetensorsFile& file_;
  std::string prefix_;
};

std::string numbered(const std::string& head, int index, const std::string& tail) {
  return head + std::to_string(index) + tail;
}

// One number where every level has the same, as the real configs write it.
nlohmann::json per_level(const std::vector<int64_t>& values) {
  if (!values.empty() && std::all_of(values.begin(), values.end(), [&](int64_t v) { return v == values.front(); }))
    return values.front();
  return values;
}

// What a file without a U-Net in LDM names seems to be, for the refusal.
std::string what_it_seems(const SafetensorsFile& file) {
  if (has_tensor_starting(file, "lora_unet_") || has_tensor_starting(file, "lora_te_") || has_tensor_starting(file, "unet.") ||
      has_tensor_starting(file, "text_encoder."))
    return "it looks like a LoRA (use it with --lora)";
  if (file.find("emb_params") || file.tensors().size() == 1)
    return "it looks like a textual-inversion embedding (put it in the --embeddings folder)";
  if (has_tensor_starting(file, "down_blocks.") || has_tensor_starting(file, "encoder.down_blocks.") || has_tensor_starting(file, "text_model."))
    return "it looks like one component of a diffusers model folder (open the folder instead)";
  if (has_tensor_starting(file, "encoder.down.") && has_tensor_starting(file, "decoder.up."))
    return "it looks like a VAE on its own (use it with --vae)";
  return "it is not a Stable Diffusion checkpoint";
}

}  // namespace

bool has_tensor_starting(const SafetensorsFile& file, std::string_view prefix) {
  return std::any_of(file.tensors().begin(), file.tensors().end(),
                     [&](const TensorInfo& info) { return std::string_view(info.name).starts_with(prefix); });
}

void check_single_file_checkpoint(const SafetensorsFile& file) {
  if (!has_tensor_starting(file, kLdmUNetPrefix))
    throw Error(file.path().string() + ": not a single-file checkpoint (no model.diffusion_model.* tensors): " +
                what_it_seems(file));
}

bool is_sd2_single_file(const SafetensorsFile& file) { return has_tensor_starting(file, kLdmOpenClipPrefix); }

const std::vector<std::string>& family_repos(bool sd2) {
  static const std::vector<std::string> kSd1{"CompVis/stable-diffusion-v1-4", "nota-ai/bk-sdm-base",
                                             "nota-ai/bk-sdm-small",          "nota-ai/bk-sdm-tiny",
                                             "nota-ai/bk-sdm-base-2m",        "nota-ai/bk-sdm-small-2m",
                                             "nota-ai/bk-sdm-tiny-2m"};
  static const std::vector<std::string> kSd2{"stabilityai/stable-diffusion-2-1-base", "nota-ai/bk-sdm-v2-base",
                                             "nota-ai/bk-sdm-v2-small", "nota-ai/bk-sdm-v2-tiny"};
  return sd2 ? kSd2 : kSd1;
}

nlohmann::json single_file_unet_config(const SafetensorsFile& file, nlohmann::json config) {
  if (!config.is_object()) config = nlohmann::json::object();
  const Component unet(file, kLdmUNetPrefix);
  const auto input = [](int n) { return "input_blocks." + std::to_string(n) + "."; };
  std::vector<int64_t> channels, layers;
  nlohmann::json down_types = nlohmann::json::array(), up_types = nlohmann::json::array();
  std::string projection;
  for (int n = 1; unet.has(input(n) + "0.in_layers.0.weight");) {
    const int first = n;
    while (unet.has(input(n) + "0.in_layers.0.weight")) ++n;
    layers.push_back(n - first);
    channels.push_back(unet.dim(input(first) + "0.out_layers.3.weight", 0));
    const bool attention = unet.has(input(first) + "1.proj_in.weight");
    if (attention && projection.empty()) projection = input(first) + "1.";
    down_types.push_back(attention ? "CrossAttnDownBlock2D" : "DownBlock2D");
    if (!unet.has(input(n) + "0.op.weight")) break;
    ++n;
  }
  if (channels.empty()) throw Error(file.path().string() + ": no U-Net blocks in the LDM layout");
  for (size_t i = 0, output = 0; i < channels.size(); ++i) {
    const bool attention = unet.has("output_blocks." + std::to_string(output) + ".1.proj_in.weight");
    up_types.push_back(attention ? "CrossAttnUpBlock2D" : "UpBlock2D");
    output += size_t(layers[channels.size() - 1 - i]) + 1;
  }
  const bool same_widths = config.value("block_out_channels", nlohmann::json()) == nlohmann::json(channels);
  config["in_channels"] = unet.dim("input_blocks.0.0.weight", 1);
  config["out_channels"] = unet.dim("out.2.weight", 0);
  config["block_out_channels"] = channels;
  config["layers_per_block"] = per_level(layers);
  config["down_block_types"] = down_types;
  config["up_block_types"] = up_types;
  if (unet.has("middle_block.0.in_layers.0.weight")) config["mid_block_type"] = "UNetMidBlock2DCrossAttn";
  else config["mid_block_type"] = nullptr;
  if (!projection.empty()) {
    const bool linear = unet.shape(projection + "proj_in.weight").size() == 2;
    config["use_linear_projection"] = linear;
    config["cross_attention_dim"] = unet.dim(projection + "transformer_blocks.0.attn2.to_k.weight", 1);
    if (!same_widths) {
      std::vector<int64_t> heads;
      for (int64_t width : channels) heads.push_back(width / 64);
      config["attention_head_dim"] = linear ? per_level(heads) : nlohmann::json(8);
    }
  }
  return config;
}

nlohmann::json single_file_vae_config(const SafetensorsFile& file, nlohmann::json config) {
  if (!config.is_object()) config = nlohmann::json::object();
  const Component vae(file, kLdmVaePrefix);
  const int levels = vae.count([](int i) { return numbered("encoder.down.", i, ".block.0.conv1.weight"); });
  if (levels == 0) throw Error(file.path().string() + ": holds no VAE (no first_stage_model.* tensors)");
  std::vector<int64_t> channels;
  for (int i = 0; i < levels; ++i) channels.push_back(vae.dim(numbered("encoder.down.", i, ".block.0.conv1.weight"), 0));
  config["block_out_channels"] = channels;
  config["layers_per_block"] =
      vae.count([](int j) { return numbered("encoder.down.0.block.", j, ".conv1.weight"); });
  config["latent_channels"] = vae.dim("post_quant_conv.weight", 0);
  config["in_channels"] = vae.dim("encoder.conv_in.weight", 1);
  config["out_channels"] = vae.dim("decoder.conv_out.weight", 0);
  config["down_block_types"] = std::vector<std::string>(size_t(levels), "DownEncoderBlock2D");
  config["up_block_types"] = std::vector<std::string>(size_t(levels), "UpDecoderBlock2D");
  return config;
}

nlohmann::json single_file_text_encoder_config(const SafetensorsFile& file, nlohmann::json config) {
  if (!config.is_object()) config = nlohmann::json::object();
  const bool openclip = is_sd2_single_file(file);
  const Component text(file, openclip ? kLdmOpenClipPrefix : kLdmClipPrefix);
  int64_t width = 0, inner = 0, positions = 0, vocabulary = 0, layers = 0;
  if (openclip) {
    vocabulary = text.dim("token_embedding.weight", 0);
    width = text.dim("token_embedding.weight", 1);
    positions = text.dim("positional_embedding", 0);
    inner = text.dim("transformer.resblocks.0.mlp.c_fc.weight", 0);
    // SD 2.x reads the penultimate of OpenCLIP's layers: the config says how many run.
    layers = text.count([](int l) { return numbered("transformer.resblocks.", l, ".ln_1.weight"); });
    layers = std::min<int64_t>(layers, config.value("num_hidden_layers", layers));
  } else {
    const std::string model = text.has("text_model.embeddings.token_embedding.weight") ? "text_model." : "";
    vocabulary = text.dim(model + "embeddings.token_embedding.weight", 0);
    width = text.dim(model + "embeddings.token_embedding.weight", 1);
    positions = text.dim(model + "embeddings.position_embedding.weight", 0);
    inner = text.dim(model + "encoder.layers.0.mlp.fc1.weight", 0);
    layers = text.count([&](int l) { return numbered(model + "encoder.layers.", l, ".layer_norm1.weight"); });
  }
  if (config.value("hidden_size", int64_t(0)) != width) config["num_attention_heads"] = width / 64;
  config["hidden_size"] = width;
  config["intermediate_size"] = inner;
  config["num_hidden_layers"] = layers;
  config["max_position_embeddings"] = positions;
  config["vocab_size"] = vocabulary;
  config["hidden_act"] = openclip ? "gelu" : "quick_gelu";
  return config;
}

}  // namespace bksdm
