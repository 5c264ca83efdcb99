#include "core/tokenizer/unicode_text.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/io/error.h"
#include "core/tokenizer/icu_text.h"

namespace bksdm::unicode {
namespace {

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw Error(std::string("ICU ") + what + " failed: " + u_errorName(status));
}

std::u32string normalize(const icu::Normalizer2& normalizer, std::u32string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString source = icu_text::from_utf32(text);
  if (normalizer.isNormalized(source, status) && U_SUCCESS(status)) return std::u32string(text);
  status = U_ZERO_ERROR;
  const icu::UnicodeString result = normalizer.normalize(source, status);
  check(status, "normalization");
  return icu_text::to_utf32(result);
}

}  // namespace

std::u32string from_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT_OR_FFFD(bytes, i, length, c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

std::u32string nfc(std::u32string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  check(status, "NFC");
  return normalize(*normalizer, text);
}

std::u32string nfkc(std::u32string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
  check(status, "NFKC");
  return normalize(*normalizer, text);
}

std::u32string lower(std::u32string_view text) {
  // The root locale: Python's str.lower() knows no Turkish or Lithuanian rules.
  icu::UnicodeString result = icu_text::from_utf32(text);
  result.toLower(icu::Locale::getRoot());
  return icu_text::to_utf32(result);
}

bool is_space(char32_t c) {
  // Python: bidirectional class WS, B or S, or general category Zs.
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  if (u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR) return true;
  const auto direction = u_charDirection(static_cast<UChar32>(c));
  return direction == U_WHITE_SPACE_NEUTRAL || direction == U_BLOCK_SEPARATOR || direction == U_SEGMENT_SEPARATOR;
}

bool is_decimal(char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER; }

bool is_letter(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_L_MASK) != 0; }

bool is_number(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_N_MASK) != 0; }

}  // namespace bksdm::unicode
