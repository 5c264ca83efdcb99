#pragma once
#include <cstddef>
#include <vector>

#include <ATen/core/Tensor.h>

#include "core/tokenizer/clip_tokenizer.h"

namespace bksdm {

// What the U-Net attends to at each denoising iteration: the text encoder's embeddings of the prompt
// and the negative prompt, and which of them are in force when (prompt editing switches them mid-run).
struct Conditioning {
  struct Embeddings {
    at::Tensor prompt;    // [1, T, dim], T a multiple of 77
    at::Tensor negative;  // [1, T', dim]; undefined for a run without guidance
  };
  std::vector<Embeddings> entries;
  // The encoder's output as computed, before the pairing: the prompt's texts [texts, T, dim] (A1111's
  // schedule entries in step order, or the one text) and the negative's (undefined without guidance).
  at::Tensor prompt_embeds;
  at::Tensor negative_prompt_embeds;
  // The entry in force at each iteration; empty: the first, throughout.
  std::vector<size_t> schedule;
  // The prompt's tokens as they were encoded: the words, their spans in the user's text and their
  // positions in the context, for the attention maps, the token counter and the metadata.
  TokenizedPrompt prompt_tokens;
  // A prompt's texts (an edited prompt has several, each as it reads while in force), and the one
  // in force at each iteration; `at` empty: the first throughout.
  struct Texts {
    std::vector<std::string> texts;
    std::vector<size_t> at;
  };
  Texts prompt_texts;
  Texts negative_texts;  // empty without guidance

  const Embeddings& at_iteration(size_t iteration) const;
  // Whether the U-Net sees the negative and the prompt in one batch: a guided run whose two are of
  // one length. Of different lengths (2 chunks against 1) they take a call each, as in A1111.
  bool guided_in_one_batch() const;
  // The U-Net's context at `iteration` for a batch of `images`: [negative x images; prompt x images],
  // or the prompt alone without guidance (or where the two take a call each).
  at::Tensor context(size_t iteration, int64_t images) const;
};

}  // namespace bksdm
