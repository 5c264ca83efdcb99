#pragma once
#include <cstdint>
#include <vector>

namespace bksdm {

// An 8-bit RGB image: rows top to bottom, 3 bytes per pixel.
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> pixels;  // width * height * 3

  bool empty() const { return pixels.empty(); }
  bool operator==(const RgbImage&) const = default;
};

// PIL's Image.resize(size, LANCZOS) on an RGB image, to the byte: a horizontal pass, then a vertical
// one, each with PIL's 22-bit fixed-point coefficients and rounding (diffusers' VaeImageProcessor
// resizes init images and masks so). The same size is a copy.
RgbImage resized_lanczos(const RgbImage& image, int width, int height);

// PIL's convert("L"): ITU-R 601 luma, (19595 R + 38470 G + 7471 B + 2^15) >> 16, one byte a pixel.
std::vector<uint8_t> luma(const RgbImage& image);

}  // namespace bksdm
