#pragma once
#include <string>
#include <string_view>

// The Unicode facts CLIP's Python tokenizer relies on, from ICU: text is handled as UTF-32 so that
// "a character" means what it means to a Python str.
namespace bksdm::unicode {

// Invalid UTF-8 becomes U+FFFD, one per maximal ill-formed subsequence.
std::u32string from_utf8(std::string_view text);
std::string to_utf8(std::u32string_view text);
void append_utf8(std::string& out, char32_t c);

std::u32string nfc(std::u32string_view text);
std::u32string nfkc(std::u32string_view text);
// Python's str.lower(): full case mapping (İ -> i̇) with the final-sigma rule.
std::u32string lower(std::u32string_view text);

// Python's str.isspace(), which is also what `\s` and str.strip() use.
bool is_space(char32_t c);
// Python's str.isdecimal(), which is also what `\d` matches (general category Nd).
bool is_decimal(char32_t c);
// The general category groups L and N (`\p{L}`, `\p{N}`).
bool is_letter(char32_t c);
bool is_number(char32_t c);

}  // namespace bksdm::unicode
