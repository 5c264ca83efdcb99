#pragma once
#include <string>
#include <vector>

namespace at {
class Tensor;
}

namespace bksdm {

class ClipTokenizer;
struct TokenizedPrompt;

// A word of the prompt as the user wrote it, with the positions its tokens take in the model's 77
// token slots (start token at 0). Every occurrence of a repeated word is included, as DAAM does.
struct PromptWord {
  std::string text;
  std::vector<int> positions;  // slots 1..75 that hold its tokens
  std::vector<std::string> pieces;  // its tokens, as vocab.json spells them
  bool cut = false;            // some of its tokens fell past the limit and have no map
};

// The words of `prompt`, whose encoding for the model is `encoded`: whitespace-separated, punctuation
// around them trimmed; words with the same tokens (e.g. "Cat" and "cat") are one entry. Their
// positions are where `encoded` put their tokens.
std::vector<PromptWord> prompt_words(const ClipTokenizer& tokenizer, const TokenizedPrompt& encoded,
                                     const std::string& prompt);

// A word's map: the mean of its tokens' maps. `maps` is [77, h, w] (one image of
// GenerationResult::attention); a word without positions gives zeros.
at::Tensor word_map(const at::Tensor& maps, const PromptWord& word);

}  // namespace bksdm
