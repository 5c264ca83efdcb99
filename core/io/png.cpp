#include "core/io/png.h"

#include "core/io/atomic_file.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>

#include <ATen/ATen.h>
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include "core/io/error.h"
#include "core/io/file_read.h"
#include "core/io/utf8.h"

namespace bksdm {
namespace {

constexpr std::string_view kSignature{"\x89PNG\r\n\x1a\n", 8};
// A prompt is a few kilobytes; this bounds what a hostile compressed chunk may expand to.
// The text read from one file, over all its chunks: a few small chunks of 16 MiB each would
// otherwise cost gigabytes.
constexpr size_t kMaxTextBytes = 16u << 20;
constexpr FileLimit kPngFile{1u << 30, "a PNG this program reads"};

[[noreturn]] void fail(std::string_view source, const std::string& what) {
  throw Error(std::string(source) + ": " + what);
}

// --- text encodings ---

std::string latin1_to_utf8(std::string_view latin1) {
  std::string utf8;
  for (char c : latin1) {
    const auto byte = uint8_t(c);
    if (byte < 0x80) {
      utf8 += c;
    } else {
      utf8 += char(0xC0 | byte >> 6);
      utf8 += char(0x80 | (byte & 0x3F));
    }
  }
  return utf8;
}

// The Latin-1 bytes of `code_points`, or nullopt when one lies past U+00FF.
std::optional<std::string> to_latin1(const std::vector<char32_t>& code_points) {
  std::string latin1;
  for (char32_t code_point : code_points) {
    if (code_point > 0xFF) return std::nullopt;
    latin1 += char(code_point);
  }
  return latin1;
}

bool valid_keyword(std::string_view latin1) {
  if (latin1.empty() || latin1.size() > 79 || latin1.front() == ' ' || latin1.back() == ' ') return false;
  if (latin1.find("  ") != std::string_view::npos) return false;
  return std::all_of(latin1.begin(), latin1.end(), [](char c) {
    const auto byte = uint8_t(c);
    return (byte >= 32 && byte <= 126) || byte >= 161;
  });
}

// --- chunks ---

void put_u32(std::string& out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out += char(value >> shift & 0xFF);
}

uint32_t get_u32(std::string_view bytes, size_t at) {
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) value = value << 8 | uint8_t(bytes[at + i]);
  return value;
}

uint32_t chunk_crc(std::string_view type, std::string_view data) {
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(type.data()), uInt(type.size()));
  // crc32 takes at most 4 GiB at a time; chunks stay below 2 GiB.
  crc = crc32(crc, reinterpret_cast<const Bytef*>(data.data()), uInt(data.size()));
  return uint32_t(crc);
}

void append_chunk(std::string& png, std::string_view type, std::string_view data) {
  if (data.size() > 0x7FFFFFFFu) throw Error("PNG chunk " + std::string(type) + " is over 2 GiB");
  put_u32(png, uint32_t(data.size()));
  png += type;
  png += data;
  put_u32(png, chunk_crc(type, data));
}

struct Chunk {
  std::string type, data;
};

Chunk text_chunk(const PngText& text) {
  const auto keyword = decode_utf8(text.keyword);
  const std::optional<std::string> keyword_latin1 = keyword ? to_latin1(*keyword) : std::nullopt;
  if (!keyword_latin1 || !valid_keyword(*keyword_latin1))
    throw Error("PNG text keyword \"" + text.keyword + "\" is not 1 to 79 printable Latin-1 characters");
  const auto code_points = decode_utf8(text.text);
  if (!code_points) throw Error("PNG text \"" + text.keyword + "\" is not valid UTF-8");
  if (text.text.find('\0') != std::string::npos) throw Error("PNG text \"" + text.keyword + "\" contains a NUL");

  const std::string keyword_field = *keyword_latin1 + '\0';
  if (const auto latin1 = to_latin1(*code_points)) return {"tEXt", keyword_field + *latin1};
  // Not compressed, no language tag, no translated keyword.
  return {"iTXt", keyword_field + std::string("\0\0\0\0", 4) + text.text};
}

// --- image data ---

uint8_t paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return uint8_t(a);
  return uint8_t(pb <= pc ? b : c);
}

