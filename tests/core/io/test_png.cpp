// The PNG writer (pixels, text chunks, atomic writes) and the text-chunk reader, hostile files included.
#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/io/error.h"
#include "core/io/png.h"

namespace fs = std::filesystem;
using bksdm::PngText;
using bksdm::RgbImage;

namespace {

RgbImage test_image(int width, int height) {
  RgbImage image{width, height, {}};
  std::mt19937 random(7);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      // Smooth ramps (where the filters pay off) plus a little noise.
      image.pixels.push_back(uint8_t(x * 255 / std::max(width - 1, 1)));
      image.pixels.push_back(uint8_t(y * 255 / std::max(height - 1, 1)));
      image.pixels.push_back(uint8_t(random() % 256));
    }
  return image;
}

uint32_t u32(std::string_view bytes, size_t at) {
  return uint32_t(uint8_t(bytes[at])) << 24 | uint32_t(uint8_t(bytes[at + 1])) << 16 |
         uint32_t(uint8_t(bytes[at + 2])) << 8 | uint8_t(bytes[at + 3]);
}

struct RawChunk {
  std::string type, data;
};

std::vector<RawChunk> chunks_of(std::string_view png) {
  std::vector<RawChunk> chunks;
  for (size_t at = 8; at + 12 <= png.size();) {
    const uint32_t length = u32(png, at);
    chunks.push_back({std::string(png.substr(at + 4, 4)), std::string(png.substr(at + 8, length))});
    at += 12 + length;
  }
  return chunks;
}

std::string chunk(std::string_view type, std::string_view data) {
  std::string out;
  for (int shift = 24; shift >= 0; shift -= 8) out += char(data.size() >> shift & 0xFF);
  out += type;
  out += data;
  uLong crc = crc32(0, reinterpret_cast<const Bytef*>(type.data()), uInt(type.size()));
  crc = crc32(crc, reinterpret_cast<const Bytef*>(data.data()), uInt(data.size()));
  for (int shift = 24; shift >= 0; shift -= 8) out += char(crc >> shift & 0xFF);
  return out;
}

std::string deflate(std::string_view data) {
  uLongf size = compressBound(uLong(data.size()));
  std::string out(size, '\0');
  compress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
           uLong(data.size()));
  out.resize(size);
  return out;
}

// A PNG made of the signature, a valid IHDR, `middle` and IEND.
std::string png_with(const std::string& middle) {
  const std::string png = bksdm::encode_png(test_image(2, 2));
  const std::vector<RawChunk> chunks = chunks_of(png);
  return png.substr(0, 8) + chunk("IHDR", chunks[0].data) + middle + chunk("IDAT", chunks[1].data) + chunk("IEND", "");
}

// Decodes the image data of one of our PNGs (8-bit RGB, not interlaced): inflate, then undo each
// row's filter.
RgbImage decode_pixels(std::string_view png) {
  const std::vector<RawChunk> chunks = chunks_of(png);
  RgbImage image{int(u32(chunks[0].data, 0)), int(u32(chunks[0].data, 4)), {}};
  std::string compressed;
  for (const RawChunk& c : chunks)
    if (c.type == "IDAT") compressed += c.data;
  const size_t stride = size_t(image.width) * 3;
  std::string raw((stride + 1) * size_t(image.height), '\0');
  uLongf size = uLongf(raw.size());
  EXPECT_EQ(uncompress(reinterpret_cast<Bytef*>(raw.data()), &size, reinterpret_cast<const Bytef*>(compressed.data()),
                       uLong(compressed.size())),
            Z_OK);
  std::vector<uint8_t> previous(stride, 0);
  for (size_t y = 0; y < size_t(image.height); ++y) {
    const auto filter = uint8_t(raw[y * (stride + 1)]);
    std::vector<uint8_t> row(stride);
    for (size_t x = 0; x < stride; ++x) {
      const int a = x >= 3 ? row[x - 3] : 0, b = previous[x], c = x >= 3 ? previous[x - 3] : 0;
      const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
      const int predictor = filter == 0   ? 0
                            : filter == 1 ? a
                            : filter == 2 ? b
                            : filter == 3 ? (a + b) / 2
                                          : (pa <= pb && pa <= pc ? a
                                             : pb <= pc           ? b
                                                                  : c);
      EXPECT_LE(filter, 4);
      row[x] = uint8_t(uint8_t(raw[y * (stride + 1) + 1 + x]) + predictor);
    }
    image.pixels.insert(image.pixels.end(), row.begin(), row.end());
    previous = row;
  }
  return image;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void expect_parse_error(const std::string& bytes, const std::string& fragment) {
  try {
    bksdm::parse_png_text(bytes, "test.png");
    ADD_FAILURE() << "expected an error containing '" << fragment << "'";
  } catch (const bksdm::Error& error) {
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("test.png"), std::string::npos) << error.what();
  }
}

class PngFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bksdm-png-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }
  std::vector<std::string> names() const {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(dir_)) found.push_back(entry.path().filename().string());
    std::sort(found.begin(), found.end());
    return found;
  }
  fs::path dir_;
};

TEST(PngEncode, PixelsSurviveEveryFilter) {
  for (auto [width, height] : {std::pair{1, 1}, {3, 2}, {64, 48}, {97, 13}}) {
    const RgbImage image = test_image(width, height);
    const std::string png = bksdm::encode_png(image);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    const RgbImage decoded = decode_pixels(png);
    EXPECT_EQ(decoded.width, width);
    EXPECT_EQ(decoded.height, height);
    EXPECT_EQ(decoded.pixels, image.pixels);
  }
}

TEST(PngEncode, HeaderAndChunkOrder) {
  const std::string png = bksdm::encode_png(test_image(5, 3), {{"parameters", "x"}, {"Software", "y"}});
  const std::vector<RawChunk> chunks = chunks_of(png);
  ASSERT_EQ(chunks.size(), 5u);
  EXPECT_EQ(chunks[0].type, "IHDR");
  EXPECT_EQ(chunks[0].data, std::string("\0\0\0\x05\0\0\0\x03\x08\x02\0\0\0", 13));
  EXPECT_EQ(chunks[1].type, "tEXt");
  EXPECT_EQ(chunks[2].type, "tEXt");
  EXPECT_EQ(chunks[3].type, "IDAT");
  EXPECT_EQ(chunks[4].type, "IEND");
}

TEST(PngEncode, BadImagesAndTextsAreRefused) {
  EXPECT_THROW(bksdm::encode_png(RgbImage{2, 2, std::vector<uint8_t>(11)}), bksdm::Error);
  EXPECT_THROW(bksdm::encode_png(RgbImage{0, 2, {}}), bksdm::Error);
  const RgbImage image = test_image(2, 2);
  for (const char* keyword : {"", " lead", "trail ", "two  spaces", "tab\there", "snow\xe2\x98\x83"})
    EXPECT_THROW(bksdm::encode_png(image, {{keyword, "text"}}), bksdm::Error) << keyword;
  EXPECT_THROW(bksdm::encode_png(image, {{std::string(80, 'k'), "text"}}), bksdm::Error);
  EXPECT_NO_THROW(bksdm::encode_png(image, {{std::string(79, 'k'), "text"}}));
  EXPECT_NO_THROW(bksdm::encode_png(image, {{"Caf\xc3\xa9 key", "text"}}));  // Latin-1 keyword
  EXPECT_THROW(bksdm::encode_png(image, {{"k", "bad \xff utf-8"}}), bksdm::Error);
  EXPECT_THROW(bksdm::encode_png(image, {{"k", "over\xc0\xaflong"}}), bksdm::Error);
  EXPECT_THROW(bksdm::encode_png(image, {{"k", std::string("nul\0inside", 10)}}), bksdm::Error);
}

// Latin-1 text goes in tEXt (as Latin-1 bytes), anything beyond in iTXt (as UTF-8), as PIL does.
TEST(PngText, LatinOneInTextElseInternational) {
  const std::vector<PngText> texts = {
      {"parameters", "a caf\xc3\xa9 at night\nNegative prompt: blurry"},     // é is Latin-1
      {"Comment", "\xe6\xa1\x9c\xe3\x81\xae\xe6\x9c\xa8 \xf0\x9f\x8c\xb8"},  // 桜の木 🌸
      {"Title", ""},
  };
  const std::string png = bksdm::encode_png(test_image(3, 3), texts);
  const std::vector<RawChunk> chunks = chunks_of(png);
  EXPECT_EQ(chunks[1].type, "tEXt");
  EXPECT_EQ(chunks[1].data, std::string("parameters\0a caf\xe9 at night\nNegative prompt: blurry", 50));
  EXPECT_EQ(chunks[2].type, "iTXt");
  EXPECT_EQ(chunks[2].data.substr(0, 12), std::string("Comment\0\0\0\0\0", 12));
  EXPECT_EQ(chunks[3].type, "tEXt");
  EXPECT_EQ(bksdm::parse_png_text(png, "memory"), texts);
}

