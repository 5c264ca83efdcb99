#include "core/models/attention.h"

#include <ATen/ATen.h>

#include <cmath>
#include <utility>

namespace bksdm {

AttentionImpl::AttentionImpl(const AttentionOptions& options)
    : heads_(options.heads),
      scale_(1.0 / std::sqrt(static_cast<double>(options.dim_head))),
      upcast_attention_(options.upcast_attention),
      upcast_softmax_(options.upcast_softmax),
      residual_connection_(options.residual_connection),
      rescale_output_factor_(options.rescale_output_factor) {
  const int64_t inner_dim = options.dim_head * options.heads;
  const int64_t context_dim = options.cross_attention_dim.value_or(options.query_dim);
  if (options.norm_num_groups) {
    group_norm_ =
        register_module("group_norm", GroupNorm(*options.norm_num_groups, options.query_dim, options.eps));
  }
  to_q_ = register_module("to_q", Linear(options.query_dim, inner_dim, options.bias));
  to_k_ = register_module("to_k", Linear(context_dim, inner_dim, options.bias));
  to_v_ = register_module("to_v", Linear(context_dim, inner_dim, options.bias));
  // diffusers' to_out is [Linear, Dropout]; the dropout has no parameters and no effect here.
  to_out_ =
      Linear(register_list<LinearImpl>(*this, "to_out", {Linear(inner_dim, options.query_dim).ptr()})[0]);
}

void AttentionImpl::set_observer(std::shared_ptr<const AttentionObserver> observer, std::string layer_name) {
  observer_ = std::move(observer);
  layer_name_ = std::move(layer_name);
}

at::Tensor AttentionImpl::heads_to_batch(const at::Tensor& tensor) const {
  const int64_t batch = tensor.size(0), tokens = tensor.size(1), dim = tensor.size(2);
  return tensor.reshape({batch, tokens, heads_, dim / heads_})
      .permute({0, 2, 1, 3})
      .reshape({batch * heads_, tokens, dim / heads_});
}

at::Tensor AttentionImpl::batch_to_heads(const at::Tensor& tensor) const {
  const int64_t batch = tensor.size(0) / heads_, tokens = tensor.size(1), dim = tensor.size(2);
  return tensor.reshape({batch, heads_, tokens, dim})
      .permute({0, 2, 1, 3})
      .reshape({batch, tokens, dim * heads_});
}

at::Tensor AttentionImpl::attention_probs(const at::Tensor& query, const at::Tensor& key) const {
  const at::ScalarType dtype = query.scalar_type();
  const at::Tensor q = upcast_attention_ ? query.to(at::kFloat) : query;
  const at::Tensor key_t = (upcast_attention_ ? key.to(at::kFloat) : key).transpose(1, 2);
  // diffusers scales inside baddbmm (alpha), after accumulating; in half precision the unscaled
  // product can overflow, so there the queries are scaled first.
  at::Tensor scores =
      q.scalar_type() == at::kHalf ? at::bmm(q * scale_, key_t) : at::bmm(q, key_t).mul_(scale_);
  if (upcast_softmax_) scores = scores.to(at::kFloat);
  return scores.softmax(-1).to(dtype);
}

at::Tensor AttentionImpl::attend(const at::Tensor& query, const at::Tensor& key, const at::Tensor& value,
                                 TokenGrid grid) const {
  const at::Tensor probs = attention_probs(query, key);
  if (observer_ && *observer_) (*observer_)(AttentionProbs{layer_name_, grid, heads_, probs});
  return at::bmm(probs, value);
}

at::Tensor AttentionImpl::forward(const at::Tensor& hidden_states, const at::Tensor& encoder_hidden_states,
                                  TokenGrid grid) const {
  const bool spatial = hidden_states.dim() == 4;
  at::Tensor hidden = hidden_states;
  if (spatial) {
    grid = {hidden.size(2), hidden.size(3)};
    hidden = hidden.reshape({hidden.size(0), hidden.size(1), grid.height * grid.width}).transpose(1, 2);
  }
  if (group_norm_) hidden = group_norm_->forward(hidden.transpose(1, 2)).transpose(1, 2);
  const at::Tensor& context = encoder_hidden_states.defined() ? encoder_hidden_states : hidden;
  at::Tensor output = attend(heads_to_batch(to_q_->forward(hidden)), heads_to_batch(to_k_->forward(context)),
                             heads_to_batch(to_v_->forward(context)), grid);
  output = to_out_->forward(batch_to_heads(output));
  if (spatial) output = output.transpose(1, 2).reshape(hidden_states.sizes());
  if (residual_connection_) output = output + hidden_states;
  return rescale_output_factor_ == 1.0 ? output : output / rescale_output_factor_;
}

}  // namespace bksdm
