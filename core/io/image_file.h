#pragma once
#include <filesystem>
#include <string_view>

#include "core/io/file_read.h"
#include "core/io/rgb_image.h"

namespace bksdm {

// The largest image read: 8192 pixels a side is four times the largest run the engine makes, and a
// hostile header cannot make the decoder allocate more than about 200 MB.
inline constexpr int kMaxImageSide = 8192;
inline constexpr FileLimit kImageFile{256ull << 20, "an image file"};

// "png", "jpg" or "webp" by the first bytes (what decode_image reads them as), or "" for others.
std::string_view image_kind(std::string_view bytes);

// A PNG, JPEG or WebP image (told by its first bytes, not its name) as 8-bit RGB, the way PIL's
// Image.open(...).convert("RGB") reads it: grey and palette images expanded, alpha dropped, 16-bit
// samples cut to their high byte (CMYK JPEGs and animated WebPs are refused). A damaged, truncated, hostile or other kind
// of file is a bksdm::Error naming `source` and what is wrong.
RgbImage decode_image(std::string_view bytes, std::string_view source);
// The same for a file, checked to be a regular file of sensible size first.
RgbImage read_image(const std::filesystem::path& path);

}  // namespace bksdm