TEST(PngText, ReadsCompressedChunks) {
  const std::string ztxt = chunk("zTXt", std::string("Comment\0\0", 9) + deflate("caf\xe9 z"));
  const std::string itxt =
      chunk("iTXt", std::string("parameters\0\x01\0en\0Parameter\0", 26) + deflate("\xe2\x98\x83 snow"));
  const std::string plain = chunk("iTXt", std::string("k\0\0\0\0\0plain", 11));
  const std::vector<PngText> texts = bksdm::parse_png_text(png_with(ztxt + itxt + plain), "memory");
  EXPECT_EQ(texts,
            (std::vector<PngText>{{"Comment", "caf\xc3\xa9 z"}, {"parameters", "\xe2\x98\x83 snow"}, {"k", "plain"}}));
}

TEST(PngText, HostileFilesGiveClearErrors) {
  const std::string good = png_with(chunk("tEXt", std::string("k\0v", 3)));
  ASSERT_EQ(bksdm::parse_png_text(good, "memory").size(), 1u);

  expect_parse_error("GIF89a", "not a PNG");
  expect_parse_error(good.substr(0, good.size() - 12), "no IEND");
  std::string bad_crc = good;
  bad_crc[good.size() - 20] ^= 1;
  expect_parse_error(bad_crc, "bad CRC");
  std::string huge = good;
  huge[8] = '\x7f';  // the IHDR claims ~2 GiB
  expect_parse_error(huge, "past the end of the file");
  expect_parse_error(std::string(good.substr(0, 8)) + chunk("tEXt", std::string("k\0v", 3)), "not IHDR");
  expect_parse_error(png_with(chunk("tE1t", "")), "invalid type");
  expect_parse_error(png_with(chunk("tEXt", "no terminator")), "no keyword terminator");
  expect_parse_error(png_with(chunk("tEXt", std::string("\0text", 5))), "keyword of 0 bytes");
  expect_parse_error(png_with(chunk("tEXt", std::string(80, 'k') + '\0')), "keyword of 80 bytes");
  expect_parse_error(png_with(chunk("zTXt", std::string("k\0\x01", 3) + deflate("x"))), "compression method");
  expect_parse_error(png_with(chunk("zTXt", std::string("k\0\0garbage", 10))), "damaged zlib stream");
  const std::string truncated_stream = deflate(std::string(1000, 'a')).substr(0, 5);
  expect_parse_error(png_with(chunk("zTXt", std::string("k\0\0", 3) + truncated_stream)), "damaged zlib stream");
  expect_parse_error(png_with(chunk("iTXt", std::string("k\0\x02\0\0\0", 6))), "compression flag");
  expect_parse_error(png_with(chunk("iTXt", std::string("k\0\0\0en", 6))), "unterminated language tag");
  expect_parse_error(png_with(chunk("iTXt", std::string("k\0\0\0\0", 5))), "unterminated translated keyword");
  expect_parse_error(png_with(chunk("iTXt", std::string("k\0\0", 3))), "compression fields");
  expect_parse_error(png_with(chunk("iTXt", std::string("k\0\0\0\0\0\xff", 7))), "not valid UTF-8");
  // A small chunk that inflates to 20 MiB is refused.
  expect_parse_error(png_with(chunk("zTXt", std::string("k\0\0", 3) + deflate(std::string(20u << 20, 'a')))),
                     "expands past 16 MiB");
}

// Every truncation and every single-byte change of a valid file is either read or refused with a
// bksdm::Error: never a crash or another exception.
TEST(PngText, DamagedFilesNeverCrash) {
  const std::string good = png_with(chunk("tEXt", std::string("parameters\0steps", 16)) +
                                    chunk("zTXt", std::string("z\0\0", 3) + deflate("compressed")) +
                                    chunk("iTXt", std::string("i\0\x01\0\0\0", 6) + deflate("\xc3\xa9")));
  for (size_t size = 0; size < good.size(); ++size)
    EXPECT_THROW(bksdm::parse_png_text(good.substr(0, size), "cut"), bksdm::Error) << size;
  std::mt19937 random(11);
  for (int trial = 0; trial < 3000; ++trial) {
    std::string damaged = good;
    damaged[random() % damaged.size()] = char(random());
    try {
      bksdm::parse_png_text(damaged, "damaged");
    } catch (const bksdm::Error&) {
    }
  }
}

