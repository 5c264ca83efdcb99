#pragma once
#include <string>
#include <string_view>

// ftfy's repair of mojibake (UTF-8 that was decoded in a single-byte encoding), as ftfy 6 does it
// with its defaults: the badness heuristic decides whether text looks broken, then re-encodings are
// tried in ftfy's order. A C++ port, so that prompts are cleaned as CLIP's Python tokenizer cleans them.
namespace bksdm::ftfy {

// ftfy.badness.is_bad: whether the text has a character sequence typical of mojibake.
bool is_bad(std::u32string_view text);

// ftfy.fix_encoding with the default options.
std::u32string fix_encoding(std::u32string_view text);

// ftfy.fixes.fix_c1_controls: C1 control characters read as Windows-1252.
std::u32string fix_c1_controls(std::u32string_view text);

}  // namespace bksdm::ftfy
