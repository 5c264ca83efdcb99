#pragma once
#include <cstdint>
#include <vector>

#include <QImage>
#include <QList>

namespace at {
class Tensor;
}

namespace bksdm {

// Image `index` of a batch [N,3,H,W] with values in [0,1], as 8-bit RGB rounded the way diffusers'
// numpy_to_pil rounds (core/io/png.h's to_rgb_image).
QImage imageFromTensor(const at::Tensor& images, int64_t index);
QList<QImage> imagesFromTensor(const at::Tensor& images);

// Row-major RGB bytes of a `width`×`height` picture, as an image.
QImage imageFromRgb(const std::vector<uint8_t>& rgb, int width, int height);

}  // namespace bksdm
