#include "core/prompt/prompt_chunks.h"

#include <algorithm>

#include "core/prompt/prompt_attention.h"

namespace bksdm {
namespace {

constexpr int kChunkLength = 75;
constexpr int kCommaBacktrack = 20;

// A1111's chunking state: the open chunk's tokens and weights, and where its last comma is.
class ChunkBuilder {
 public:
  explicit ChunkBuilder(const ClipTokenizer& tokenizer) : tokenizer_(tokenizer) {
    // A1111 backtracks to ",</w>", the token of a lone comma.
    const std::vector<int> comma = tokenizer.token_ids(",");
    comma_id_ = comma.size() == 1 ? comma[0] : -1;
  }

  void add(int id, double weight) {
    if (id == comma_id_) {
      last_comma_ = static_cast<int>(ids_.size());
    } else if (is_full() && last_comma_ >= 0 && kChunkLength - last_comma_ <= kCommaBacktrack) {
      move_after_comma_to_next_chunk();
    }
    if (is_full()) close_chunk(false);
    ids_.push_back(id);
    weights_.push_back(weight);
  }

  void close_chunk(bool is_last) {
    prompt_.token_count += is_last ? static_cast<int>(ids_.size()) : kChunkLength;
    PromptChunk chunk;
    chunk.ids.push_back(tokenizer_.bos_id());
    chunk.ids.insert(chunk.ids.end(), ids_.begin(), ids_.end());
    chunk.ids.resize(kChunkLength + 2, tokenizer_.eos_id());
    chunk.weights.push_back(1.0f);
    for (double weight : weights_) chunk.weights.push_back(static_cast<float>(weight));
    chunk.weights.resize(kChunkLength + 2, 1.0f);
    pad_after_end(chunk.ids);
    prompt_.chunks.push_back(std::move(chunk));
    ids_.clear();
    weights_.clear();
    last_comma_ = -1;
  }

  ChunkedPrompt finish() {
    if (!ids_.empty() || prompt_.chunks.empty()) close_chunk(true);
    return std::move(prompt_);
  }

 private:
  bool is_full() const { return ids_.size() == kChunkLength; }

  void move_after_comma_to_next_chunk() {
    const auto after_comma = static_cast<std::ptrdiff_t>(last_comma_ + 1);
    const std::vector<int> moved_ids(ids_.begin() + after_comma, ids_.end());
    const std::vector<double> moved_weights(weights_.begin() + after_comma, weights_.end());
    ids_.resize(after_comma);
    weights_.resize(after_comma);
    close_chunk(false);
    ids_ = moved_ids;
    weights_ = moved_weights;
  }

  // SD 2.x pads with "!" after the end token, as OpenCLIP does; A1111 pads so before encoding.
  void pad_after_end(std::vector<int>& ids) const {
    if (tokenizer_.pad_id() == tokenizer_.eos_id()) return;
    const auto end = std::find(ids.begin(), ids.end(), tokenizer_.eos_id());
    std::fill(end + 1, ids.end(), tokenizer_.pad_id());
  }

  const ClipTokenizer& tokenizer_;
  int comma_id_ = -1;
  std::vector<int> ids_;
  std::vector<double> weights_;
  int last_comma_ = -1;
  ChunkedPrompt prompt_;
};

}  // namespace

ChunkedPrompt chunk_prompt(const ClipTokenizer& tokenizer, std::string_view text) {
  ChunkBuilder builder(tokenizer);
  for (const WeightedText& piece : parse_prompt_attention(text)) {
    if (is_chunk_break(piece)) {
      builder.close_chunk(false);
      continue;
    }
    for (int id : tokenizer.token_ids(piece.text)) builder.add(id, piece.weight);
  }
  return builder.finish();
}

}  // namespace bksdm
