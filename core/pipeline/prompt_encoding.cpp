#include "core/pipeline/prompt_encoding.h"

#include <algorithm>

#include <ATen/ATen.h>

#include "core/generation/generation_request.h"
#include "core/prompt/prompt_chunks.h"

namespace bksdm {
namespace {

// Chunk `position` of every text, as ids [texts, 77] and weights [texts, 77, 1].
std::pair<at::Tensor, at::Tensor> chunk_batch(const std::vector<ChunkedPrompt>& texts, size_t position,
                                              const PromptChunk& empty) {
  std::vector<at::Tensor> ids, weights;
  for (const ChunkedPrompt& text : texts) {
    const PromptChunk& chunk = position < text.chunks.size() ? text.chunks[position] : empty;
    ids.push_back(at::tensor(std::vector<int64_t>(chunk.ids.begin(), chunk.ids.end()), at::kLong));
    weights.push_back(at::tensor(chunk.weights, at::kFloat));
  }
  return {at::stack(ids), at::stack(weights).unsqueeze(-1)};
}

}  // namespace

at::Tensor encode_weighted(const CLIPTextModel& encoder, const ClipTokenizer& tokenizer,
                           const std::vector<std::string>& texts, int clip_skip, const c10::Device& device) {
  std::vector<ChunkedPrompt> chunked;
  size_t chunks = 1;
  for (const std::string& text : texts) {
    chunked.push_back(chunk_prompt(tokenizer, text));
    chunks = std::max(chunks, chunked.back().chunks.size());
  }
  chunks = std::min(chunks, size_t(kMaxPromptChunks));
  const PromptChunk empty = chunk_prompt(tokenizer, "").chunks.front();
  std::vector<at::Tensor> outputs;
  for (size_t position = 0; position < chunks; ++position) {
    const auto [ids, weights] = chunk_batch(chunked, position, empty);
    const at::Tensor z = encoder.forward(ids.to(device), clip_skip);
    // In float32 whatever the encoder computes in, as A1111 rescales.
    const at::Tensor original = z.to(at::kFloat);
    const at::Tensor weighted = original * weights.to(device);
    outputs.push_back((weighted * (original.mean() / weighted.mean())).to(z.scalar_type()));
  }
  return at::cat(outputs, 1);
}

}  // namespace bksdm
