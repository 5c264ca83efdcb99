#pragma once
#include <cstdint>
#include <vector>

#include "core/models/attention.h"
#include "core/models/layers.h"

// diffusers' Transformer2DModel (models/transformers/transformer_2d.py) for continuous inputs, with
// its BasicTransformerBlock, FeedForward and GEGLU (models/attention.py, activations.py): the
// spatial transformer of the Stable Diffusion U-Net.
namespace bksdm {

// proj then hidden * gelu(gate), the two halves of the projection.
class GEGLUImpl : public torch::nn::Module {
 public:
  GEGLUImpl(int64_t dim_in, int64_t dim_out);
  at::Tensor forward(const at::Tensor& input) const;

 private:
  Linear proj_{nullptr};
};
TORCH_MODULE(GEGLU);

// net.0 (GEGLU to 4 * dim), net.1 (dropout, absent here), net.2 (Linear back to dim).
class FeedForwardImpl : public torch::nn::Module {
 public:
  explicit FeedForwardImpl(int64_t dim);
  at::Tensor forward(const at::Tensor& input) const;

 private:
  GEGLU geglu_{nullptr};
  Linear out_{nullptr};
};
TORCH_MODULE(FeedForward);

struct TransformerOptions {
  int64_t num_attention_heads = 1;
  int64_t attention_head_dim = 0;
  int64_t cross_attention_dim = 0;
  bool upcast_attention = false;
};

// Self-attention (attn1), cross-attention on the text (attn2), feed-forward; each after a layer
// norm and added to its input.
class BasicTransformerBlockImpl : public torch::nn::Module {
 public:
  BasicTransformerBlockImpl(int64_t dim, const TransformerOptions& options);
  at::Tensor forward(const at::Tensor& hidden_states, const at::Tensor& encoder_hidden_states,
                     TokenGrid grid) const;

 private:
  LayerNorm norm1_{nullptr};
  Attention attn1_{nullptr};
  LayerNorm norm2_{nullptr};
  Attention attn2_{nullptr};
  LayerNorm norm3_{nullptr};
  FeedForward ff_{nullptr};
};
TORCH_MODULE(BasicTransformerBlock);

struct Transformer2DOptions {
  int64_t in_channels = 0;
  int64_t num_layers = 1;
  int64_t norm_num_groups = 32;
  bool use_linear_projection = false;  // Linear projections (SD 2.x) instead of 1x1 convolutions
  TransformerOptions transformer;
};

class Transformer2DModelImpl : public torch::nn::Module {
 public:
  explicit Transformer2DModelImpl(const Transformer2DOptions& options);
  // [B, C, H, W] with text context [B, tokens, cross_attention_dim] -> [B, C, H, W].
  at::Tensor forward(const at::Tensor& hidden_states, const at::Tensor& encoder_hidden_states) const;

 private:
  GroupNorm norm_{nullptr};
  Linear proj_in_linear_{nullptr};  // one of these two is proj_in
  Conv2d proj_in_conv_{nullptr};
  std::vector<std::shared_ptr<BasicTransformerBlockImpl>> transformer_blocks_;
  Linear proj_out_linear_{nullptr};  // one of these two is proj_out
  Conv2d proj_out_conv_{nullptr};
};
TORCH_MODULE(Transformer2DModel);

}  // namespace bksdm
