#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace bksdm {

// One word of CLIP's pre-split: bytes [begin, end) of the cleaned text.
struct TextSpan {
  size_t begin = 0;
  size_t end = 0;
};

// CLIP's pre-split of cleaned text into the words BPE encodes one by one, as OpenAI's
// case-insensitive regex `<|startoftext|>|<|endoftext|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|
// [^\s\p{L}\p{N}]+` finds them: the special tokens, English contractions, runs of letters, single
// digits, runs of other symbols. Characters no alternative matches (spaces) are left out.
std::vector<TextSpan> clip_pre_split(std::string_view cleaned_utf8);

}  // namespace bksdm
