// TAESD folders from hostile files: the input is a config.json, a line "%%", then the weights file
// (everything after the first such line, so the weights may hold any bytes). Loading must succeed
// or throw bksdm::Error; a decoder that loads turns a 2x2 latent into an image of its config's
// shape (one upsampling by upsampling_scaling_factor between stages), values in [0, 1] or NaN.
#include <cstdlib>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/models/taesd.h"
#include "fuzz/fuzz_support.h"

namespace {

constexpr std::string_view kSeparator = "\n%%\n";
constexpr int64_t kLatentSize = 2;

void check_decode(const bksdm::AutoencoderTiny& taesd) {
  const bksdm::AutoencoderTinyConfig& config = taesd.config();
  int64_t side = kLatentSize;
  // An accepted config whose image side does not even fit an int64 is a finding of its own.
  for (size_t stage = 1; stage < config.num_decoder_blocks.size(); ++stage)
    if (__builtin_mul_overflow(side, config.upsampling_scaling_factor, &side)) std::abort();
  const at::Tensor image = taesd.decode(at::full({1, config.latent_channels, kLatentSize, kLatentSize}, 0.5));
  if (image.sizes() != at::IntArrayRef{1, config.out_channels, side, side}) std::abort();
  const at::Tensor outside = (image < 0).logical_or(image > 1);
  if (outside.any().item<bool>()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bksdm::fuzz::ScratchDir dir("taesd");
  const std::string_view input = bksdm::fuzz::as_text(data, size);
  const size_t separator = input.find(kSeparator);
  if (separator == std::string_view::npos) return 0;
  dir.write("config.json", input.substr(0, separator));
  dir.write("diffusion_pytorch_model.safetensors", input.substr(separator + kSeparator.size()));
  try {
    check_decode(*bksdm::load_taesd(dir.path()));
  } catch (const bksdm::Error&) {
  }
  return 0;
}
