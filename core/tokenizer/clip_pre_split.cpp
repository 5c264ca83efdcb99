#include "core/tokenizer/clip_pre_split.h"

#include <unicode/utf8.h>

#include <array>

#include "core/tokenizer/unicode_text.h"

namespace bksdm {
namespace {

struct Char {
  char32_t c;
  size_t begin;  // byte offset in the text
};

// The words' patterns are matched case-insensitively, with the regex module's simple case
// folding: besides ASCII case, ſ is an s, K (Kelvin) a k and İ an i.
bool same_ignoring_case(char32_t text, char pattern) {
  if (text == static_cast<char32_t>(pattern)) return true;
  if (pattern >= 'a' && pattern <= 'z' && text == static_cast<char32_t>(pattern - 'a' + 'A')) return true;
  return (pattern == 's' && text == U'ſ') || (pattern == 'k' && text == U'\u212A') ||
         (pattern == 'i' && text == U'\u0130');
}

// The length of the first of `literals` that the text at `at` starts with, or 0.
template <size_t N>
size_t match_literal(const std::vector<Char>& chars, size_t at, const std::array<std::string_view, N>& literals) {
  for (std::string_view literal : literals) {
    if (chars.size() - at < literal.size()) continue;
    bool matched = true;
    for (size_t k = 0; k < literal.size() && matched; ++k)
      matched = same_ignoring_case(chars[at + k].c, literal[k]);
    if (matched) return literal.size();
  }
  return 0;
}

// U+0345 (combining ypogegrammeni) is neither letter nor number, yet case-insensitively it is one
// of its case variants, the letter ι: it matches no alternative.
bool is_symbol(char32_t c) {
  return !unicode::is_space(c) && !unicode::is_letter(c) && !unicode::is_number(c) && c != 0x0345;
}

std::vector<Char> decode(std::string_view text) {
  std::vector<Char> chars;
  chars.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const auto begin = static_cast<size_t>(i);
    UChar32 c;
    U8_NEXT_OR_FFFD(bytes, i, length, c);
    chars.push_back({static_cast<char32_t>(c), begin});
  }
  return chars;
}

}  // namespace

std::vector<TextSpan> clip_pre_split(std::string_view cleaned_utf8) {
  static constexpr std::array<std::string_view, 2> kSpecialTokens = {"<|startoftext|>", "<|endoftext|>"};
  static constexpr std::array<std::string_view, 7> kContractions = {"'s", "'t", "'re", "'ve", "'m", "'ll", "'d"};
  const std::vector<Char> chars = decode(cleaned_utf8);
  auto byte_at = [&](size_t index) { return index < chars.size() ? chars[index].begin : cleaned_utf8.size(); };

  std::vector<TextSpan> words;
  for (size_t i = 0; i < chars.size();) {
    size_t length = match_literal(chars, i, kSpecialTokens);
    if (length == 0) length = match_literal(chars, i, kContractions);
    if (length == 0 && unicode::is_letter(chars[i].c)) {
      while (i + length < chars.size() && unicode::is_letter(chars[i + length].c)) ++length;
    }
    if (length == 0 && unicode::is_number(chars[i].c)) length = 1;
    if (length == 0 && is_symbol(chars[i].c)) {
      while (i + length < chars.size() && is_symbol(chars[i + length].c)) ++length;
    }
    if (length == 0) {
      ++i;
      continue;
    }
    words.push_back({byte_at(i), byte_at(i + length)});
    i += length;
  }
  return words;
}

}  // namespace bksdm
