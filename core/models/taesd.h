#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/models/layers.h"
#include "core/models/taesd_config.h"
#include "core/models/weights.h"

// TAESD, madebyollin's tiny autoencoder (MIT), as diffusers' AutoencoderTiny has it
// (models/autoencoders/autoencoder_tiny.py, DecoderTiny in vae.py, AutoencoderTinyBlock in
// unets/unet_2d_blocks.py): only its decoder, which turns SD 1.x/2.x latents into a close likeness
// of the real VAE's image at a small fraction of its cost: the app's live previews.
namespace bksdm {

// Three 3x3 convolutions with ReLUs between them, plus the input (through a 1x1 convolution when
// the width changes), through a last ReLU. Parameter names as nn.Sequential numbers them:
// conv.0, conv.2, conv.4 (the odd ones are the ReLUs), skip.
class AutoencoderTinyBlockImpl : public torch::nn::Module {
 public:
  AutoencoderTinyBlockImpl(int64_t in_channels, int64_t out_channels);
  at::Tensor forward(const at::Tensor& input) const;

 private:
  std::vector<Conv2d> convs_;
  Conv2d skip_{nullptr};
};
TORCH_MODULE(AutoencoderTinyBlock);

// diffusers' DecoderTiny: latents [N, latent_channels, h, w] to images [N, out_channels, h*f, w*f]
// in about [-1, 1]. Its nn.Sequential `layers` numbers every entry, the parameterless ReLUs and
// upsamplings too, so the checkpoint's keys skip their numbers ("layers.0", "layers.2.conv.0", ...).
class DecoderTinyImpl : public torch::nn::Module {
 public:
  explicit DecoderTinyImpl(const AutoencoderTinyConfig& config);
  at::Tensor forward(const at::Tensor& latents) const;

 private:
  std::vector<std::function<at::Tensor(const at::Tensor&)>> layers_;
};
TORCH_MODULE(DecoderTiny);

// diffusers' AutoencoderTiny without its encoder. Built uninitialised, like the layers of
// layers.h: load weights next.
class AutoencoderTiny : public torch::nn::Module {
 public:
  explicit AutoencoderTiny(const AutoencoderTinyConfig& config);

  // U-Net-space latents [N, latent_channels, h, w] (any float dtype) to float32 images
  // [N, out_channels, h*f, w*f] in [0, 1], as StableDiffusionPipeline with this VAE gives them.
  at::Tensor decode(const at::Tensor& latents) const;

  const AutoencoderTinyConfig& config() const { return config_; }

 private:
  AutoencoderTinyConfig config_;
  DecoderTiny decoder_{nullptr};
};

// Where the TAESD lives: `folder` when given, else the snapshot of madebyollin/taesd in the Hugging
// Face cache. SD 1.x and 2.x share their latent space, so the one TAESD serves both. A bksdm::Error
// says where it looked when there is none.
std::filesystem::path find_taesd(const std::filesystem::path& folder);

// The decoder of the AutoencoderTiny in `folder` (config.json, diffusion_pytorch_model.safetensors),
// loaded with `options`; the file's encoder tensors are ignored. Unknown config keys are appended to
// `warnings` when given.
std::shared_ptr<AutoencoderTiny> load_taesd(const std::filesystem::path& folder,
                                            const WeightLoadOptions& options = {},
                                            std::vector<std::string>* warnings = nullptr);

}  // namespace bksdm
