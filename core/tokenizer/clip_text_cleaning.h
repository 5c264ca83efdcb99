#pragma once
#include <string>
#include <string_view>

namespace bksdm {

// CLIP's text cleaning, as OpenAI's tokenizer does it before splitting a prompt into words:
// ftfy.fix_text, html.unescape twice, whitespace runs collapsed to one space and the ends stripped,
// then Python's str.lower(). UTF-8 in and out.
std::string clean_clip_text(std::string_view text);

}  // namespace bksdm
