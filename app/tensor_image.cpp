#include "app/tensor_image.h"

#include <cstring>

#include <ATen/core/Tensor.h>

#include "core/io/error.h"
#include "core/io/png.h"

namespace bksdm {

QImage imageFromTensor(const at::Tensor& images, int64_t index) {
  const RgbImage rgb = to_rgb_image(images[index]);
  return imageFromRgb(rgb.pixels, rgb.width, rgb.height);
}

QList<QImage> imagesFromTensor(const at::Tensor& images) {
  QList<QImage> list;
  for (int64_t i = 0; i < images.size(0); ++i) list << imageFromTensor(images, i);
  return list;
}

QImage imageFromRgb(const std::vector<uint8_t>& rgb, int width, int height) {
  if (rgb.size() != size_t(width) * size_t(height) * 3) throw Error("image: RGB bytes do not match its size");
  QImage image(width, height, QImage::Format_RGB888);
  for (int y = 0; y < height; ++y) std::memcpy(image.scanLine(y), rgb.data() + size_t(y) * width * 3, size_t(width) * 3);
  return image;
}

}  // namespace bksdm
