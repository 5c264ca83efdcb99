#pragma once
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

// Bridges between the tokenizer's UTF-32 text and ICU, whose regular expressions stand in for the
// Python ones of CLIP's text cleaning.
namespace bksdm::icu_text {

icu::UnicodeString from_utf32(std::u32string_view text);
std::u32string to_utf32(const icu::UnicodeString& text);
// Bytes as a string of U+0000-U+00FF, so that a regular expression can match bytes, as Python's
// bytes patterns do; and back.
icu::UnicodeString from_bytes(std::string_view bytes);
std::string to_bytes(const icu::UnicodeString& latin1);

// A compiled pattern; '.' matches anything but '\n', as in Python.
class Regex {
 public:
  explicit Regex(std::string_view utf8_pattern);
  bool search(const icu::UnicodeString& text) const;
  // Python's re.sub with a function: every non-overlapping match, left to right.
  icu::UnicodeString replace(
      const icu::UnicodeString& text,
      const std::function<icu::UnicodeString(const icu::UnicodeString&)>& replacement) const;

 private:
  std::unique_ptr<icu::RegexPattern> pattern_;
};

}  // namespace bksdm::icu_text
