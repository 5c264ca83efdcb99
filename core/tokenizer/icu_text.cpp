#include "core/tokenizer/icu_text.h"

#include "core/io/error.h"

namespace bksdm::icu_text {

icu::UnicodeString from_utf32(std::u32string_view text) {
  return icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()),
                                       static_cast<int32_t>(text.size()));
}

std::u32string to_utf32(const icu::UnicodeString& text) {
  std::u32string out;
  out.reserve(text.length());
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

icu::UnicodeString from_bytes(std::string_view bytes) {
  icu::UnicodeString out;
  for (char byte : bytes) out.append(static_cast<UChar>(static_cast<uint8_t>(byte)));
  return out;
}

std::string to_bytes(const icu::UnicodeString& latin1) {
  std::string out;
  out.reserve(latin1.length());
  for (int32_t i = 0; i < latin1.length(); ++i) out.push_back(static_cast<char>(latin1.charAt(i)));
  return out;
}

Regex::Regex(std::string_view utf8_pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError where;
  pattern_.reset(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(utf8_pattern), UREGEX_UNIX_LINES, where, status));
  if (U_FAILURE(status)) {
    throw Error("internal regular expression does not compile (" + std::string(u_errorName(status)) +
                " at offset " + std::to_string(where.offset) + "): " + std::string(utf8_pattern));
  }
}

bool Regex::search(const icu::UnicodeString& text) const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> matcher(pattern_->matcher(text, status));
  return U_SUCCESS(status) && matcher->find();
}

icu::UnicodeString Regex::replace(
    const icu::UnicodeString& text,
    const std::function<icu::UnicodeString(const icu::UnicodeString&)>& replacement) const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> matcher(pattern_->matcher(text, status));
  if (U_FAILURE(status)) throw Error(std::string("ICU regex matcher: ") + u_errorName(status));
  icu::UnicodeString out;
  int32_t copied = 0;
  while (matcher->find()) {
    const int32_t begin = matcher->start(status);
    const int32_t end = matcher->end(status);
    out.append(text, copied, begin - copied);
    out.append(replacement(icu::UnicodeString(text, begin, end - begin)));
    copied = end;
  }
  out.append(text, copied, text.length() - copied);
  return out;
}

}  // namespace bksdm::icu_text
