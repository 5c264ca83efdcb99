#include "core/models/autoencoder_kl.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/io/error.h"
#include "core/io/pickle_file.h"
#include "core/io/safetensors.h"
#include "core/loading/model_folder.h"
#include "core/models/single_file.h"

namespace bksdm {
namespace {

constexpr double kTileOverlapFactor = 0.25;

VaeCoderOptions coder_options(const AutoencoderKLConfig& config, int64_t in_channels, int64_t out_channels) {
  VaeCoderOptions options;
  options.in_channels = in_channels;
  options.out_channels = out_channels;
  options.block_out_channels = config.block_out_channels;
  options.layers_per_block = config.layers_per_block;
  options.norm_num_groups = config.norm_num_groups;
  options.mid_block_add_attention = config.mid_block_add_attention;
  return options;
}

// diffusers' blend_v: fades the first rows of `below` in from the last rows of `above`, in place.
void blend_v(const at::Tensor& above, const at::Tensor& below, int64_t blend_extent) {
  blend_extent = std::min({above.size(2), below.size(2), blend_extent});
  for (int64_t y = 0; y < blend_extent; ++y) {
    const double weight = static_cast<double>(y) / blend_extent;
    below.select(2, y).copy_(above.select(2, y - blend_extent) * (1 - weight) + below.select(2, y) * weight);
  }
}

// diffusers' blend_h: the same across columns, from the tile on the left.
void blend_h(const at::Tensor& left, const at::Tensor& right, int64_t blend_extent) {
  blend_extent = std::min({left.size(3), right.size(3), blend_extent});
  for (int64_t x = 0; x < blend_extent; ++x) {
    const double weight = static_cast<double>(x) / blend_extent;
    right.select(3, x).copy_(left.select(3, x - blend_extent) * (1 - weight) + right.select(3, x) * weight);
  }
}

// diffusers' tiled coding: `code` maps input tiles of `tile_in` (stepping by 3/4 of that, so they
// overlap) to output tiles of `tile_out`. Each output tile is blended into from the tile above and
// the tile on the left (as diffusers does it, in place, so later blends see earlier ones), and the
// top-left (1 - overlap) part of every tile is stitched into the result.
at::Tensor code_tiled(const at::Tensor& input, int64_t tile_in, int64_t tile_out,
                      const std::function<at::Tensor(const at::Tensor&)>& code) {
  const auto overlap_size = static_cast<int64_t>(tile_in * (1 - kTileOverlapFactor));
  const auto blend_extent = static_cast<int64_t>(tile_out * kTileOverlapFactor);
  const int64_t row_limit = tile_out - blend_extent;
  std::vector<std::vector<at::Tensor>> rows;
  for (int64_t i = 0; i < input.size(2); i += overlap_size) {
    std::vector<at::Tensor>& row = rows.emplace_back();
    for (int64_t j = 0; j < input.size(3); j += overlap_size) {
      row.push_back(code(input.slice(2, i, i + tile_in).slice(3, j, j + tile_in)));
    }
  }
  std::vector<at::Tensor> result_rows;
  for (size_t i = 0; i < rows.size(); ++i) {
    std::vector<at::Tensor> result_row;
    for (size_t j = 0; j < rows[i].size(); ++j) {
      const at::Tensor& tile = rows[i][j];
      if (i > 0) blend_v(rows[i - 1][j], tile, blend_extent);
      if (j > 0) blend_h(rows[i][j - 1], tile, blend_extent);
      result_row.push_back(tile.slice(2, 0, row_limit).slice(3, 0, row_limit));
    }
    result_rows.push_back(at::cat(result_row, 3));
  }
  return at::cat(result_rows, 2);
}

void check_images(const at::Tensor& tensor, int64_t channels, const char* what) {
  if (tensor.dim() != 4 || tensor.size(1) != channels) {
    throw Error(std::string("VAE: ") + what + " must be [N, " + std::to_string(channels) + ", H, W], got " +
                c10::str(tensor.sizes()));
  }
}

// The name older checkpoints give a parameter of the mid-block attention, or `name` itself.
std::string deprecated_attention_name(const std::string& name) {
  static const std::pair<std::string, std::string> kRenames[] = {
      {".to_q.", ".query."}, {".to_k.", ".key."}, {".to_v.", ".value."}, {".to_out.0.", ".proj_attn."}};
  if (name.find("mid_block.attentions.") == std::string::npos) return name;
  for (const auto& [current, deprecated] : kRenames) {
    const size_t at = name.find(current);
    if (at != std::string::npos) return name.substr(0, at) + deprecated + name.substr(at + current.size());
  }
  return name;
}

}  // namespace

AutoencoderKL::AutoencoderKL(const AutoencoderKLConfig& config)
    : config_(config), tile_sample_min_size_(config.sample_size) {
  encoder_ =
      register_module("encoder", Encoder(coder_options(config, config.in_channels, config.latent_channels)));
  decoder_ =
      register_module("decoder", Decoder(coder_options(config, config.latent_channels, config.out_channels)));
  if (config.use_quant_conv) {
    quant_conv_ =
        register_module("quant_conv", Conv2d(2 * config.latent_channels, 2 * config.latent_channels, 1));
  }
  if (config.use_post_quant_conv) {
    post_quant_conv_ =
        register_module("post_quant_conv", Conv2d(config.latent_channels, config.latent_channels, 1));
  }
}

void AutoencoderKL::set_tile_sample_min_size(int64_t pixels) {
  if (pixels < downscale_factor()) {
    throw Error("VAE: a tile must be at least " + std::to_string(downscale_factor()) + " pixels, not " +
                std::to_string(pixels));
  }
  tile_sample_min_size_ = pixels;
}

at::Tensor AutoencoderKL::encode_tile(const at::Tensor& images) const {
  const at::Tensor moments = encoder_->forward(images);
  return quant_conv_ ? quant_conv_->forward(moments) : moments;
}

at::Tensor AutoencoderKL::decode_tile(const at::Tensor& latents) const {
  return decoder_->forward(post_quant_conv_ ? post_quant_conv_->forward(latents) : latents);
}

DiagonalGaussianDistribution AutoencoderKL::encode(const at::Tensor& images) const {
  check_images(images, config_.in_channels, "images");
  const bool tiled =
      use_tiling_ && (images.size(2) > tile_sample_min_size() || images.size(3) > tile_sample_min_size());
  return DiagonalGaussianDistribution(tiled ? tiled_encode(images) : encode_tile(images));
}

at::Tensor AutoencoderKL::decode(const at::Tensor& latents) const {
  check_images(latents, config_.latent_channels, "latents");
  const bool tiled =
      use_tiling_ && (latents.size(2) > tile_latent_min_size() || latents.size(3) > tile_latent_min_size());
  return tiled ? tiled_decode(latents) : decode_tile(latents);
}

at::Tensor AutoencoderKL::tiled_decode(const at::Tensor& latents) const {
  check_images(latents, config_.latent_channels, "latents");
  return code_tiled(latents, tile_latent_min_size(), tile_sample_min_size(),
                    [this](const at::Tensor& tile) { return decode_tile(tile); });
}

at::Tensor AutoencoderKL::tiled_encode(const at::Tensor& images) const {
  check_images(images, config_.in_channels, "images");
  return code_tiled(images, tile_sample_min_size(), tile_latent_min_size(),
                    [this](const at::Tensor& tile) { return encode_tile(tile); });
}

void AutoencoderKL::move_encoder(const c10::Device& device) {
  encoder_->to(device);
  if (quant_conv_) quant_conv_->to(device);
}

void AutoencoderKL::move_decoder(const c10::Device& device) {
  if (post_quant_conv_) post_quant_conv_->to(device);
  decoder_->to(device);
}

namespace {

std::shared_ptr<AutoencoderKL> load_vae(const AutoencoderKLConfig& config, const WeightSource& source,
                                        const WeightLoadOptions& options) {
  auto vae = build_for_weights(source, [&] { return std::make_shared<AutoencoderKL>(config); });
  WeightLoadOptions with_old_names = options;
  with_old_names.name_in_file = [&source, base = options.name_in_file](const std::string& parameter) {
    const std::string name = base ? base(parameter) : parameter;
    const std::string deprecated = deprecated_attention_name(name);
    return !source.has(name) && source.has(deprecated) ? deprecated : name;
  };
  load_weights(*vae, source, with_old_names);
  return vae;
}

}  // namespace

std::shared_ptr<AutoencoderKL> load_autoencoder_kl(const ModelFolder& folder, const WeightLoadOptions& options) {
  const std::string source = (folder.component_dir("vae") / "config.json").string();
  const AutoencoderKLConfig config = AutoencoderKLConfig::from_json(folder.config("vae"), source);
  return load_vae(config, component_weights(folder, "vae", config), options);
}

std::filesystem::path vae_weights(const std::filesystem::path& vae) {
  std::error_code error;
  if (std::filesystem::is_regular_file(vae, error)) {
    if (is_pickle_file(vae)) throw Error(pickle_refusal(vae));
    return vae;
  }
  const std::filesystem::path& dir = vae;
  const std::filesystem::path weights = dir / "diffusion_pytorch_model.safetensors";
  if (std::filesystem::is_regular_file(weights)) return weights;
  const std::filesystem::path pickle = dir / "diffusion_pytorch_model.bin";
  if (std::filesystem::exists(pickle)) throw Error(pickle_refusal(pickle));
  throw Error(dir.string() + ": not a VAE folder (config.json and diffusion_pytorch_model.safetensors)");
}

std::shared_ptr<AutoencoderKL> load_autoencoder_kl(const std::filesystem::path& vae, const ModelFolder& model,
                                                   const WeightLoadOptions& options) {
  const std::filesystem::path weights = vae_weights(vae);
  if (weights == vae) {
    const std::string source = (model.component_dir("vae") / "config.json").string();
    const AutoencoderKLConfig config = AutoencoderKLConfig::from_json(model.config("vae"), source);
    return load_vae(config, vae_file_weights(vae, config), options);
  }
  const std::filesystem::path config = vae / "config.json";
  return load_vae(AutoencoderKLConfig::from_json(read_json_file(config), config.string()),
                  WeightSource(SafetensorsFile::open(weights)), options);
}

}  // namespace bksdm
