#pragma once
#include <string_view>
#include <vector>

#include "core/tokenizer/clip_tokenizer.h"

namespace bksdm {

// 77 token ids and their weights: start, up to 75 prompt tokens filled up with end tokens, end.
// Where the pad token is not the end token (SD 2.x), every id after the first end token is pad.
struct PromptChunk {
  std::vector<int> ids;
  std::vector<float> weights;
};

struct ChunkedPrompt {
  std::vector<PromptChunk> chunks;
  int token_count = 0;  // as A1111 reports it: 75 for each chunk but the last, then its tokens
};

// A1111's tokenize_line on diffusers' tokenizer: parse_prompt_attention, each piece tokenized
// alone (so words end where pieces do), chunks of 75 tokens. A BREAK piece starts a new chunk;
// a 76th token that is no comma moves the tokens after a comma among the chunk's last 20 to the
// next chunk (A1111's comma_padding_backtrack of 20). An empty prompt is one chunk. Textual
// inversion's embeddings, which A1111 keeps whole in a chunk, are not handled here.
ChunkedPrompt chunk_prompt(const ClipTokenizer& tokenizer, std::string_view text);

}  // namespace bksdm
