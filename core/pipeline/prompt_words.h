#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/generation/generation_request.h"

namespace at {
class Tensor;
}

namespace bksdm {

class ClipTokenizer;

// The token slots of the context a prompt gives the U-Net: 77 for a plain prompt, 77 per chunk in
// A1111's language, and where each of the prompt's tokens sits among them.
struct PromptSlots {
  std::vector<int> ids;          // the context's ids, start, end and padding tokens included
  std::vector<int> text_ids;     // the prompt's tokens in order, those past the limit included
  std::vector<int> text_slots;   // the slot of each of them; -1 for one past the limit
};

PromptSlots prompt_slots(const ClipTokenizer& tokenizer, PromptSyntax syntax, std::string_view prompt);

// A word of the prompt as the user wrote it, with the slots its tokens take in the context (start
// token at 0). Every occurrence of a repeated word is included, as DAAM does.
struct PromptWord {
  std::string text;
  std::vector<int> positions;       // the slots that hold its tokens
  std::vector<std::string> pieces;  // its tokens, as vocab.json spells them
  bool cut = false;                 // some of its tokens fell past the limit and have no map
};

// The words of `prompt` read in `syntax`: whitespace-separated, punctuation around them trimmed, in
// A1111's language the text of its weighted pieces (brackets, weights and BREAK are no words);
// words with the same tokens (e.g. "Cat" and "cat") are one entry. Their positions are the slots
// prompt_slots gives their tokens.
std::vector<PromptWord> prompt_words(const ClipTokenizer& tokenizer, PromptSyntax syntax, std::string_view prompt);

// A word of a run's prompt and the maps it is read from: the run's own (GenerationResult::attention),
// or, for a word of an edited prompt that is not in force the whole run at the same slots, those of
// the text it belongs to (GenerationResult::text_attention[text]).
struct RunWord {
  PromptWord word;
  int text = -1;  // -1: the run's maps
};

// The words of a run whose prompt read as `texts` (TextAttention::text each, or the prompt alone),
// in order of appearance: a word in every text at the same slots once, with the run's maps; any
// other once per text it is in.
std::vector<RunWord> run_words(const ClipTokenizer& tokenizer, PromptSyntax syntax,
                               const std::vector<std::string>& texts);

// A word's map: the mean of its tokens' maps. `maps` is [slots, h, w] (one image of
// GenerationResult::attention); a word without positions gives zeros.
at::Tensor word_map(const at::Tensor& maps, const PromptWord& word);

}  // namespace bksdm
