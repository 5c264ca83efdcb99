#pragma once
#include <string>
#include <string_view>

#include "core/tokenizer/clip_bpe_files.h"
#include "core/tokenizer/sentencepiece_model_proto.h"

namespace bksdm {

// CLIP's end-of-word mark "</w>" as sentencepiece spells it: a suffix U+2581.
inline constexpr std::string_view kClipEndOfWord = "</w>";
inline constexpr std::string_view kSentencePieceWordMark = "\u2581";

// CLIP's BPE as a sentencepiece BPE model that encodes every pre-split word exactly as CLIP's own
// merge loop does: the same ids, "</w>" written as a suffix U+2581; the single characters (with or
// without the suffix) scored 0 and merge r scored -(r + 1), so that sentencepiece, which joins the
// best-scoring adjacent pair first, merges in CLIP's rank order; pieces no merge yields (the
// special tokens) as control pieces; and the unknown piece sentencepiece requires, after them all,
// never produced. The words must be fed byte-mapped, with the suffix U+2581 appended.
SentencePieceBpeModel clip_sentencepiece_model(const ClipBpeFiles& files);

}  // namespace bksdm
