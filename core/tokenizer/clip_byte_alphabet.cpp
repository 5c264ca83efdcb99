#include "core/tokenizer/clip_byte_alphabet.h"

#include <array>

#include "core/tokenizer/unicode_text.h"

namespace bksdm {
namespace {

bool is_printable_latin1(int byte) {
  return (byte >= '!' && byte <= '~') || (byte >= 0xA1 && byte <= 0xAC) || (byte >= 0xAE && byte <= 0xFF);
}

const std::array<std::string, 256>& byte_symbols() {
  static const std::array<std::string, 256> symbols = [] {
    std::array<std::string, 256> utf8;
    char32_t next_unprintable = 0x100;
    for (int byte = 0; byte < 256; ++byte) {
      unicode::append_utf8(utf8[byte],
                           is_printable_latin1(byte) ? static_cast<char32_t>(byte) : next_unprintable++);
    }
    return utf8;
  }();
  return symbols;
}

}  // namespace

void append_clip_byte_symbols(std::string_view bytes, std::string& out) {
  const auto& symbols = byte_symbols();
  for (char byte : bytes) out += symbols[static_cast<uint8_t>(byte)];
}

}  // namespace bksdm
