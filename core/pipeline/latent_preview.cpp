#include "core/pipeline/latent_preview.h"

#include <string>

#include <torch/torch.h>

#include "core/io/error.h"

namespace bksdm {
namespace {

// Rows are latent channels, columns R, G, B; no bias.
constexpr float kLatentToRgb[4][3] = {
    {0.3512f, 0.2297f, 0.3227f},
    {0.3250f, 0.4974f, 0.2350f},
    {-0.2829f, 0.1762f, 0.2721f},
    {-0.2120f, -0.2616f, -0.7177f},
};

}  // namespace

std::vector<uint8_t> latent_preview_rgb(const at::Tensor& latents, int64_t index) {
  if (latents.dim() != 4 || latents.size(1) != 4)
    throw Error("latent preview: expected latents [N,4,h,w], got " + std::to_string(latents.dim()) + " dimensions");
  if (index < 0 || index >= latents.size(0))
    throw Error("latent preview: image " + std::to_string(index) + " of a batch of " + std::to_string(latents.size(0)));
  torch::NoGradGuard no_grad;
  const auto factors = torch::from_blob(const_cast<float*>(&kLatentToRgb[0][0]), {4, 3}, torch::kFloat32);
  const auto latent = latents[index].to(torch::kCPU, torch::kFloat32);  // [4,h,w]
  const auto rgb = torch::matmul(latent.permute({1, 2, 0}), factors);   // [h,w,3]
  const auto bytes = ((rgb + 1) / 2).clamp(0, 1).mul(255).round().to(torch::kUInt8).contiguous();
  const auto* data = bytes.data_ptr<uint8_t>();
  return std::vector<uint8_t>(data, data + bytes.numel());
}

}  // namespace bksdm
