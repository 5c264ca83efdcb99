// Images read as PIL reads them (Image.open(...).convert("RGB")), resized as PIL resizes them, and
// every damaged or hostile file refused by name: the init images and masks of a run.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zlib.h>

#include <fstream>

#include "core/io/file_read.h"
#include "core/io/image_file.h"
#include "core/io/png.h"
#include "core/io/rgb_image.h"
#include "tests/core/test_support.h"

namespace {

namespace fs = std::filesystem;
using bksdm::testing::error_of;
using bksdm::testing::kFixtures;
using bksdm::testing::TempDir;

const fs::path kImages = kFixtures / "inputs" / "images";
const fs::path kPil = kFixtures / "inputs" / "pil";

std::string file_bytes(const fs::path& path) { return bksdm::read_regular_file(path, {1 << 20, "a test file"}); }

void write_bytes(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// The largest difference between two images of one size.
int max_difference(const bksdm::RgbImage& a, const bksdm::RgbImage& b) {
  int most = 0;
  for (size_t i = 0; i < a.pixels.size(); ++i) most = std::max(most, std::abs(int(a.pixels[i]) - int(b.pixels[i])));
  return most;
}

struct Decoded {
  const char* file;
  const char* pil;  // PIL's convert("RGB") of it
};

class DecodesAsPil : public ::testing::TestWithParam<Decoded> {};

// PNG in every colour type a person meets, JPEG in colour and grey (libjpeg-turbo, as PIL's),
// WebP: byte for byte what PIL reads.
TEST_P(DecodesAsPil, ToTheByte) {
  const bksdm::RgbImage image = bksdm::read_image(kPil / GetParam().file);
  const bksdm::RgbImage pil = bksdm::read_image(kPil / GetParam().pil);
  ASSERT_EQ(image.width, 96);
  ASSERT_EQ(image.height, 64);
  ASSERT_EQ(pil.pixels.size(), image.pixels.size());
  EXPECT_EQ(max_difference(image, pil), 0);
}

INSTANTIATE_TEST_SUITE_P(Formats, DecodesAsPil,
                         ::testing::Values(Decoded{"shapes-alpha.png", "shapes-alpha-decoded.png"},
                                           Decoded{"shapes-palette.png", "shapes-palette-decoded.png"},
                                           Decoded{"shapes.jpg", "shapes-jpg-decoded.png"},
                                           Decoded{"shapes-grey.jpg", "shapes-grey-jpg-decoded.png"},
                                           Decoded{"shapes-progressive.jpg", "shapes-progressive-decoded.png"},
                                           Decoded{"shapes.webp", "shapes-webp-decoded.png"},
                                           Decoded{"shapes-lossless.webp", "shapes-lossless-webp-decoded.png"}));

// What PIL reads of an interlaced PNG and of a PNG of 16 bits a sample (the README gives its values).
TEST(ReadImage, InterlacedAndSixteenBitPngsAsPil) {
  const bksdm::RgbImage interlaced = bksdm::read_image(kPil / "interlaced-3x2.png");
  EXPECT_EQ(interlaced.pixels, (std::vector<uint8_t>{0, 0, 200, 80, 0, 200, 160, 0, 200, 0, 120, 200, 80, 120, 200,
                                                      160, 120, 200}));
  EXPECT_EQ(bksdm::read_image(kPil / "rgb16-2x1.png").pixels, (std::vector<uint8_t>{18, 255, 0, 128, 127, 255}));
}

TEST(ReadImage, CmykJpegsAndAnimatedWebpsAreRefusedSayingWhy) {
  EXPECT_NE(error_of([] { bksdm::read_image(kPil / "shapes-cmyk.jpg"); }).find("shapes-cmyk.jpg: a CMYK JPEG"),
            std::string::npos);
  EXPECT_NE(error_of([] { bksdm::read_image(kPil / "shapes-animated.webp"); }).find("an animated WebP"),
            std::string::npos);
}

TEST(ReadImage, GreyBecomesThreeEqualChannels) {
  const bksdm::RgbImage grey = bksdm::read_image(kPil / "shapes-grey.png");
  ASSERT_EQ(grey.pixels.size(), size_t(96 * 64 * 3));
  for (size_t i = 0; i < grey.pixels.size(); i += 3) {
    ASSERT_EQ(grey.pixels[i], grey.pixels[i + 1]);
    ASSERT_EQ(grey.pixels[i], grey.pixels[i + 2]);
  }
  // PIL's convert("L") of the colour image made it: luma() is that conversion.
  const std::vector<uint8_t> luma = bksdm::luma(bksdm::read_image(kImages / "shapes-96x64.png"));
  for (size_t i = 0; i < luma.size(); ++i) ASSERT_EQ(luma[i], grey.pixels[i * 3]) << i;
}

class ResizesAsPil : public ::testing::TestWithParam<std::pair<int, int>> {};

// Down, up, one axis alone and a changed aspect: PIL's Lanczos to the byte.
TEST_P(ResizesAsPil, Lanczos) {
  const auto [width, height] = GetParam();
  const bksdm::RgbImage resized = bksdm::resized_lanczos(bksdm::read_image(kImages / "shapes-96x64.png"), width, height);
  const bksdm::RgbImage pil =
      bksdm::read_image(kPil / ("shapes-lanczos-" + std::to_string(width) + "x" + std::to_string(height) + ".png"));
  ASSERT_EQ(resized.width, width);
  ASSERT_EQ(resized.height, height);
  EXPECT_EQ(max_difference(resized, pil), 0);
}

INSTANTIATE_TEST_SUITE_P(Sizes, ResizesAsPil,
                         ::testing::Values(std::pair{40, 24}, std::pair{136, 88}, std::pair{96, 48}, std::pair{64, 64}));

TEST(ResizesAsPil, TheSameSizeIsACopy) {
  const bksdm::RgbImage image = bksdm::read_image(kImages / "shapes-96x64.png");
  EXPECT_EQ(bksdm::resized_lanczos(image, 96, 64), image);
}

// --- damaged and hostile files: one message naming the file, no crash ---

std::string read_error(const fs::path& path) {
  return error_of([&] { bksdm::read_image(path); });
}

TEST(ReadImage, DamagedFilesAreRefusedByName) {
  const TempDir dir("image-file");
  const std::string png = file_bytes(kImages / "shapes-96x64.png");
  const std::string jpeg = file_bytes(kPil / "shapes.jpg");
  const std::string webp = file_bytes(kPil / "shapes.webp");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"cut.png", png.substr(0, png.size() / 2)},
      {"cut.jpg", jpeg.substr(0, 200)},
      {"cut.webp", webp.substr(0, 40)},
      {"text.png", "not an image at all"},
      {"empty.png", ""},
      {"crc.png", png.substr(0, 40) + char(png[40] ^ 0x55) + png.substr(41)},
  };
  for (const auto& [name, bytes] : cases) {
    write_bytes(dir / name, bytes);
    const std::string message = read_error(dir / name);
    EXPECT_EQ(message.rfind((dir / name).string() + ": ", 0), 0u) << name << ": " << message;
  }
  EXPECT_NE(read_error(dir / "text.png").find("not a PNG, JPEG or WebP image"), std::string::npos);
  EXPECT_NE(read_error(dir / "empty.png").find("an empty file"), std::string::npos);
}

