#include "core/tokenizer/html_unescape.h"

#include <algorithm>
#include <optional>

#include "core/tokenizer/html_entities_table.h"
#include "core/tokenizer/unicode_text.h"

namespace bksdm {
namespace {

const HtmlEntity* find_entity(std::string_view name) {
  const HtmlEntity* end = kHtmlEntities + kHtmlEntityCount;
  const HtmlEntity* it = std::lower_bound(
      kHtmlEntities, end, name,
      [](const HtmlEntity& entity, std::string_view key) { return std::string_view(entity.name) < key; });
  return it != end && std::string_view(it->name) == name ? it : nullptr;
}

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_ascii_hex_digit(char32_t c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_ascii_alnum(char32_t c) { return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int hex_value(char32_t c) {
  if (is_ascii_digit(c)) return static_cast<int>(c - '0');
  return static_cast<int>((c | 0x20) - 'a' + 10);
}

// Python's int() of the digits, saturated: any number past U+10FFFF is replaced alike.
uint32_t parse_number(std::u32string_view digits, int base) {
  uint64_t value = 0;
  for (char32_t c : digits) value = std::min<uint64_t>(value * base + hex_value(c), 0x110000);
  return static_cast<uint32_t>(value);
}

// HTML5's numeric reference rules, as Python's html module has them.
std::u32string numeric_reference(uint32_t number) {
  static constexpr char32_t kWindows1252Controls[32] = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  if (number == 0x00) return U"\uFFFD";
  if (number == 0x0D) return U"\r";
  if (number >= 0x80 && number <= 0x9F) return std::u32string(1, kWindows1252Controls[number - 0x80]);
  if ((number >= 0xD800 && number <= 0xDFFF) || number > 0x10FFFF) return U"\uFFFD";
  const bool invalid = (number >= 0x01 && number <= 0x08) || number == 0x0B ||
                       (number >= 0x0E && number <= 0x1F) || (number >= 0x7F && number <= 0x9F) ||
                       (number >= 0xFDD0 && number <= 0xFDEF) || (number & 0xFFFE) == 0xFFFE;
  if (invalid) return U"";
  return std::u32string(1, static_cast<char32_t>(number));
}

std::string ascii_name(std::u32string_view name) {
  std::string out;
  for (char32_t c : name) unicode::append_utf8(out, c);
  return out;
}

// Matches Python's `&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)` at text[at] == '&' and
// returns the replacement and the length matched, or nullopt for no match.
std::optional<std::pair<std::u32string, size_t>> python_reference_at(std::u32string_view text, size_t at) {
  size_t i = at + 1;
  if (i < text.size() && text[i] == '#') {
    const bool hex = i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X');
    const size_t digits_begin = i + (hex ? 2 : 1);
    size_t end = digits_begin;
    while (end < text.size() && (hex ? is_ascii_hex_digit(text[end]) : is_ascii_digit(text[end]))) ++end;
    if (end == digits_begin) return std::nullopt;
    const uint32_t number = parse_number(text.substr(digits_begin, end - digits_begin), hex ? 16 : 10);
    if (end < text.size() && text[end] == ';') ++end;
    return std::make_pair(numeric_reference(number), end - at);
  }
  auto is_name_char = [](char32_t c) {
    return c != '\t' && c != '\n' && c != '\f' && c != ' ' && c != '<' && c != '&' && c != '#' && c != ';';
  };
  size_t end = i;
  while (end < text.size() && end - i < 32 && is_name_char(text[end])) ++end;
  if (end == i) return std::nullopt;
  if (end < text.size() && text[end] == ';') ++end;
  const std::u32string_view name = text.substr(i, end - i);
  if (const HtmlEntity* entity = find_entity(ascii_name(name)); entity && !entity->ftfy_only) {
    return std::make_pair(unicode::from_utf8(entity->value), end - at);
  }
  // The longest known prefix of at least two characters, the rest kept as text.
  for (size_t length = name.size() - 1; length >= 2 && length < name.size(); --length) {
    const HtmlEntity* entity = find_entity(ascii_name(name.substr(0, length)));
    if (entity && !entity->ftfy_only) {
      std::u32string replacement = unicode::from_utf8(entity->value);
      replacement += name.substr(length);
      return std::make_pair(std::move(replacement), end - at);
    }
  }
  std::u32string unchanged = U"&";
  unchanged += name;
  return std::make_pair(std::move(unchanged), end - at);
}

// Matches ftfy's `&#?[0-9A-Za-z]{1,24};` at text[at] == '&' and returns the replacement and the
// length matched, or nullopt for no match.
std::optional<std::pair<std::u32string, size_t>> ftfy_reference_at(std::u32string_view text, size_t at) {
  size_t begin = at + 1;
  const bool numeric = begin < text.size() && text[begin] == '#';
  if (numeric) ++begin;
  size_t end = begin;
  while (end < text.size() && end - begin < 24 && is_ascii_alnum(text[end])) ++end;
  if (end == begin || end >= text.size() || text[end] != ';') {
    // Python's regex backtracks `#?`; without '#' the name starts with '#', which no name does.
    return std::nullopt;
  }
  ++end;
  const std::u32string_view reference = text.substr(at, end - at);
  if (!numeric) {
    if (const HtmlEntity* entity = find_entity(ascii_name(reference.substr(1)))) {
      return std::make_pair(unicode::from_utf8(entity->value), end - at);
    }
    return std::make_pair(std::u32string(reference), end - at);
  }
  // A numeric reference that html.unescape decodes whole, or else the text unchanged.
  const std::u32string decoded = python_html_unescape(reference);
  if (decoded.find(U';') != std::u32string::npos) return std::make_pair(std::u32string(reference), end - at);
  return std::make_pair(decoded, end - at);
}

template <typename Matcher>
std::u32string replace_references(std::u32string_view text, Matcher match_at) {
  if (text.find(U'&') == std::u32string_view::npos) return std::u32string(text);
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '&') {
      if (auto match = match_at(text, i)) {
        out += match->first;
        i += match->second;
        continue;
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

}  // namespace

std::u32string python_html_unescape(std::u32string_view text) {
  return replace_references(text, python_reference_at);
}

std::u32string ftfy_unescape_html(std::u32string_view text) { return replace_references(text, ftfy_reference_at); }

}  // namespace bksdm
