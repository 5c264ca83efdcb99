#pragma once
#include <cstdint>
#include <vector>

namespace at {
class Tensor;
}

namespace bksdm {

// A cheap look at SD latents without the VAE: each latent pixel becomes one RGB pixel through a
// fixed linear map fitted to SD's VAE, for live previews. `latents` are in U-Net space [N,4,h,w]
// (any device or dtype); the result holds image `index` as h*w*3 bytes, row-major RGB.
std::vector<uint8_t> latent_preview_rgb(const at::Tensor& latents, int64_t index = 0);

}  // namespace bksdm
