#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/generation/generation_request.h"
#include "core/io/a1111_parameters.h"

namespace bksdm {

// Image `batch_pos` (from 0) of `request` as A1111 describes it: the prompts, then Steps, Sampler,
// CFG scale, Seed, Size, Model hash (of a single-file checkpoint), Model, VAE hash and VAE (when one
// replaces the model's), Denoising strength for a run from an init image, for a batch Batch size and
// Batch pos, Eta where DDIM uses one, Lora hashes and TI hashes where the request carries them:
// A1111's keys, order and spelling. A per-image batch's image says its own seed (and variation
// seed), seed + batch_pos as A1111's; a shared batch's says the batch's seed and "Batch noise:
// shared", since Seed alone does not make it again. Sizes and scheduler must be resolved (not the
// model's defaults).
A1111Parameters a1111_parameters(const GenerationRequest& request, int batch_pos = 0);

// What an A1111 `parameters` text says about a run: the description (its defaults where the text is
// silent or a value does not parse), which image of the batch it is, and the settings this engine
// has no field for, in order.
struct A1111Reading {
  GenerationRequest request;  // its vae.name from `VAE`
  int batch_pos = 0;
  // A1111's short hashes of the files the run used, so that they can be found again: `Model hash`,
  // `VAE hash`, and `Lora hashes` / `TI hashes` by LoRA name and embedding word.
  std::string model_hash;
  std::string vae_hash;
  std::map<std::string, std::string> lora_hashes;
  std::map<std::string, std::string> ti_hashes;
  std::vector<std::pair<std::string, std::string>> other_settings;
};
A1111Reading read_a1111_parameters(const A1111Parameters& parameters);

}  // namespace bksdm
