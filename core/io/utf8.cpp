#include "core/io/utf8.h"

#include <array>
#include <cstdint>

namespace bksdm {

std::optional<std::vector<char32_t>> decode_utf8(std::string_view text) {
  std::vector<char32_t> code_points;
  for (size_t i = 0; i < text.size();) {
    const auto byte = uint8_t(text[i]);
    const int length = byte < 0x80 ? 1 : byte >> 5 == 0x6 ? 2 : byte >> 4 == 0xE ? 3 : byte >> 3 == 0x1E ? 4 : 0;
    if (length == 0 || i + size_t(length) > text.size()) return std::nullopt;
    char32_t code_point = length == 1 ? byte : byte & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
      const auto next = uint8_t(text[i + size_t(k)]);
      if (next >> 6 != 0x2) return std::nullopt;
      code_point = code_point << 6 | (next & 0x3F);
    }
    static constexpr std::array<char32_t, 5> kSmallest = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < kSmallest[size_t(length)] || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF))
      return std::nullopt;
    code_points.push_back(code_point);
    i += size_t(length);
  }
  return code_points;
}

bool is_valid_utf8(std::string_view text) { return decode_utf8(text).has_value(); }

}  // namespace bksdm
