#pragma once
#include "core/io/png.h"

namespace at {
class Tensor;
}

namespace bksdm {

// A heat map laid over an image, as the attention panel and `bksdm generate --attention-dir` show
// a word's map: the map [h,w] upsampled bicubically to the image's size, scaled to [0,1] by its own
// minimum and maximum, coloured with the perceptual "inferno" colormap and blended over the image
// [3,H,W] (values in [0,1]) with `opacity`.
RgbImage attention_overlay(const at::Tensor& image, const at::Tensor& map, double opacity = 0.6);

// The map alone, scaled and coloured as above, at the map's own size [3,h,w] in [0,1].
at::Tensor colorize_inferno(const at::Tensor& normalized);

}  // namespace bksdm