// Each row with the filter whose output has the smallest sum of absolute (signed) bytes, the
// heuristic libpng uses by default.
std::string filtered_rows(const RgbImage& image) {
  const size_t stride = size_t(image.width) * 3;
  std::string out;
  out.reserve((stride + 1) * size_t(image.height));
  const std::vector<uint8_t> zeros(stride, 0);
  std::array<std::vector<uint8_t>, 5> candidates;
  for (auto& candidate : candidates) candidate.resize(stride);
  for (size_t y = 0; y < size_t(image.height); ++y) {
    const uint8_t* row = image.pixels.data() + y * stride;
    const uint8_t* above = y > 0 ? row - stride : zeros.data();
    for (size_t x = 0; x < stride; ++x) {
      const int left = x >= 3 ? row[x - 3] : 0;
      const int up = above[x];
      const int up_left = x >= 3 ? above[x - 3] : 0;
      candidates[0][x] = row[x];
      candidates[1][x] = uint8_t(row[x] - left);
      candidates[2][x] = uint8_t(row[x] - up);
      candidates[3][x] = uint8_t(row[x] - (left + up) / 2);
      candidates[4][x] = uint8_t(row[x] - paeth(left, up, up_left));
    }
    size_t best = 0;
    uint64_t best_cost = UINT64_MAX;
    for (size_t f = 0; f < candidates.size(); ++f) {
      uint64_t cost = 0;
      for (uint8_t byte : candidates[f]) cost += byte < 128 ? byte : 256 - byte;
      if (cost < best_cost) {
        best = f;
        best_cost = cost;
      }
    }
    out += char(best);
    out.append(reinterpret_cast<const char*>(candidates[best].data()), stride);
  }
  return out;
}

std::string zlib_compress(std::string_view data) {
  uLongf size = compressBound(uLong(data.size()));
  std::string out(size, '\0');
  const int status = compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                               uLong(data.size()), Z_DEFAULT_COMPRESSION);
  if (status != Z_OK) throw Error("PNG: zlib compression failed (" + std::to_string(status) + ")");
  out.resize(size);
  return out;
}

// The text of a zlib stream, refusing a damaged stream and more than `limit` bytes of text.
std::string inflate_text(std::string_view data, size_t limit, std::string_view source, const std::string& what) {
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) fail(source, what + ": zlib cannot start");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = uInt(data.size());
  std::string out;
  std::array<char, 16384> buffer;
  int status = Z_OK;
  while (status == Z_OK && out.size() <= limit) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
    stream.avail_out = uInt(buffer.size());
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer.data(), buffer.size() - stream.avail_out);
  }
  inflateEnd(&stream);
  if (out.size() > limit)
    fail(source, what + " expands past " + std::to_string(kMaxTextBytes >> 20) + " MiB, the most text read from one file");
  if (status != Z_STREAM_END) fail(source, what + " holds a damaged zlib stream");
  return out;
}

// --- files ---

// A text chunk whose keyword is wanted (all are when `keywords` is empty), or nullopt; `budget`,
// the text still allowed from this file, shrinks by what it holds.
std::optional<PngText> parse_text_chunk(std::string_view type, std::string_view data, std::string_view source,
                                        size_t offset, const std::vector<std::string>& keywords, size_t& budget) {
  const std::string where = std::string(type) + " chunk at offset " + std::to_string(offset);
  const size_t nul = data.find('\0');
  if (nul == std::string_view::npos) fail(source, where + " has no keyword terminator");
  if (nul == 0 || nul > 79) fail(source, where + " has a keyword of " + std::to_string(nul) + " bytes (1 to 79)");
  PngText text{latin1_to_utf8(data.substr(0, nul)), {}};
  if (!keywords.empty() && std::find(keywords.begin(), keywords.end(), text.keyword) == keywords.end())
    return std::nullopt;
  const std::string what = where + " (\"" + text.keyword + "\")";
  std::string_view rest = data.substr(nul + 1);

  if (type == "tEXt") {
    text.text = latin1_to_utf8(rest);
  } else if (type == "zTXt") {
    if (rest.empty() || rest[0] != 0) fail(source, what + " has an unknown compression method");
    text.text = latin1_to_utf8(inflate_text(rest.substr(1), budget, source, what));
  } else {
    if (rest.size() < 2) fail(source, what + " ends before its compression fields");
    const auto flag = uint8_t(rest[0]), method = uint8_t(rest[1]);
    if (flag > 1 || (flag == 1 && method != 0)) fail(source, what + " has an unknown compression flag or method");
    rest.remove_prefix(2);
    for (const char* field : {"language tag", "translated keyword"}) {
      const size_t end = rest.find('\0');
      if (end == std::string_view::npos) fail(source, what + " has an unterminated " + field);
      rest.remove_prefix(end + 1);
    }
    text.text = flag ? inflate_text(rest, budget, source, what) : std::string(rest);
    if (!decode_utf8(text.text)) fail(source, what + " is not valid UTF-8");
  }
  if (text.text.size() > budget)
    fail(source, what + " takes the text past " + std::to_string(kMaxTextBytes >> 20) + " MiB, the most read from one file");
  budget -= text.text.size();
  return text;
}

