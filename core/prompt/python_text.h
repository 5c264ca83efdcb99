#pragma once
#include <cstddef>
#include <string>
#include <string_view>

// The bits of Python's str and float() that A1111's prompt parsers lean on, for UTF-8 text: its
// regexes see characters, `\s`, `\w` and `\d` are Unicode classes, and float() saturates.
namespace bksdm::python_text {

// The character starting at byte `pos` (U+FFFD for invalid UTF-8); `pos` moves past it.
char32_t next_char(std::string_view text, size_t& pos);
// The character ending right before byte `pos` (U+FFFD for invalid UTF-8); `pos` moves to its start.
char32_t previous_char(std::string_view text, size_t& pos);

// `\w`: letters, numbers and the underscore.
bool is_word_char(char32_t c);
// Python's float() of an ASCII number that Python's own syntax accepts ("1.", ".5", "-2e3"):
// beyond the double range it gives ±inf or ±0, as Python does, rather than failing.
double ascii_float(std::string_view number);
// A number of ASCII characters and Unicode decimal digits with each such digit as its ASCII one, as
// float() reads "１.５" (1.5).
std::string ascii_digits(std::string_view number);

}  // namespace bksdm::python_text
