#include "core/prompt/python_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <limits>

#include "core/tokenizer/unicode_text.h"

namespace bksdm::python_text {
namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// The power of ten of a number's leading digit plus one ("123" 3, "0.05" -1, "5e3" 4), enough to
// tell overflow from underflow when from_chars refuses a number.
long decimal_order(std::string_view number) {
  long order = 0;
  bool leading_zeros = true;
  bool after_point = false;
  size_t i = 0;
  for (; i < number.size() && number[i] != 'e' && number[i] != 'E'; ++i) {
    const char c = number[i];
    if (c == '.') {
      after_point = true;
    } else if (is_ascii_digit(c)) {
      if (leading_zeros && c != '0') leading_zeros = false;
      if (!after_point && !leading_zeros) ++order;
      if (after_point && leading_zeros) --order;
    }
  }
  long exponent = 0;
  const bool negative = i + 1 < number.size() && number[i + 1] == '-';
  for (++i; i < number.size(); ++i) {
    if (is_ascii_digit(number[i])) exponent = std::min(exponent * 10 + (number[i] - '0'), 1'000'000L);
  }
  return order + (negative ? -exponent : exponent);
}

}  // namespace

char32_t next_char(std::string_view text, size_t& pos) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT_OR_FFFD(bytes, i, static_cast<int32_t>(text.size()), c);
  pos = static_cast<size_t>(i);
  return static_cast<char32_t>(c);
}

char32_t previous_char(std::string_view text, size_t& pos) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV_OR_FFFD(bytes, 0, i, c);
  pos = static_cast<size_t>(i);
  return static_cast<char32_t>(c);
}

bool is_word_char(char32_t c) { return c == U'_' || unicode::is_letter(c) || unicode::is_number(c); }

double ascii_float(std::string_view number) {
  const bool negative = !number.empty() && number[0] == '-';
  if (!number.empty() && (number[0] == '-' || number[0] == '+')) number.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error == std::errc::result_out_of_range) {
    value = decimal_order(number) > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  }
  return negative ? -value : value;
}

std::string ascii_digits(std::string_view number) {
  std::string ascii;
  for (size_t pos = 0; pos < number.size();) {
    const char32_t c = next_char(number, pos);
    ascii += unicode::is_decimal(c) ? static_cast<char>('0' + u_charDigitValue(static_cast<UChar32>(c)))
                                    : static_cast<char>(c);
  }
  return ascii;
}

}  // namespace bksdm::python_text
