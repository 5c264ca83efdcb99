#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/prompt/prompt_marks.h"

namespace bksdm {

// A piece of a prompt and the factor its tokens' embeddings get.
struct WeightedText {
  std::string text;
  double weight = 1.0;
  bool operator==(const WeightedText&) const = default;
};

// A1111's parse_prompt_attention ("Original" emphasis): (x) ×1.1, [x] ×1/1.1, (x:w) ×w, weights
// multiplied as the brackets close, brackets left open closed at the end (round ones first);
// \( \) \[ \] \\ are literal characters and a lone backslash vanishes; adjacent pieces of equal
// weight merge; an empty prompt is {"", 1}. BREAK, upper case and a word of its own, becomes the
// piece {"BREAK", -1}, A1111's chunk break; inside brackets it gets their factor too ({"BREAK",
// -1.1} in "(a BREAK b)"), which makes it the word "break" weighted -1.1, as in A1111.
// One limit beyond A1111: the w of (x:w) must lie in [-10, 10], or the ":w)" is text, as a
// non-number is (A1111 takes any w and raises for "(x:1.2.3)"). Syntax never fails: it is text.
std::vector<WeightedText> parse_prompt_attention(std::string_view text);

// Where parse_prompt_attention reads syntax, weights text or breaks the chunk in `text`, by its
// bytes: the emphasis, escape, weighted and chunk_break marks of prompt_syntax_marks.
std::vector<PromptMark> attention_marks(std::string_view text);

// Whether `piece` is the chunk break BREAK stands for (not the word "break" inside brackets).
bool is_chunk_break(const WeightedText& piece);

}  // namespace bksdm
