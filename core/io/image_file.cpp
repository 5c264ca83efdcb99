#include "core/io/image_file.h"

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <string>

#include <jpeglib.h>
#include <png.h>
#include <webp/decode.h>

#include "core/io/error.h"

namespace bksdm {
namespace {

// A progressive JPEG may have any number of scans, each a pass over the whole image: libjpeg-turbo
// advises a limit against files made to take minutes.
constexpr int kMaxJpegScans = 500;

[[noreturn]] void fail(std::string_view source, const std::string& what) {
  throw Error(std::string(source) + ": " + what);
}

void check_size(std::string_view source, const char* kind, long width, long height) {
  if (width < 1 || height < 1 || width > kMaxImageSide || height > kMaxImageSide)
    fail(source, std::string("a ") + kind + " of " + std::to_string(width) + "x" + std::to_string(height) +
                     " pixels; images are read up to " + std::to_string(kMaxImageSide) + " pixels a side");
}

RgbImage blank(long width, long height) {
  return {int(width), int(height), std::vector<uint8_t>(size_t(width) * size_t(height) * 3)};
}

// --- PNG (libpng). libpng reports errors by longjmp: nothing in the frames it may jump over owns
// memory, and what the decode fills is owned by the caller.

struct PngInput {
  std::string_view bytes;
  size_t offset = 0;
  std::string error;
};

void png_read_bytes(png_structp png, png_bytep out, size_t length) {
  auto* input = static_cast<PngInput*>(png_get_io_ptr(png));
  if (length > input->bytes.size() - input->offset) png_error(png, "the file ends inside the image");
  std::memcpy(out, input->bytes.data() + input->offset, length);
  input->offset += length;
}

void png_record_error(png_structp png, png_const_charp message) {
  static_cast<PngInput*>(png_get_error_ptr(png))->error = message;
  png_longjmp(png, 1);
}

void png_ignore_warning(png_structp, png_const_charp) {}

struct PngReader {
  png_structp png = nullptr;
  png_infop info = nullptr;
  ~PngReader() { png_destroy_read_struct(&png, &info, nullptr); }
};

// The header into `image` (blank, of the checked size), then the rows; false on a libpng error.
bool decode_png_into(PngReader& reader, PngInput& input, std::string_view source, RgbImage& image,
                     std::vector<png_bytep>& rows) {
  if (setjmp(png_jmpbuf(reader.png))) return false;
  png_set_read_fn(reader.png, &input, png_read_bytes);
  png_read_info(reader.png, reader.info);
  const png_uint_32 width = png_get_image_width(reader.png, reader.info);
  const png_uint_32 height = png_get_image_height(reader.png, reader.info);
  check_size(source, "PNG", long(width), long(height));  // before libpng allocates its rows
  png_set_expand(reader.png);
  png_set_strip_16(reader.png);
  png_set_strip_alpha(reader.png);
  png_set_gray_to_rgb(reader.png);
  png_set_interlace_handling(reader.png);
  png_read_update_info(reader.png, reader.info);
  if (png_get_rowbytes(reader.png, reader.info) != size_t(width) * 3) png_error(reader.png, "unexpected row layout");
  image = blank(long(width), long(height));
  rows.resize(height);
  for (png_uint_32 y = 0; y < height; ++y) rows[y] = image.pixels.data() + size_t(y) * width * 3;
  png_read_image(reader.png, rows.data());
  png_read_end(reader.png, nullptr);
  return true;
}

RgbImage decode_png(std::string_view bytes, std::string_view source) {
  PngInput input{bytes, 0, {}};
  PngReader reader;
  reader.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &input, png_record_error, png_ignore_warning);
  if (reader.png) reader.info = png_create_info_struct(reader.png);
  if (!reader.info) fail(source, "out of memory reading the PNG");
  RgbImage image;
  std::vector<png_bytep> rows;
  if (!decode_png_into(reader, input, source, image, rows)) fail(source, "a damaged PNG (" + input.error + ")");
  return image;
}

// --- JPEG (libjpeg-turbo). Its errors also leave by longjmp, under the same rule; our own checks
// throw, which leaves no libjpeg frame behind.

struct JpegErrors {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
  std::string message;
};

void jpeg_record_error(j_common_ptr info) {
  auto* errors = reinterpret_cast<JpegErrors*>(info->err);
  char text[JMSG_LENGTH_MAX];
  (*info->err->format_message)(info, text);
  errors->message = text;
  std::longjmp(errors->jump, 1);
}

void jpeg_quiet(j_common_ptr, int) {}

void jpeg_limit_scans(j_common_ptr info) {
  auto* decompress = reinterpret_cast<j_decompress_ptr>(info);
  if (decompress->input_scan_number > kMaxJpegScans) {
    auto* errors = reinterpret_cast<JpegErrors*>(info->err);
    errors->message = "more than " + std::to_string(kMaxJpegScans) + " scans";
    std::longjmp(errors->jump, 1);
  }
}

struct JpegReader {
  jpeg_decompress_struct info{};
  JpegErrors errors{};
  jpeg_progress_mgr progress{};
  ~JpegReader() { jpeg_destroy_decompress(&info); }
};

bool decode_jpeg_into(JpegReader& reader, std::string_view bytes, std::string_view source, RgbImage& image) {
  if (setjmp(reader.errors.jump)) return false;
  jpeg_mem_src(&reader.info, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&reader.info, TRUE);
  if (reader.info.jpeg_color_space == JCS_CMYK || reader.info.jpeg_color_space == JCS_YCCK)
    fail(source, "a CMYK JPEG, which is read as RGB only; save it as RGB first");
  check_size(source, "JPEG", long(reader.info.image_width), long(reader.info.image_height));
  reader.info.out_color_space = JCS_RGB;
  jpeg_start_decompress(&reader.info);
  image = blank(long(reader.info.output_width), long(reader.info.output_height));
  while (reader.info.output_scanline < reader.info.output_height) {
    JSAMPROW row = image.pixels.data() + size_t(reader.info.output_scanline) * size_t(image.width) * 3;
    jpeg_read_scanlines(&reader.info, &row, 1);
  }
  jpeg_finish_decompress(&reader.info);
  return true;
}

RgbImage decode_jpeg(std::string_view bytes, std::string_view source) {
  JpegReader reader;
  reader.info.err = jpeg_std_error(&reader.errors.manager);
  reader.errors.manager.error_exit = jpeg_record_error;
  reader.errors.manager.emit_message = jpeg_quiet;
  jpeg_create_decompress(&reader.info);
  reader.progress.progress_monitor = jpeg_limit_scans;
  reader.info.progress = &reader.progress;
  RgbImage image;
  if (!decode_jpeg_into(reader, bytes, source, image)) fail(source, "a damaged JPEG (" + reader.errors.message + ")");
  return image;
}

// --- WebP (libwebp), which reports errors by return values.

RgbImage decode_webp(std::string_view bytes, std::string_view source) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  WebPBitstreamFeatures features;
  if (WebPGetFeatures(data, bytes.size(), &features) != VP8_STATUS_OK) fail(source, "a damaged WebP");
  if (features.has_animation) fail(source, "an animated WebP; save one frame as an image first");
  check_size(source, "WebP", features.width, features.height);
  RgbImage image = blank(features.width, features.height);
  if (!WebPDecodeRGBInto(data, bytes.size(), image.pixels.data(), image.pixels.size(), image.width * 3))
    fail(source, "a damaged WebP");
  return image;
}

bool starts_with(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

}  // namespace

std::string_view image_kind(std::string_view bytes) {
  if (starts_with(bytes, std::string_view("\x89PNG\r\n\x1a\n", 8))) return "png";
  if (starts_with(bytes, "\xFF\xD8\xFF")) return "jpg";
  if (starts_with(bytes, "RIFF") && bytes.size() >= 12 && bytes.substr(8, 4) == "WEBP") return "webp";
  return "";
}

RgbImage decode_image(std::string_view bytes, std::string_view source) {
  const std::string_view kind = image_kind(bytes);
  if (kind == "png") return decode_png(bytes, source);
  if (kind == "jpg") return decode_jpeg(bytes, source);
  if (kind == "webp") return decode_webp(bytes, source);
  fail(source, bytes.empty() ? "an empty file, not an image" : "not a PNG, JPEG or WebP image");
}

RgbImage read_image(const std::filesystem::path& path) {
  return decode_image(read_regular_file(path, kImageFile), path.string());
}

}  // namespace bksdm
