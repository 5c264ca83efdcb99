#pragma once
#include <optional>

#include <QList>
#include <QString>

namespace bksdm {

// A stretch of a prompt that A1111's language reads as syntax or weights, in the QString's
// positions: what the prompt editor highlights (the engine's prompt_syntax_marks).
struct PromptSyntaxSpan {
  enum class Kind { Weighted, Emphasis, Escape, ChunkBreak, Edit, Alternation };
  int start = 0;
  int length = 0;
  Kind kind = Kind::Weighted;
  double weight = 1.0;  // Weighted: the factor its tokens get
  bool operator==(const PromptSyntaxSpan&) const = default;
};

// In order of start.
QList<PromptSyntaxSpan> promptSyntaxSpans(const QString& prompt);

// A prompt after a weight step, with the selection on the words whose weight changed.
struct WeightEdit {
  QString text;
  int selectionStart = 0;
  int selectionEnd = 0;
  bool operator==(const WeightEdit&) const = default;
};

// What one press of Ctrl+Up (delta > 0) or Ctrl+Down does, as A1111's edit-attention does it: with
// nothing selected, the content of the round or square brackets around the cursor or else the word
// under it; "((x))" and "[x]" become "(x:w)" first; "x" becomes "(x:1.0)"; then w moves by delta
// and "(x:1.0)" is written back as "x". Nothing when there is no word or weight to change.
std::optional<WeightEdit> stepWeight(const QString& text, int selectionStart, int selectionEnd, double delta);

// The step Ctrl+Up and Ctrl+Down take.
constexpr double kWeightStep = 0.05;

}  // namespace bksdm
