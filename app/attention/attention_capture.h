#pragma once
#include <string>
#include <vector>

#include <QList>

#include "app/attention/image_attention.h"

namespace at {
class Tensor;
}

namespace bksdm {

class ClipTokenizer;
struct TokenizedPrompt;

// Turns one run's maps into ImageAttention values on the worker's thread: the running maps after
// each step (when the run keeps them), then the final maps with the prompt's words and tokens.
class AttentionCapture {
 public:
  // StepInfo::attention [N,77,h,w] after the next step.
  void addStep(const at::Tensor& maps);
  // GenerationResult::attention [N,77,h,w] and prompt_tokens; one value per image of the batch.
  // The step maps move into the result.
  QList<ImageAttention> finish(const at::Tensor& maps, const TokenizedPrompt& encoded,
                               const ClipTokenizer& tokenizer, const std::string& prompt);

 private:
  std::vector<std::vector<std::vector<float>>> steps_;  // [step][image]: [77*h*w]
};

}  // namespace bksdm