std::vector<PngText> parse_text_chunks(std::string_view bytes, std::string_view source,
                                       const std::vector<std::string>& keywords) {
  if (bytes.substr(0, kSignature.size()) != kSignature) fail(source, "not a PNG file (no PNG signature)");
  std::vector<PngText> texts;
  size_t budget = kMaxTextBytes;
  for (size_t offset = kSignature.size();;) {
    if (bytes.size() - offset < 8) fail(source, "truncated at offset " + std::to_string(offset) + " (no IEND chunk)");
    const uint32_t length = get_u32(bytes, offset);
    const std::string_view type = bytes.substr(offset + 4, 4);
    const std::string where = "chunk at offset " + std::to_string(offset);
    if (!std::all_of(type.begin(), type.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }))
      fail(source, where + " has an invalid type");
    if (length > 0x7FFFFFFFu || uint64_t(length) + 4 > bytes.size() - offset - 8)
      fail(source,
           std::string(type) + " " + where + " claims " + std::to_string(length) + " bytes, past the end of the file");
    const std::string_view data = bytes.substr(offset + 8, length);
    if (chunk_crc(type, data) != get_u32(bytes, offset + 8 + length))
      fail(source, std::string(type) + " " + where + " has a bad CRC");
    if (offset == kSignature.size() && type != "IHDR")
      fail(source, "the first chunk is " + std::string(type) + ", not IHDR");
    if (type == "IEND") return texts;
    if (type == "tEXt" || type == "zTXt" || type == "iTXt")
      if (std::optional<PngText> text = parse_text_chunk(type, data, source, offset, keywords, budget))
        texts.push_back(std::move(*text));
    offset += 12 + size_t(length);
  }
}

}  // namespace

RgbImage to_rgb_image(const at::Tensor& image) {
  if (image.dim() != 3 || image.size(0) != 3)
    throw Error("an RGB image tensor must be [3,H,W], got " + std::to_string(image.dim()) + " dimensions");
  const at::Tensor bytes =
      (image.to(at::kCPU, at::kFloat) * 255).round().clamp(0, 255).to(at::kByte).permute({1, 2, 0}).contiguous();
  RgbImage rgb;
  rgb.height = int(image.size(1));
  rgb.width = int(image.size(2));
  rgb.pixels.assign(bytes.data_ptr<uint8_t>(), bytes.data_ptr<uint8_t>() + bytes.numel());
  return rgb;
}

std::string encode_png(const RgbImage& image, const std::vector<PngText>& texts) {
  if (image.width <= 0 || image.height <= 0 || image.pixels.size() != size_t(image.width) * size_t(image.height) * 3)
    throw Error("PNG: a " + std::to_string(image.width) + "x" + std::to_string(image.height) +
                " RGB image needs width * height * 3 bytes, got " + std::to_string(image.pixels.size()));
  std::string png(kSignature);
  std::string header;
  put_u32(header, uint32_t(image.width));
  put_u32(header, uint32_t(image.height));
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, adaptive filters, no interlace
  append_chunk(png, "IHDR", header);
  for (const PngText& text : texts) {
    const Chunk chunk = text_chunk(text);
    append_chunk(png, chunk.type, chunk.data);
  }
  append_chunk(png, "IDAT", zlib_compress(filtered_rows(image)));
  append_chunk(png, "IEND", "");
  return png;
}

void write_png(const std::filesystem::path& path, const RgbImage& image, const std::vector<PngText>& texts) {
  const std::string bytes = encode_png(image, texts);
  write_file_atomically(path, {bytes});
}

std::vector<PngText> parse_png_text(std::string_view bytes, std::string_view source,
                                    const std::vector<std::string>& keywords) {
  try {
    return parse_text_chunks(bytes, source, keywords);
  } catch (const std::bad_alloc&) {
    fail(source, "not enough memory to read its text");
  }
}

std::vector<PngText> read_png_text(const std::filesystem::path& path, const std::vector<std::string>& keywords) {
  return parse_png_text(read_regular_file(path, kPngFile), path.string(), keywords);
}

}  // namespace bksdm
