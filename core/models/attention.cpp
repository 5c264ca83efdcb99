#include "core/models/attention.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/version.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace bksdm {
namespace {

// The scores of one block of query rows: 4 MiB (256 rows of 4096 keys in float32) stay in the
// caches for the softmax and the product with the values, and keep the products big enough for
// BLAS to run at full rate. Measured at 64x64 latents: 1 MiB blocks ran 25% slower, 16 MiB no faster.
constexpr int64_t kScoreBlockBytes = int64_t{4} << 20;

// [B, tokens, heads * dim_head] seen as [B, tokens, heads, dim_head].
at::Tensor split_heads(const at::Tensor& tensor, int64_t heads) {
  return tensor.reshape({tensor.size(0), tensor.size(1), heads, tensor.size(2) / heads});
}

}  // namespace

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

at::Tensor AttentionImpl::attend(const at::Tensor& query, const at::Tensor& key, const at::Tensor& value,
                                 TokenGrid grid) const {
  const bool observed = observer_ && *observer_;
#if TORCH_VERSION_MAJOR >= 2
  // On a GPU the fused kernel (flash or memory-efficient attention) wins; its scale is the default
  // dim_head^-0.5 and it accumulates in float32, as upcasting asks. Observers need the
  // probabilities, which it never materialises.
  if (fused_ && !query.is_cpu() && !observed) {
    const auto per_head = [&](const at::Tensor& tensor) { return split_heads(tensor, heads_).transpose(1, 2); };
    return at::scaled_dot_product_attention(per_head(query), per_head(key), per_head(value))
        .transpose(1, 2)
        .reshape(query.sizes());
  }
#endif
  const at::ScalarType dtype = query.scalar_type();
  const at::ScalarType compute = upcast_attention_ || upcast_softmax_ ? at::kFloat : dtype;
  // Scaling the queries rather than the scores touches tokens x dim_head values, not tokens x keys;
  // in half precision it also keeps the products from overflowing.
  const at::Tensor q = split_heads(query.to(compute) * scale_, heads_);
  const at::Tensor k = split_heads(key.to(compute), heads_);
  const at::Tensor v = split_heads(value.to(compute), heads_);
  const int64_t batch = q.size(0), tokens = q.size(1), keys = k.size(1);
  at::Tensor output = at::empty(q.sizes(), q.options());
  const at::Tensor probs = observed ? at::empty({batch * heads_, tokens, keys}, q.options()) : at::Tensor();

  const int64_t block_rows = std::clamp(kScoreBlockBytes / (keys * q.element_size()), int64_t{1}, tokens);
  const int64_t rows = query.is_cpu() ? block_rows : tokens;
  const int64_t blocks = (tokens + rows - 1) / rows;
  const auto run = [&](int64_t begin, int64_t end) {
    const at::Tensor scratch = observed ? at::Tensor() : at::empty({rows, keys}, q.options());
    for (int64_t task = begin; task < end; ++task) {
      const int64_t batch_head = task / blocks, first = task % blocks * rows;
      const int64_t b = batch_head / heads_, h = batch_head % heads_, count = std::min(rows, tokens - first);
      at::Tensor scores = observed ? probs[batch_head].narrow(0, first, count) : scratch.narrow(0, 0, count);
      at::mm_out(scores, q[b].select(1, h).narrow(0, first, count), k[b].select(1, h).t());
      at::_softmax_out(scores, scores, -1, false);
      at::Tensor rows_out = output[b].select(1, h).narrow(0, first, count);
      at::mm_out(rows_out, scores, v[b].select(1, h));
    }
  };
  // Each task's products run single-threaded (BLAS does so inside a parallel region), so the
  // threads share the heads and blocks instead of splitting every small product.
  if (query.is_cpu()) {
    at::parallel_for(0, batch * heads_ * blocks, 1, run);
  } else {
    run(0, batch * heads_ * blocks);
  }
  if (observed) (*observer_)(AttentionProbs{layer_name_, grid, heads_, probs});
  return output.view(query.sizes()).to(dtype);
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
  at::Tensor output =
      to_out_->forward(attend(to_q_->forward(hidden), to_k_->forward(context), to_v_->forward(context), grid));
  if (spatial) output = output.transpose(1, 2).reshape(hidden_states.sizes());
  if (residual_connection_) output.add_(hidden_states);
  return rescale_output_factor_ == 1.0 ? output : output.div_(rescale_output_factor_);
}

}  // namespace bksdm
