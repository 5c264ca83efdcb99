#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace bksdm {

// A stretch of a prompt that A1111's language reads as syntax, or text it weights: what an editor
// highlights so that the user sees how the prompt was read (bad syntax is text, never an error).
struct PromptMark {
  enum class Kind {
    weighted,     // text whose tokens get `weight` (not 1)
    emphasis,     // a bracket of (x), [x] or (x:w), or the ":w)" that closes one
    escape,       // \( \) \[ \] \\ or a lone backslash
    chunk_break,  // BREAK (the word; the spaces around it go with it)
    edit,         // the brackets, colons and `when` of [from:to:when]
    alternation,  // the brackets and bars of [a|b]
  };
  size_t begin = 0;  // bytes of the prompt, [begin, end)
  size_t end = 0;
  Kind kind = Kind::weighted;
  double weight = 1.0;  // weighted: the factor
  bool operator==(const PromptMark&) const = default;
};

// Every mark of `prompt`, in order of `begin`. Edits and alternations come from prompt_schedule's
// grammar; the rest from parse_prompt_attention over the prompt with those edits' own characters
// read as spaces, so that a weight inside an edit (as in "[(cat):dog:5]") is marked where it is
// written. Alternatives of an edit are all marked as the attention parser reads them together.
std::vector<PromptMark> prompt_syntax_marks(std::string_view prompt);

}  // namespace bksdm
