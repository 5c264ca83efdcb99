#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>

#include "core/models/autoencoder_kl_config.h"
#include "core/models/vae.h"
#include "core/models/weights.h"

namespace bksdm {

class ModelFolder;

// diffusers' AutoencoderKL (0.31): images to a latent distribution and latents back to images.
// Parameter names are the checkpoint's ("decoder.up_blocks.0.resnets.0.conv1.weight", ...).
// Built uninitialised, like the layers of layers.h: load weights next.
class AutoencoderKL : public torch::nn::Module {
 public:
  explicit AutoencoderKL(const AutoencoderKLConfig& config);

  // Images [N, in_channels, H, W] in [-1, 1] to their latent distribution ([N, latent_channels,
  // H / f, W / f], f = 2^(levels - 1)); its samples are in U-Net space once multiplied by
  // scaling_factor.
  DiagonalGaussianDistribution encode(const at::Tensor& images) const;
  // Latents already divided by scaling_factor (as diffusers' vae.decode takes them) to images
  // [N, out_channels, h * f, w * f], about [-1, 1].
  at::Tensor decode(const at::Tensor& latents) const;

  // diffusers' enable_tiling(): from then on encode() and decode() work tile by tile on inputs
  // larger than one tile, so memory stays bounded whatever the image size. Overlapping tiles are
  // blended, so results differ slightly from untiled ones.
  void enable_tiling(bool use_tiling = true) { use_tiling_ = use_tiling; }
  bool tiling() const { return use_tiling_; }
  // The tile edge in pixels: the config's sample_size unless set. The latent tile edge follows.
  void set_tile_sample_min_size(int64_t pixels);
  int64_t tile_sample_min_size() const { return tile_sample_min_size_; }
  int64_t tile_latent_min_size() const { return tile_sample_min_size_ / downscale_factor(); }
  // diffusers' tiled_decode and _tiled_encode, whatever the input size.
  at::Tensor tiled_decode(const at::Tensor& latents) const;
  at::Tensor tiled_encode(const at::Tensor& images) const;

  // The halves move apart (Module::to moves both): a GPU holds the encoder only once an image input
  // needs it. The inputs of encode() and decode() must be where their half is.
  void move_encoder(const c10::Device& device);
  void move_decoder(const c10::Device& device);

  // Pixels per latent along each axis: 2^(levels - 1).
  int64_t downscale_factor() const { return int64_t{1} << (config_.block_out_channels.size() - 1); }
  const AutoencoderKLConfig& config() const { return config_; }

 private:
  at::Tensor encode_tile(const at::Tensor& images) const;
  at::Tensor decode_tile(const at::Tensor& latents) const;

  AutoencoderKLConfig config_;
  Encoder encoder_{nullptr};
  Decoder decoder_{nullptr};
  Conv2d quant_conv_{nullptr};
  Conv2d post_quant_conv_{nullptr};
  bool use_tiling_ = false;
  int64_t tile_sample_min_size_;
};

// The folder's VAE (vae/config.json and its weights), loaded with `options`. Checkpoints saved by
// older diffusers name the mid-block attention's projections query/key/value/proj_attn; they are
// read under those names, as diffusers converts them.
std::shared_ptr<AutoencoderKL> load_autoencoder_kl(const ModelFolder& folder,
                                                   const WeightLoadOptions& options = {});
// A VAE of its own in place of `model`'s: a folder as e.g. stabilityai/sd-vae-ft-mse ships it
// (config.json and diffusion_pytorch_model.safetensors), or one .safetensors file in diffusers' or
// the LDM's names, read with the model's VAE config.
std::shared_ptr<AutoencoderKL> load_autoencoder_kl(const std::filesystem::path& vae, const ModelFolder& model,
                                                   const WeightLoadOptions& options = {});
// The weights file of such a VAE: the file itself, or the folder's; a folder with pickle weights
// only, or a pickle file, is refused with the command that converts them.
std::filesystem::path vae_weights(const std::filesystem::path& vae);

}  // namespace bksdm
