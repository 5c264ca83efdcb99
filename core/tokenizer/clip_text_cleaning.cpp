#include "core/tokenizer/clip_text_cleaning.h"

#include "core/tokenizer/ftfy_fix_text.h"
#include "core/tokenizer/html_unescape.h"
#include "core/tokenizer/unicode_text.h"

namespace bksdm {
namespace {

// Python's re.sub(r"\s+", " ", text).strip().
std::u32string collapse_whitespace(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char32_t c : text) {
    if (unicode::is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string clean_clip_text(std::string_view text) {
  std::u32string cleaned = ftfy::fix_text(unicode::from_utf8(text));
  cleaned = python_html_unescape(python_html_unescape(cleaned));
  return unicode::to_utf8(unicode::lower(collapse_whitespace(cleaned)));
}

}  // namespace bksdm
