#pragma once
#include <cstddef>
#include <cstdint>

#include <ATen/core/Tensor.h>

#include "core/generation/generation_request.h"

namespace bksdm {

// The parts of diffusers' img2img and inpainting pipelines that read the image inputs, before the VAE.

// A run that starts from an image takes the image's size, rounded down to a multiple of
// `multiple` (diffusers' get_default_height_width), where the request leaves the size to the model.
GenerationRequest with_image_size(GenerationRequest request, int multiple);

// Refuses, naming the option, what would fail or mean nothing later: a mask without an init image,
// a strength outside (0, 1], a strength that leaves no step to run, a mask of another aspect.
void check_image_inputs(const GenerationRequest& request);

// VaeImageProcessor.preprocess of the init image: resized to width x height (PIL's Lanczos) and
// scaled to [-1, 1]: [1, 3, height, width] float32.
at::Tensor init_image_pixels(const RgbImage& image, int width, int height);

// The mask processor (grey, resized as the init image, /255, binarised at 0.5), then its nearest
// downsample by `factor` to the latents (prepare_mask_latents): [1, 1, height / factor,
// width / factor] of 0 and 1, 1 where the run paints.
at::Tensor mask_latents(const RgbImage& mask, int width, int height, int64_t factor);

}  // namespace bksdm
