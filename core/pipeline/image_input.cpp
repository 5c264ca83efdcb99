#include "core/pipeline/image_input.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/io/message_text.h"

namespace bksdm {
namespace {

std::string size_text(const RgbImage& image) { return std::to_string(image.width) + "x" + std::to_string(image.height); }

// The two aspects agree to within a pixel of the larger width.
bool same_aspect(const RgbImage& a, const RgbImage& b) {
  const int64_t cross = int64_t(a.width) * b.height - int64_t(b.width) * a.height;
  return std::llabs(cross) <= std::max<int64_t>(a.height, b.height);
}

}  // namespace

GenerationRequest with_image_size(GenerationRequest request, int multiple) {
  if (request.init_image.empty()) return request;
  if (request.width == 0) request.width = request.init_image.width - request.init_image.width % multiple;
  if (request.height == 0) request.height = request.init_image.height - request.init_image.height % multiple;
  return request;
}

void check_image_inputs(const GenerationRequest& request) {
  if (request.init_image.empty()) {
    if (!request.mask.empty()) throw Error("a mask says what to repaint of an init image: give one (--init-image)");
    return;
  }
  if (!(request.strength > 0 && request.strength <= 1))
    throw Error("the strength must be above 0 and at most 1, got " + number_text(request.strength));
  if (strength_start_index(request.steps, request.strength) >= size_t(request.steps))
    throw Error("strength " + number_text(request.strength) + " of " + std::to_string(request.steps) +
                " steps runs no step (it runs int(steps x strength)); raise the strength or the steps");
  if (!request.mask.empty() && !same_aspect(request.mask, request.init_image))
    throw Error("the mask (" + size_text(request.mask) + ") and the init image (" + size_text(request.init_image) +
                ") differ in aspect; a mask is resized to the image, so it must have the image's shape");
}

at::Tensor init_image_pixels(const RgbImage& image, int width, int height) {
  RgbImage sized = resized_lanczos(image, width, height);
  const at::Tensor bytes = at::from_blob(sized.pixels.data(), {height, width, 3}, at::kByte);
  return (bytes.to(at::kFloat) / 255.0f * 2.0f - 1.0f).permute({2, 0, 1}).unsqueeze(0).contiguous();
}

at::Tensor mask_latents(const RgbImage& mask, int width, int height, int64_t factor) {
  // Grey first, then resized, as the mask processor does; three equal channels resize as one.
  RgbImage grey{mask.width, mask.height, {}};
  for (const uint8_t value : luma(mask)) grey.pixels.insert(grey.pixels.end(), 3, value);
  RgbImage sized = resized_lanczos(grey, width, height);
  const at::Tensor bytes = at::from_blob(sized.pixels.data(), {height, width, 3}, at::kByte).select(2, 0);
  const at::Tensor values = bytes.to(at::kFloat).reshape({1, 1, height, width}) / 255.0f;
  return (values >= 0.5f).to(at::kFloat).slice(2, 0, height, factor).slice(3, 0, width, factor).contiguous();
}

}  // namespace bksdm
