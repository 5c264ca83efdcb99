#include "core/models/transformer_2d.h"

#include <ATen/ATen.h>

namespace bksdm {
namespace {

// BasicTransformerBlock's layer norms keep diffusers' default epsilon; its config has no say.
constexpr double kLayerNormEps = 1e-5;
// Transformer2DModel's input group norm likewise.
constexpr double kGroupNormEps = 1e-6;

}  // namespace

GEGLUImpl::GEGLUImpl(int64_t dim_in, int64_t dim_out) {
  proj_ = register_module("proj", Linear(dim_in, dim_out * 2));
}

at::Tensor GEGLUImpl::forward(const at::Tensor& input) const {
  const at::Tensor projected = proj_->forward(input);
  const int64_t half = projected.size(-1) / 2;
  at::Tensor gate = projected.narrow(-1, half, half);
  return projected.narrow(-1, 0, half) * at::gelu_(gate);
}

FeedForwardImpl::FeedForwardImpl(int64_t dim) {
  const int64_t inner_dim = dim * 4;
  auto net = register_module("net", std::make_shared<torch::nn::Module>());
  geglu_ = net->register_module("0", GEGLU(dim, inner_dim));
  out_ = net->register_module("2", Linear(inner_dim, dim));
}

at::Tensor FeedForwardImpl::forward(const at::Tensor& input) const {
  return out_->forward(geglu_->forward(input));
}

BasicTransformerBlockImpl::BasicTransformerBlockImpl(int64_t dim, const TransformerOptions& options) {
  AttentionOptions self_attention;
  self_attention.query_dim = dim;
  self_attention.heads = options.num_attention_heads;
  self_attention.dim_head = options.attention_head_dim;
  self_attention.upcast_attention = options.upcast_attention;
  AttentionOptions cross_attention = self_attention;
  cross_attention.cross_attention_dim = options.cross_attention_dim;
  norm1_ = register_module("norm1", LayerNorm(dim, kLayerNormEps));
  attn1_ = register_module("attn1", Attention(self_attention));
  norm2_ = register_module("norm2", LayerNorm(dim, kLayerNormEps));
  attn2_ = register_module("attn2", Attention(cross_attention));
  norm3_ = register_module("norm3", LayerNorm(dim, kLayerNormEps));
  ff_ = register_module("ff", FeedForward(dim));
}

at::Tensor BasicTransformerBlockImpl::forward(const at::Tensor& hidden_states,
                                              const at::Tensor& encoder_hidden_states, TokenGrid grid) const {
  // Each sub-layer's output is a fresh tensor: the residual sums go in place.
  at::Tensor hidden = attn1_->forward(norm1_->forward(hidden_states), {}, grid).add_(hidden_states);
  hidden = attn2_->forward(norm2_->forward(hidden), encoder_hidden_states, grid).add_(hidden);
  return ff_->forward(norm3_->forward(hidden)).add_(hidden);
}

Transformer2DModelImpl::Transformer2DModelImpl(const Transformer2DOptions& options) {
  const int64_t channels = options.in_channels;
  const TransformerOptions& transformer = options.transformer;
  const int64_t inner_dim = transformer.num_attention_heads * transformer.attention_head_dim;
  norm_ = register_module("norm", GroupNorm(options.norm_num_groups, channels, kGroupNormEps));
  if (options.use_linear_projection) {
    proj_in_linear_ = register_module("proj_in", Linear(channels, inner_dim));
  } else {
    proj_in_conv_ = register_module("proj_in", Conv2d(channels, inner_dim, 1));
  }
  std::vector<std::shared_ptr<BasicTransformerBlockImpl>> blocks;
  for (int64_t i = 0; i < options.num_layers; ++i) {
    blocks.push_back(std::make_shared<BasicTransformerBlockImpl>(inner_dim, transformer));
  }
  transformer_blocks_ = register_list(*this, "transformer_blocks", std::move(blocks));
  if (options.use_linear_projection) {
    proj_out_linear_ = register_module("proj_out", Linear(inner_dim, channels));
  } else {
    proj_out_conv_ = register_module("proj_out", Conv2d(inner_dim, channels, 1));
  }
}

at::Tensor Transformer2DModelImpl::forward(const at::Tensor& hidden_states,
                                           const at::Tensor& encoder_hidden_states) const {
  const int64_t batch = hidden_states.size(0);
  const TokenGrid grid{hidden_states.size(2), hidden_states.size(3)};
  const auto to_tokens = [&](const at::Tensor& image) {  // [B, C, H, W] -> [B, H*W, C]
    return image.permute({0, 2, 3, 1}).reshape({batch, grid.height * grid.width, image.size(1)});
  };
  const auto to_image = [&](const at::Tensor& tokens) {  // the inverse
    return tokens.reshape({batch, grid.height, grid.width, tokens.size(2)})
        .permute({0, 3, 1, 2})
        .contiguous();
  };

  at::Tensor hidden = norm_->forward(hidden_states);
  hidden =
      proj_in_conv_ ? to_tokens(proj_in_conv_->forward(hidden)) : proj_in_linear_->forward(to_tokens(hidden));
  for (const auto& block : transformer_blocks_) hidden = block->forward(hidden, encoder_hidden_states, grid);
  hidden = proj_out_conv_ ? proj_out_conv_->forward(to_image(hidden))
                          : to_image(proj_out_linear_->forward(hidden));
  return hidden.add_(hidden_states);
}

}  // namespace bksdm
