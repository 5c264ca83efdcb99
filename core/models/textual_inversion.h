#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

namespace bksdm {

// A textual-inversion embedding: its trigger word (the file's stem, as A1111 and diffusers'
// load_textual_inversion(file, token=stem) take it) and its vectors [n, width], float32.
struct TextualInversion {
  std::string word;
  at::Tensor vectors;
};

// Every .safetensors file of `dir`, in name order: A1111's and kohya's `emb_params`, or diffusers'
// one tensor under any name (e.g. `<word>`). A file with another layout, or vectors of another width
// than the text encoder's `width`, is a bksdm::Error naming the file (and both widths).
std::vector<TextualInversion> read_textual_inversions(const std::filesystem::path& dir, int64_t width);

// The embedding files of `dir` that `texts` (the prompts) use, by word: where the word occurs, as the
// tokenizer's added tokens are cut from the raw text. What A1111's `TI hashes` names.
std::map<std::string, std::filesystem::path> textual_inversions_used(const std::filesystem::path& dir,
                                                                     const std::vector<std::string>& texts);

// The tokens diffusers adds for them, each taking one vector: word, word_1, ..., word_{n-1}.
std::vector<std::string> textual_inversion_tokens(const std::vector<TextualInversion>& embeddings);

// The vectors in the tokens' order, [tokens, width]: what is appended to the token embedding.
at::Tensor textual_inversion_vectors(const std::vector<TextualInversion>& embeddings);

}  // namespace bksdm
