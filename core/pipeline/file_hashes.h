#pragma once
#include <filesystem>
#include <functional>
#include <string>

#include "core/generation/generation_request.h"
#include "core/io/file_digest.h"
#include "core/loading/model_folder.h"

namespace bksdm {

// How files are hashed: directly, or through a cache that knows unchanged files (the app's).
struct FileHasher {
  std::function<std::string(const std::filesystem::path&)> whole = file_sha256;
  std::function<std::string(const std::filesystem::path&)> tensor_data = safetensors_data_sha256;
};

// `request` with the hashes A1111's metadata names its files by: the single-file checkpoint's
// (`Model hash`; a diffusers folder has none in A1111's terms), the VAE's (`VAE hash`) when `vae`
// replaces the model's, each LoRA's (`Lora hashes`) and each embedding the prompts use (`TI hashes`).
void add_file_hashes(GenerationRequest& request, const ModelFolder& model, const std::string& vae,
                     const FileHasher& hasher = {});

}  // namespace bksdm
