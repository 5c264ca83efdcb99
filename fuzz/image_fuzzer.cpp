// Init images and masks from hostile files: PNG (also with every chunk's CRC made right, to reach
// libpng's decoders), JPEG and WebP. A file is refused with a bksdm::Error or read within the size
// limit, its pixels as many as it claims, and resized as a run would.
#include <cstdlib>

#include "core/io/error.h"
#include "core/io/image_file.h"
#include "core/io/rgb_image.h"
#include "fuzz/fuzz_support.h"

namespace {

void read(std::string_view bytes) {
  try {
    const bksdm::RgbImage image = bksdm::decode_image(bytes, "fuzz.img");
    if (image.width < 1 || image.height < 1 || image.width > bksdm::kMaxImageSide ||
        image.height > bksdm::kMaxImageSide || image.pixels.size() != size_t(image.width) * size_t(image.height) * 3)
      std::abort();
    const bksdm::RgbImage small = bksdm::resized_lanczos(image, 8, 16);
    if (small.pixels.size() != 8 * 16 * 3 || bksdm::luma(small).size() != 8 * 16) std::abort();
  } catch (const bksdm::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = bksdm::fuzz::as_text(data, size);
  read(input);
  if (input.starts_with(bksdm::fuzz::kPngSignature)) read(bksdm::fuzz::with_right_crcs(std::string(input)));
  return 0;
}
