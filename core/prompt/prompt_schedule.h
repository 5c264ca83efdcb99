#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/prompt/prompt_marks.h"

namespace bksdm {

// The prompt text a run uses up to and including step `end_step`.
struct ScheduledText {
  int end_step = 0;
  std::string text;
  bool operator==(const ScheduledText&) const = default;
};

// A1111's get_learned_conditioning_prompt_schedules for one prompt of a run of `steps` steps:
// [from:to:when], [to:when], [from::when] (when < 1 a fraction of the steps), [a|b|...] (one option
// per step, in turn), nested. The entries are in step order; the last ends at `steps`. Brackets
// and colons that edit nothing stay in the text, for parse_prompt_attention. Text the grammar
// rejects (a "|" outside brackets, a backslash at the end or before a line break) is used
// unscheduled: {steps, text}. Beyond A1111, which raises: an empty option, as in [a|], is empty
// text, an infinite `when` is past the last step, and brackets nested over 100 deep are text.
// Unlike A1111, an edit touching a stray bracket or colon ("x [a:b:2]] y") is still an edit.
std::vector<ScheduledText> prompt_schedule(std::string_view text, int steps);

// Where prompt_schedule reads an edit or an alternation in `text`, by its bytes: the edit and
// alternation marks of prompt_syntax_marks (none where the grammar rejects the text).
std::vector<PromptMark> edit_marks(std::string_view text);

// The entry iteration `iteration` of diffusers' loop uses (0-based; PNDM runs steps + 1 of them):
// the first entry with iteration <= end_step, else the last.
size_t schedule_entry(const std::vector<ScheduledText>& schedule, int iteration);

}  // namespace bksdm
