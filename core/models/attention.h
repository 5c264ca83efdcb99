#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/models/layers.h"

// diffusers' Attention (models/attention_processor.py) with its default AttnProcessor:
// softmax(q kᵀ · dim_head^-0.5) v over heads, for self-attention, cross-attention (U-Net `attn2`)
// and the VAE's single-head spatial attention (group norm, residual connection, output rescaling).
namespace bksdm {

// The image a token sequence was flattened from (row-major), so observers can fold maps back.
struct TokenGrid {
  int64_t height = 0;
  int64_t width = 0;
};

// What a cross-attention layer shows an observer on each call.
struct AttentionProbs {
  const std::string& layer;  // module name, e.g. "down_blocks.0.attentions.0.transformer_blocks.0.attn2"
  TokenGrid grid;            // the layer's spatial size
  int64_t heads;
  const at::Tensor& probs;  // [batch * heads, height * width, context tokens], batch-major
};
using AttentionObserver = std::function<void(const AttentionProbs&)>;

struct AttentionOptions {
  int64_t query_dim = 0;
  std::optional<int64_t> cross_attention_dim;  // nullopt: self-attention
  int64_t heads = 8;
  int64_t dim_head = 64;
  bool bias = false;                       // biases of to_q, to_k, to_v
  bool upcast_attention = false;           // scores from float32 queries and keys
  bool upcast_softmax = false;             // softmax in float32
  std::optional<int64_t> norm_num_groups;  // group norm of a [B, C, H, W] input first
  double eps = 1e-5;                       // of that group norm
  bool residual_connection = false;        // add the input to the output
  double rescale_output_factor = 1.0;      // divide the output by this
};

class AttentionImpl : public torch::nn::Module {
 public:
  explicit AttentionImpl(const AttentionOptions& options);

  // `hidden_states` is [B, tokens, query_dim], or [B, query_dim, H, W] (flattened and restored).
  // `encoder_hidden_states` [B, context tokens, cross_attention_dim] is the context of
  // cross-attention; undefined means self-attention. `grid` is the spatial size of a
  // [B, tokens, query_dim] input, needed only while an observer is set.
  at::Tensor forward(const at::Tensor& hidden_states, const at::Tensor& encoder_hidden_states = {},
                     TokenGrid grid = {}) const;

  // Shows this layer's attention probabilities to `observer` (empty: none) under `layer_name`.
  void set_observer(std::shared_ptr<const AttentionObserver> observer, std::string layer_name);
  // Off a CPU, torch's fused kernel (scaled_dot_product_attention, libtorch 2.x) serves where no
  // observer needs the probabilities; false keeps the blockwise computation, for comparison.
  void set_fused(bool fused) { fused_ = fused; }

  int64_t heads() const { return heads_; }

 private:
  // Attention of [B, tokens, heads * dim_head] queries on [B, context tokens, heads * dim_head]
  // keys and values, computed head by head in blocks of query rows whose scores stay in cache;
  // the probabilities are kept whole only while an observer wants them.
  at::Tensor attend(const at::Tensor& query, const at::Tensor& key, const at::Tensor& value,
                    TokenGrid grid) const;

  GroupNorm group_norm_{nullptr};
  Linear to_q_{nullptr};
  Linear to_k_{nullptr};
  Linear to_v_{nullptr};
  Linear to_out_{nullptr};
  int64_t heads_;
  double scale_;
  bool upcast_attention_;
  bool upcast_softmax_;
  bool residual_connection_;
  double rescale_output_factor_;
  std::shared_ptr<const AttentionObserver> observer_;
  std::string layer_name_;
  bool fused_ = true;
};
TORCH_MODULE(Attention);

}  // namespace bksdm
