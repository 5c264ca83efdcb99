#include "core/io/excerpt.h"

#include <cstdint>
#include <cstdio>

namespace bksdm {
namespace {

// The length of the well-formed UTF-8 sequence at the start of `text`, or 0.
size_t utf8_sequence(std::string_view text) {
  const auto lead = uint8_t(text[0]);
  const size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || length > text.size() || (length == 2 && lead < 0xC2)) return 0;
  for (size_t i = 1; i < length; ++i)
    if ((uint8_t(text[i]) & 0xC0) != 0x80) return 0;
  return length;
}

std::string escaped(uint8_t byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02X", byte);
  return buffer;
}

}  // namespace

std::string excerpt(std::string_view text, size_t max_bytes) {
  std::string shown;
  size_t at = 0;
  while (at < text.size() && shown.size() < max_bytes) {
    const auto byte = uint8_t(text[at]);
    const size_t length = utf8_sequence(text.substr(at));
    if (length == 1 && (byte < 0x20 || byte == 0x7F || byte == '"' || byte == '\\')) {
      shown += byte == '"' || byte == '\\' ? std::string{'\\', char(byte)} : escaped(byte);
    } else if (length == 0) {
      shown += escaped(byte);
      at += 1;
      continue;
    } else {
      shown.append(text.substr(at, length));
    }
    at += length;
  }
  if (at < text.size()) shown += "...";
  return shown;
}

}  // namespace bksdm
