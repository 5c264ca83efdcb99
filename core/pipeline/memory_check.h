#pragma once
// Whether a run fits in memory, and what to say when it does not: the same advice whether the CPU's
// memory or a GPU's runs out, before the run (what can be known) or during it (what torch reports).
#include <cstdint>
#include <string>

#include "core/generation/generation_request.h"
#include "core/models/autoencoder_kl_config.h"

namespace bksdm {

// Where a run computes: the memory that can run out and what would shrink its need.
struct MemoryPlace {
  bool gpu = false;
  bool half_precision = false;  // fp16 or bf16 activations
  uint64_t available_bytes = 0;  // what the run may use; 0: unknown
};

// What ran out, for what, and what to change: a smaller size or fewer images always; fp16 on a
// GPU computing in fp32; tiles when the decode is whole and `tiles_help`.
std::string not_enough_memory(const GenerationRequest& request, const MemoryPlace& place, bool tiles_help);

// A lower bound of the bytes the VAE decode needs: its last stage holds two maps of
// block_out_channels[0] channels per image, at the full size or, tiled, at a tile's (the float32
// images themselves then add up).
double decode_bytes(const GenerationRequest& request, const AutoencoderKLConfig& vae, bool tiled, bool half_precision);

// Throws bksdm::Error with the advice when the decode alone cannot fit in the place's available
// memory: torch on the CPU only fails an allocation larger than the machine outright, so the U-Net
// would run for hours before the decoder asks for more. Nothing is known with 0 bytes available.
void check_decode_memory(const GenerationRequest& request, const AutoencoderKLConfig& vae, const MemoryPlace& place);

// Linux's MemAvailable in bytes, or 0 when unknown.
uint64_t available_system_memory();

}  // namespace bksdm
