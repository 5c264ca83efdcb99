#pragma once
// The text encoder's reading of prompts in AUTOMATIC1111's language ("Original" emphasis).
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "core/models/clip_text_model.h"
#include "core/tokenizer/clip_tokenizer.h"

namespace bksdm {

// The embeddings of `texts` encoded as one batch, as A1111 encodes the texts of one prompt's
// schedule: each text in chunks of 77 (chunk_prompt), the batch as many chunks long as its longest
// text (the others filled with empty chunks), at most kMaxPromptChunks; each chunk position through the text encoder at once,
// every token's output times its weight, then the chunk rescaled to the mean it had before the
// weights (a mean over the whole batch). [texts, 77 * chunks, hidden_size] on the encoder's device.
at::Tensor encode_weighted(const CLIPTextModel& encoder, const ClipTokenizer& tokenizer,
                           const std::vector<std::string>& texts, int clip_skip, const c10::Device& device);

}  // namespace bksdm
