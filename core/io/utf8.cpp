#include "core/io/utf8.h"

#include <array>
#include <cstdint>
#include <cstdio>

namespace bksdm {
namespace {

struct Character {
  char32_t code_point = 0;
  size_t length = 0;  // 0: the bytes at that place are not a valid UTF-8 character
};

// The valid UTF-8 character (no overlong form, surrogate or value past U+10FFFF) at text[at].
Character character_at(std::string_view text, size_t at) {
  const auto byte = uint8_t(text[at]);
  const size_t length = byte < 0x80 ? 1 : byte >> 5 == 0x6 ? 2 : byte >> 4 == 0xE ? 3 : byte >> 3 == 0x1E ? 4 : 0;
  if (length == 0 || at + length > text.size()) return {};
  char32_t code_point = length == 1 ? byte : byte & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    const auto next = uint8_t(text[at + k]);
    if (next >> 6 != 0x2) return {};
    code_point = code_point << 6 | (next & 0x3F);
  }
  static constexpr std::array<char32_t, 5> kSmallest = {0, 0, 0x80, 0x800, 0x10000};
  if (code_point < kSmallest[length] || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
    return {};
  return {code_point, length};
}

}  // namespace

std::optional<std::vector<char32_t>> decode_utf8(std::string_view text) {
  std::vector<char32_t> code_points;
  for (size_t i = 0; i < text.size();) {
    const Character character = character_at(text, i);
    if (character.length == 0) return std::nullopt;
    code_points.push_back(character.code_point);
    i += character.length;
  }
  return code_points;
}

bool is_valid_utf8(std::string_view text) { return decode_utf8(text).has_value(); }

std::string utf8_escaped(std::string_view bytes) {
  std::string text;
  text.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    const size_t length = character_at(bytes, i).length;
    if (length > 0) {
      text.append(bytes.substr(i, length));
      i += length;
      continue;
    }
    char escaped[5];
    std::snprintf(escaped, sizeof escaped, "\\x%02x", unsigned(uint8_t(bytes[i])));
    text += escaped;
    ++i;
  }
  return text;
}

std::string path_text(const std::filesystem::path& path) { return utf8_escaped(path.native()); }

}  // namespace bksdm
