// Textual-inversion embeddings from hostile bytes, for a text encoder 16 wide (the fixtures'):
// reading must succeed or throw bksdm::Error; what it accepts is [vectors, 16] and adds one token
// per vector.
#include <cstdlib>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/models/textual_inversion.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bksdm::fuzz::ScratchDir dir("embedding");
  constexpr int64_t kWidth = 16;
  dir.write("word.safetensors", bksdm::fuzz::as_text(data, size));
  try {
    const std::vector<bksdm::TextualInversion> embeddings = bksdm::read_textual_inversions(dir.path(), kWidth);
    if (embeddings.size() != 1 || embeddings[0].word != "word") std::abort();
    const at::Tensor& vectors = embeddings[0].vectors;
    if (vectors.dim() != 2 || vectors.size(1) != kWidth || vectors.size(0) < 1) std::abort();
    if (int64_t(bksdm::textual_inversion_tokens(embeddings).size()) != vectors.size(0)) std::abort();
  } catch (const bksdm::Error&) {
  }
  return 0;
}