TEST_F(PngFiles, WriteThenReadBack) {
  const fs::path path = dir_ / "image.png";
  const RgbImage image = test_image(16, 8);
  bksdm::write_png(path, image, {{"parameters", "a \xe2\x98\x83"}});
  EXPECT_EQ(bksdm::read_png_text(path), (std::vector<PngText>{{"parameters", "a \xe2\x98\x83"}}));
  EXPECT_EQ(decode_pixels(read_file(path)).pixels, image.pixels);
  EXPECT_EQ(names(), std::vector<std::string>{"image.png"});
  // Overwriting replaces it.
  bksdm::write_png(path, image, {{"parameters", "second"}});
  EXPECT_EQ(bksdm::read_png_text(path)[0].text, "second");
  EXPECT_EQ(names(), std::vector<std::string>{"image.png"});
  // The permissions are the usual ones (the umask's), not a temporary file's 0600.
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  EXPECT_EQ(info.st_mode & 0777, 0666 & ~mask);
  EXPECT_THROW(bksdm::read_png_text(dir_ / "missing.png"), bksdm::Error);
}

void expect_write_error(const fs::path& path, const RgbImage& image) {
  try {
    bksdm::write_png(path, image, {{"parameters", "new"}});
    ADD_FAILURE() << "expected a write error for " << path;
  } catch (const bksdm::Error& error) {
    EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
  }
}

TEST_F(PngFiles, MissingFolderIsAnErrorNamingTheFile) {
  expect_write_error(dir_ / "no-such-folder" / "image.png", test_image(4, 4));
  EXPECT_TRUE(names().empty());
}

TEST_F(PngFiles, ReadOnlyFolderKeepsTheOldFile) {
  const fs::path path = dir_ / "image.png";
  bksdm::write_png(path, test_image(4, 4), {{"parameters", "old"}});
  const std::string old_bytes = read_file(path);
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  if (::access(dir_.c_str(), W_OK) == 0) GTEST_SKIP() << "running with privileges that ignore folder permissions";
  expect_write_error(path, test_image(4, 4));
  EXPECT_EQ(read_file(path), old_bytes);
}

TEST_F(PngFiles, DirectoryInTheWayIsAnError) {
  fs::create_directory(dir_ / "taken.png");
  expect_write_error(dir_ / "taken.png", test_image(4, 4));
  EXPECT_EQ(names(), std::vector<std::string>{"taken.png"});
}

// A disk that fills up mid-write, simulated with a file size limit: the error names the file, the
// old file is untouched and no temporary file is left behind.
TEST_F(PngFiles, FailureMidWriteLeavesTheOldFileIntact) {
  const fs::path path = dir_ / "image.png";
  bksdm::write_png(path, test_image(4, 4), {{"parameters", "old"}});
  const std::string old_bytes = read_file(path);

  const RgbImage big = test_image(256, 256);  // about 100 kB even compressed (noise)
  rlimit previous{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &previous), 0);
  const auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit limited = previous;
  limited.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &limited), 0);
  expect_write_error(path, big);
  ::setrlimit(RLIMIT_FSIZE, &previous);
  std::signal(SIGXFSZ, previous_handler);

  EXPECT_EQ(read_file(path), old_bytes);
  EXPECT_EQ(names(), std::vector<std::string>{"image.png"});
}

TEST(PngImage, TensorsRoundLikeDiffusers) {
  // x * 255 rounded half to even: 0.5 -> 0, 1.5 -> 2, 2.5 -> 2; out-of-range values clamp.
  const at::Tensor image = at::tensor({0.5f / 255, 1.5f / 255, 2.5f / 255, 1.0f, -0.1f, 1.2f}).view({3, 1, 2});
  const RgbImage rgb = bksdm::to_rgb_image(image);
  EXPECT_EQ(rgb.width, 2);
  EXPECT_EQ(rgb.height, 1);
  // Interleaved per pixel: R G B of pixel 0, then pixel 1.
  EXPECT_EQ(rgb.pixels, (std::vector<uint8_t>{0, 2, 0, 2, 255, 255}));
  EXPECT_THROW(bksdm::to_rgb_image(at::zeros({1, 3, 2, 2})), bksdm::Error);
}

}  // namespace
