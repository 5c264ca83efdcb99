#include "core/io/rgb_image.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace bksdm {
namespace {

// PIL accumulates in int32 with this many fraction bits: 8 for the pixel, 2 for the lobes' overshoot.
constexpr int kPrecisionBits = 32 - 8 - 2;

double sinc(double x) {
  if (x == 0.0) return 1.0;
  x *= std::numbers::pi;
  return std::sin(x) / x;
}

double lanczos(double x) { return -3.0 <= x && x < 3.0 ? sinc(x) * sinc(x / 3) : 0.0; }

// The source samples and fixed-point weights of each output sample along one axis (PIL's
// precompute_coeffs and normalize_coeffs_8bpc).
struct Taps {
  std::vector<int> first, count;
  std::vector<std::vector<int32_t>> weights;
};

Taps lanczos_taps(int in_size, int out_size) {
  const double scale = double(in_size) / out_size;
  const double filter_scale = std::max(scale, 1.0);
  const double support = 3.0 * filter_scale;
  Taps taps;
  for (int out = 0; out < out_size; ++out) {
    const double center = (out + 0.5) * scale;
    const int first = std::max(int(center - support + 0.5), 0);
    const int count = std::min(int(center + support + 0.5), in_size) - first;
    std::vector<double> k(size_t(std::max(count, 0)));
    double sum = 0;
    for (int x = 0; x < count; ++x) sum += k[size_t(x)] = lanczos((x + first - center + 0.5) / filter_scale);
    std::vector<int32_t> fixed;
    for (double w : k) {
      if (sum != 0.0) w /= sum;
      fixed.push_back(int32_t(w < 0 ? -0.5 + w * (1 << kPrecisionBits) : 0.5 + w * (1 << kPrecisionBits)));
    }
    taps.first.push_back(first);
    taps.count.push_back(count);
    taps.weights.push_back(std::move(fixed));
  }
  return taps;
}

uint8_t clip8(int32_t sum) { return uint8_t(std::clamp(sum >> kPrecisionBits, 0, 255)); }

// One pass along x (`horizontal`) or y over rows [row0, row0 + rows) of `in`.
RgbImage resample(const RgbImage& in, const Taps& taps, bool horizontal, int row0, int rows) {
  RgbImage out;
  out.width = horizontal ? int(taps.first.size()) : in.width;
  out.height = horizontal ? rows : int(taps.first.size());
  out.pixels.resize(size_t(out.width) * size_t(out.height) * 3);
  const auto at = [&](int x, int y, int c) { return int32_t(in.pixels[(size_t(y) * size_t(in.width) + size_t(x)) * 3 + size_t(c)]); };
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      const size_t o = horizontal ? size_t(x) : size_t(y);
      for (int c = 0; c < 3; ++c) {
        int32_t sum = 1 << (kPrecisionBits - 1);
        for (int t = 0; t < taps.count[o]; ++t) {
          const int source = taps.first[o] + t;
          sum += (horizontal ? at(source, y + row0, c) : at(x, source, c)) * taps.weights[o][size_t(t)];
        }
        out.pixels[(size_t(y) * size_t(out.width) + size_t(x)) * 3 + size_t(c)] = clip8(sum);
      }
    }
  return out;
}

}  // namespace

RgbImage resized_lanczos(const RgbImage& image, int width, int height) {
  if (width == image.width && height == image.height) return image;
  const Taps across = lanczos_taps(image.width, width);
  Taps down = lanczos_taps(image.height, height);
  // The horizontal pass makes only the rows the vertical one reads.
  const int row0 = down.first.front();
  const int rows = down.first.back() + down.count.back() - row0;
  RgbImage out = image;
  if (width != image.width) {
    for (int& first : down.first) first -= row0;
    out = resample(image, across, true, row0, rows);
  }
  if (height != image.height) out = resample(out, down, false, 0, 0);
  return out;
}

std::vector<uint8_t> luma(const RgbImage& image) {
  std::vector<uint8_t> gray(image.pixels.size() / 3);
  for (size_t i = 0; i < gray.size(); ++i) {
    const uint8_t* p = &image.pixels[i * 3];
    gray[i] = uint8_t((uint32_t(p[0]) * 19595 + uint32_t(p[1]) * 38470 + uint32_t(p[2]) * 7471 + 0x8000) >> 16);
  }
  return gray;
}

}  // namespace bksdm
