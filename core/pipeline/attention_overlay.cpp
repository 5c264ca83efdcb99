#include "core/pipeline/attention_overlay.h"

#include <ATen/ATen.h>

namespace bksdm {
namespace {

// Matt Zucker's degree-6 polynomial fit of matplotlib's "inferno" (public domain), per channel,
// constant term first.
constexpr double kInferno[3][7] = {
    {0.0002189403691192265, 0.1065134194856116, 11.60249308247187, -41.70399613139459, 77.162935699427,
     -71.31942824499214, 25.13112622477341},
    {0.001651004631001012, 0.5639564367884091, -3.972853965665698, 17.43639888205313, -33.40235894210092,
     32.62606426397723, -12.24266895238567},
    {-0.01948089843709184, 3.932712388889277, -15.9423941062914, 44.35414519872813, -81.80730925738993,
     73.20951985803202, -23.07032500287172},
};

at::Tensor min_max_scaled(const at::Tensor& map) {
  const at::Tensor low = map.min(), high = map.max();
  return (map - low) / (high - low).clamp_min(1e-12);
}

}  // namespace

at::Tensor colorize_inferno(const at::Tensor& normalized) {
  std::vector<at::Tensor> channels;
  for (const auto& coefficients : kInferno) {
    at::Tensor value = at::full_like(normalized, coefficients[6]);
    for (int k = 5; k >= 0; --k) value = value * normalized + coefficients[k];  // Horner
    channels.push_back(value.clamp(0, 1));
  }
  return at::stack(channels);
}

RgbImage attention_overlay(const at::Tensor& image, const at::Tensor& map, double opacity) {
  const at::Tensor upsampled =
      at::upsample_bicubic2d(map.to(at::kFloat).cpu().unsqueeze(0).unsqueeze(0), {image.size(1), image.size(2)},
                             false, c10::nullopt, c10::nullopt)[0][0];
  const at::Tensor heat = colorize_inferno(min_max_scaled(upsampled));
  return to_rgb_image(image.to(at::kFloat).cpu() * (1 - opacity) + heat * opacity);
}

}  // namespace bksdm
