#include "core/prompt/prompt_marks.h"

#include <algorithm>
#include <string>

#include "core/prompt/prompt_attention.h"
#include "core/prompt/prompt_schedule.h"

namespace bksdm {

std::vector<PromptMark> prompt_syntax_marks(std::string_view prompt) {
  std::vector<PromptMark> marks = edit_marks(prompt);
  std::string emphasis_only(prompt);
  for (const PromptMark& edit : marks) std::fill(emphasis_only.begin() + long(edit.begin), emphasis_only.begin() + long(edit.end), ' ');
  const std::vector<PromptMark> attention = attention_marks(emphasis_only);
  marks.insert(marks.end(), attention.begin(), attention.end());
  std::stable_sort(marks.begin(), marks.end(), [](const PromptMark& a, const PromptMark& b) { return a.begin < b.begin; });
  return marks;
}

}  // namespace bksdm
