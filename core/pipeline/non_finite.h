#pragma once
#include <ATen/core/Tensor.h>

#include <string>
#include <vector>

#include "core/loading/model_folder.h"
#include "core/pipeline/pipeline.h"

namespace bksdm {

// The values a run checks as it makes them, in this order. NaN or infinite values turn everything
// computed from them NaN (a black image says nothing), so the first of these that is not finite
// tells which component made them.
enum class RunValues {
  PromptEmbeddings,  // the text encoder's output
  NoisePrediction,   // the U-Net's, with guidance applied
  Latents,           // after a scheduler step
  DecoderInput,      // the final latents divided by the VAE's scaling_factor
  Images,            // the VAE decoder's output
};

// Checks one run's values; a check costs a pass over the tensor, and only when values are not
// finite does it read the weights of the component that made them (seconds on a CPU), to tell
// weights holding NaN from a config or settings that make it.
class NonFiniteCheck {
 public:
  NonFiniteCheck(const ModelFolder& model, const GenerationRequest& request, bool sixteen_bit);

  // Throws a bksdm::Error naming the file (and key or settings) at fault when `values` are not all
  // finite; `step` is the loop's 0-based step for NoisePrediction and Latents. On a GPU the loop's
  // checks stay there until settle(): reading each would make every step wait for the GPU.
  void operator()(RunValues stage, const at::Tensor& values, int step = 0);
  // Reads the checks kept on the GPU, in order, and throws for the first that failed.
  void settle();

 private:
  struct Pending {
    RunValues stage;
    int step;
    at::Tensor finite;  // a bool on the GPU
  };

  std::string cause(RunValues stage, int step) const;
  std::string with_settings(int step, const std::string& where) const;

  const ModelFolder& model_;
  const GenerationRequest& request_;
  bool sixteen_bit_;
  std::vector<Pending> pending_;
};

}  // namespace bksdm
