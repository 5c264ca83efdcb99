#pragma once
#include <vector>

#include <QList>

#include "app/attention/image_attention.h"

namespace bksdm {

class ClipTokenizer;
struct GenerationResult;
struct StepInfo;

// Turns one run's maps into ImageAttention values on the worker's thread: the running maps after
// each step (when the run keeps them), then the final maps with the prompt's words and tokens.
class AttentionCapture {
 public:
  enum class Of { Prompt, Negative };  // whose maps: the prompt's, or the negative prompt's
  explicit AttentionCapture(Of of = Of::Prompt) : of_(of) {}

  // The running maps of the step just done (StepInfo::attention and ::text_attention, or the
  // negative's). It times itself: ImageAttention::captureMsPerStep.
  void addStep(const StepInfo& step);
  // One value per image of the batch, from GenerationResult::attention and ::text_attention (or the
  // negative's) and the prompt's ::layer_attention; the words as the run's prompt syntax reads them. The step maps move into the
  // result. None where the run has no such maps.
  QList<ImageAttention> finish(const GenerationResult& result, const ClipTokenizer& tokenizer);

 private:
  Of of_;
  using PerImage = std::vector<std::vector<float>>;  // [image]: [slots*h*w]; empty: no maps
  std::vector<PerImage> steps_;                     // [step]
  std::vector<std::vector<PerImage>> textSteps_;    // [step][text]
  double captureSeconds_ = 0;                       // addStep's wall time over the steps so far
};

}  // namespace bksdm
