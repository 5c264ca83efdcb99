#pragma once
#include <string>
#include <string_view>

namespace bksdm::ftfy {

// ftfy.fix_text with its default options, as CLIP's tokenizer calls it: line by line, HTML
// entities decoded (unless a line holds '<', and from then on), mojibake repaired, C1 controls read
// as Windows-1252, Latin ligatures split, full-width forms made normal width, curly quotes
// straightened, line breaks unified, terminal escapes and control characters removed, NFC; repeated
// until nothing changes.
std::u32string fix_text(std::u32string_view text);

}  // namespace bksdm::ftfy
