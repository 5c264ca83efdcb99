#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/rgb_image.h"

namespace at {
class Tensor;
}

namespace bksdm {

// A PNG text chunk; both strings are UTF-8.
struct PngText {
  std::string keyword;
  std::string text;
  bool operator==(const PngText&) const = default;
};

// One image [3,H,W] with values in [0,1] to 8 bits the way diffusers' numpy_to_pil does it:
// round(x * 255) (half to even).
RgbImage to_rgb_image(const at::Tensor& image);

// An 8-bit RGB PNG (adaptive row filters, zlib compression) with its text chunks before the image
// data: tEXt where the text is Latin-1, iTXt (UTF-8, uncompressed) otherwise, as PIL writes them.
// Keywords are 1 to 79 printable Latin-1 characters; texts must be valid UTF-8 without NUL.
std::string encode_png(const RgbImage& image, const std::vector<PngText>& texts = {});

// Writes encode_png()'s bytes atomically: a temporary file in the same folder, flushed and synced,
// then renamed over `path`. On any failure (full disk, read-only or missing folder) it throws a
// bksdm::Error naming the file, and leaves neither a partial file nor a changed old one.
void write_png(const std::filesystem::path& path, const RgbImage& image, const std::vector<PngText>& texts = {});

// The text chunks of a PNG (tEXt, zTXt, iTXt compressed or not) in file order, as UTF-8: those with
// one of `keywords`, or all when it is empty; the others are not decompressed. Every chunk's
// bounds and CRC are checked, and the text read from one file is at most 16 MiB in all; a damaged
// or hostile file is a bksdm::Error naming `source` (or the file) and the fault.
std::vector<PngText> parse_png_text(std::string_view bytes, std::string_view source,
                                    const std::vector<std::string>& keywords = {});
std::vector<PngText> read_png_text(const std::filesystem::path& path, const std::vector<std::string>& keywords = {});

}  // namespace bksdm
