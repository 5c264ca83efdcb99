#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/io/safetensors.h"

namespace bksdm {

// Whether any of the file's tensors is named `prefix`...
bool has_tensor_starting(const SafetensorsFile& file, std::string_view prefix);

// Refuses, naming the file, one that holds no U-Net in the CompVis/LDM names (a diffusers
// component's file, a LoRA, an embedding, a VAE alone), saying what it seems to be.
void check_single_file_checkpoint(const SafetensorsFile& file);

// A single-file checkpoint's family: SD 2.x when its text encoder is OpenCLIP's.
bool is_sd2_single_file(const SafetensorsFile& file);

// The cached models whose tokenizer, scheduler and configs a checkpoint of the family starts from,
// in the order they are tried: the SD release, then the BK-SDM models made from it.
const std::vector<std::string>& family_repos(bool sd2);

// `config` (the U-Net's, VAE's or text encoder's of a model of the file's family) with what the
// file's tensors say changed: levels, blocks per level, which have attention, the mid block,
// widths and layer counts, as diffusers' from_single_file adjusts its base config to a checkpoint.
// Attention heads follow the real models: SD 1.x has 8, SD 2.x heads 64 wide; where the widths are
// the config's own, its heads stay. A tensor the layout needs and the file lacks is a bksdm::Error.
nlohmann::json single_file_unet_config(const SafetensorsFile& file, nlohmann::json config);
nlohmann::json single_file_vae_config(const SafetensorsFile& file, nlohmann::json config);
nlohmann::json single_file_text_encoder_config(const SafetensorsFile& file, nlohmann::json config);

}  // namespace bksdm