// A header that claims a huge image is refused before the pixels are allocated.
TEST(ReadImage, AClaimedHugeSizeIsRefusedBeforeAllocating) {
  const TempDir dir("image-file");
  std::string png = file_bytes(kImages / "shapes-96x64.png");
  // IHDR's width (bytes 16-19) to 100000, and its CRC (29-32) made right again.
  const uint32_t width = 100000;
  for (int i = 0; i < 4; ++i) png[size_t(16 + i)] = char(width >> (24 - 8 * i));
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(png.data() + 12), 17);
  for (int i = 0; i < 4; ++i) png[size_t(29 + i)] = char(crc >> (24 - 8 * i));
  write_bytes(dir / "huge.png", png);
  const std::string message = read_error(dir / "huge.png");
  EXPECT_EQ(message.rfind((dir / "huge.png").string() + ": ", 0), 0u) << message;
  EXPECT_NE(message.find("a PNG of 100000x64 pixels; images are read up to 8192 pixels a side"), std::string::npos) << message;
}

TEST(ReadImage, AFolderOrAFifoIsNotRead) {
  const TempDir dir("image-file");
  EXPECT_NE(read_error(dir.path()).find("is a folder, not a regular file"), std::string::npos);
  ASSERT_EQ(mkfifo((dir / "pipe.png").c_str(), 0600), 0);
  EXPECT_NE(read_error(dir / "pipe.png").find("is a FIFO"), std::string::npos);
}

}  // namespace
