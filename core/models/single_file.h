#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/io/safetensors.h"
#include "core/loading/model_folder.h"
#include "core/loading/weight_source.h"
#include "core/models/autoencoder_kl_config.h"
#include "core/models/clip_text_config.h"
#include "core/models/unet_config.h"

namespace bksdm {

// A checkpoint in one .safetensors file, in the CompVis/LDM layout that A1111 and Civitai share:
// the U-Net under `model.diffusion_model.`, the VAE under `first_stage_model.`, the text encoder
// under `cond_stage_model.transformer.` (SD 1.x: transformers' CLIP names) or
// `cond_stage_model.model.` (SD 2.x: OpenCLIP's, with q, k and v fused in `in_proj`). Each
// component's part is read under diffusers' names, as diffusers' from_single_file converts it:
// U-Net block indices follow the config's block list and layers per block (BK-SDM's fewer blocks
// included), the VAE's 1×1-convolution attention is read as linear layers.
class SingleFileCheckpoint {
 public:
  // Refuses, naming the file, one that holds no U-Net in these names (a diffusers component's file,
  // a LoRA, an embedding), saying what it seems to be.
  static SingleFileCheckpoint open(const std::filesystem::path& file);

  const std::filesystem::path& path() const { return file_->path(); }

  // Each component's tensors under its module's names. A tensor under the component's prefix that
  // the config's layout has no place for keeps its file name, so that loading names it as
  // unexpected; a checkpoint without the component is a bksdm::Error saying so.
  WeightSource weights(const UNet2DConditionConfig& unet) const;
  WeightSource weights(const AutoencoderKLConfig& vae) const;
  WeightSource weights(const CLIPTextConfig& text_encoder) const;

  // Tensors outside the three components that are not the LDM training leftovers every such file
  // carries (EMA copies, the noise schedule's buffers): what the person loading it should be told.
  std::vector<std::string> unread_tensors() const;

 private:
  explicit SingleFileCheckpoint(std::shared_ptr<const SafetensorsFile> file);

  std::shared_ptr<const SafetensorsFile> file_;
};

// A VAE in one file: diffusers' names, or the LDM's (as `first_stage_model.` of a checkpoint, or on
// its own without the prefix, as stabilityai's vae-ft-mse-840000-ema-pruned.safetensors), read with
// `config`, the model's VAE config.
WeightSource vae_file_weights(const std::filesystem::path& file, const AutoencoderKLConfig& config);

// The weights of `model`'s `component`, built with `config`: its own file in a folder, or its part
// of the model's single file.
template <class Config>
WeightSource component_weights(const ModelFolder& model, std::string_view component, const Config& config) {
  if (model.single_file().empty()) return WeightSource(SafetensorsFile::open(model.weights(component)));
  return SingleFileCheckpoint::open(model.single_file()).weights(config);
}

}  // namespace bksdm
