#include "core/models/clip_text_model.h"

#include <ATen/ATen.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "core/io/error.h"
#include "core/loading/model_folder.h"
#include "core/models/single_file.h"
#include "core/models/layers.h"

namespace bksdm {
namespace {

at::Tensor activation(const at::Tensor& x, const std::string& hidden_act) {
  if (hidden_act == "gelu") return at::gelu(x);
  return x * at::sigmoid(1.702 * x);  // quick_gelu
}

// A lookup table of vectors, uninitialised like the layers of layers.h.
class EmbeddingImpl : public torch::nn::Module {
 public:
  EmbeddingImpl(int64_t count, int64_t dim) {
    weight = register_parameter("weight", uninitialised_parameter({count, dim}), false);
  }
  // 16-bit weights on the CPU are a low-memory pipeline's, which computes in fp32 (see in_dtype_of).
  at::Tensor forward(const at::Tensor& ids) const {
    const at::Tensor vectors = at::embedding(weight, ids);
    return weight.is_cpu() ? vectors.to(at::kFloat) : vectors;
  }

  at::Tensor weight;  // [count, dim]
};
TORCH_MODULE(Embedding);

class CLIPTextEmbeddings : public torch::nn::Module {
 public:
  explicit CLIPTextEmbeddings(const CLIPTextConfig& config)
      : token_embedding_(
            register_module("token_embedding", Embedding(config.vocab_size, config.hidden_size))),
        position_embedding_(register_module("position_embedding",
                                            Embedding(config.max_position_embeddings, config.hidden_size))) {}

  at::Tensor forward(const at::Tensor& input_ids) const {
    const at::Tensor position_ids = at::arange(input_ids.size(1), input_ids.options()).unsqueeze(0);
    return token_embedding_->forward(input_ids) + position_embedding_->forward(position_ids);
  }

  c10::Device device() const { return token_embedding_->weight.device(); }
  // The vocabulary's and any textual-inversion vectors appended to it.
  int64_t tokens() const { return token_embedding_->weight.size(0); }

 private:
  Embedding token_embedding_;
  Embedding position_embedding_;
};

class CLIPAttention : public torch::nn::Module {
 public:
  explicit CLIPAttention(const CLIPTextConfig& config)
      : heads_(config.num_attention_heads),
        head_dim_(config.hidden_size / config.num_attention_heads),
        scale_(1.0 / std::sqrt(static_cast<double>(head_dim_))),
        k_proj_(register_module("k_proj", Linear(config.hidden_size, config.hidden_size))),
        v_proj_(register_module("v_proj", Linear(config.hidden_size, config.hidden_size))),
        q_proj_(register_module("q_proj", Linear(config.hidden_size, config.hidden_size))),
        out_proj_(register_module("out_proj", Linear(config.hidden_size, config.hidden_size))) {}

  // causal_mask: additive [length, length], -inf above the diagonal.
  at::Tensor forward(const at::Tensor& hidden_states, const at::Tensor& causal_mask) const {
    const int64_t batch = hidden_states.size(0);
    const int64_t length = hidden_states.size(1);
    const auto split_heads = [&](const at::Tensor& x) {
      return x.view({batch, length, heads_, head_dim_}).transpose(1, 2);
    };
    // transformers scales the queries before the product; the order shows in the low bits.
    const at::Tensor query = split_heads(q_proj_->forward(hidden_states) * scale_);
    const at::Tensor key = split_heads(k_proj_->forward(hidden_states));
    const at::Tensor value = split_heads(v_proj_->forward(hidden_states));
    const at::Tensor probs = at::softmax(at::matmul(query, key.transpose(-1, -2)) + causal_mask, -1);
    const at::Tensor context =
        at::matmul(probs, value).transpose(1, 2).reshape({batch, length, heads_ * head_dim_});
    return out_proj_->forward(context);
  }

 private:
  int64_t heads_;
  int64_t head_dim_;
  double scale_;
  Linear k_proj_, v_proj_, q_proj_, out_proj_;
};

class CLIPMLP : public torch::nn::Module {
 public:
  explicit CLIPMLP(const CLIPTextConfig& config)
      : hidden_act_(config.hidden_act),
        fc1_(register_module("fc1", Linear(config.hidden_size, config.intermediate_size))),
        fc2_(register_module("fc2", Linear(config.intermediate_size, config.hidden_size))) {}

  at::Tensor forward(const at::Tensor& x) const {
    return fc2_->forward(activation(fc1_->forward(x), hidden_act_));
  }

 private:
  std::string hidden_act_;
  Linear fc1_, fc2_;
};

class CLIPEncoderLayer : public torch::nn::Module {
 public:
  explicit CLIPEncoderLayer(const CLIPTextConfig& config)
      : self_attn_(register_module("self_attn", std::make_shared<CLIPAttention>(config))),
        layer_norm1_(register_module("layer_norm1", LayerNorm(config.hidden_size, config.layer_norm_eps))),
        mlp_(register_module("mlp", std::make_shared<CLIPMLP>(config))),
        layer_norm2_(register_module("layer_norm2", LayerNorm(config.hidden_size, config.layer_norm_eps))) {}

  at::Tensor forward(const at::Tensor& hidden_states, const at::Tensor& causal_mask) const {
    const at::Tensor attended =
        hidden_states + self_attn_->forward(layer_norm1_->forward(hidden_states), causal_mask);
    return attended + mlp_->forward(layer_norm2_->forward(attended));
  }

 private:
  std::shared_ptr<CLIPAttention> self_attn_;
  LayerNorm layer_norm1_;
  std::shared_ptr<CLIPMLP> mlp_;
  LayerNorm layer_norm2_;
};

std::vector<std::shared_ptr<CLIPEncoderLayer>> encoder_layers(const CLIPTextConfig& config) {
  std::vector<std::shared_ptr<CLIPEncoderLayer>> layers;
  for (int64_t i = 0; i < config.num_hidden_layers; ++i)
    layers.push_back(std::make_shared<CLIPEncoderLayer>(config));
  return layers;
}

class CLIPEncoder : public torch::nn::Module {
 public:
  explicit CLIPEncoder(const CLIPTextConfig& config)
      : layers_(register_list(*this, "layers", encoder_layers(config))) {}

  // The first `count` layers.
  at::Tensor forward(at::Tensor hidden_states, const at::Tensor& causal_mask, size_t count) const {
    for (size_t i = 0; i < count; ++i) hidden_states = layers_[i]->forward(hidden_states, causal_mask);
    return hidden_states;
  }

 private:
  std::vector<std::shared_ptr<CLIPEncoderLayer>> layers_;
};

}  // namespace

class CLIPTextTransformer : public torch::nn::Module {
 public:
  explicit CLIPTextTransformer(const CLIPTextConfig& config)
      : embeddings_(register_module("embeddings", std::make_shared<CLIPTextEmbeddings>(config))),
        encoder_(register_module("encoder", std::make_shared<CLIPEncoder>(config))),
        final_layer_norm_(
            register_module("final_layer_norm", LayerNorm(config.hidden_size, config.layer_norm_eps))) {}

  at::Tensor forward(const at::Tensor& input_ids, size_t layers) const {
    const at::Tensor hidden_states = embeddings_->forward(input_ids);
    const int64_t length = input_ids.size(1);
    // transformers adds dtype-min above the diagonal; -inf gives the same softmax in every dtype.
    const at::Tensor causal_mask =
        at::full({length, length}, -std::numeric_limits<double>::infinity(), hidden_states.options()).triu(1);
    return final_layer_norm_->forward(encoder_->forward(hidden_states, causal_mask, layers));
  }

  c10::Device device() const { return embeddings_->device(); }
  int64_t tokens() const { return embeddings_->tokens(); }

 private:
  std::shared_ptr<CLIPTextEmbeddings> embeddings_;
  std::shared_ptr<CLIPEncoder> encoder_;
  LayerNorm final_layer_norm_;
};

CLIPTextModel::CLIPTextModel(const CLIPTextConfig& config)
    : config_(config),
      text_model_(register_module("text_model", std::make_shared<CLIPTextTransformer>(config))) {}

at::Tensor CLIPTextModel::forward(const at::Tensor& input_ids, int clip_skip) const {
  if (clip_skip < 1 || clip_skip > config_.num_hidden_layers)
    throw Error("text encoder: clip skip must be from 1 to its " + std::to_string(config_.num_hidden_layers) +
                " layers, got " + std::to_string(clip_skip));
  if (input_ids.dim() != 2 || input_ids.size(1) < 1 || input_ids.size(1) > config_.max_position_embeddings) {
    throw Error("text encoder: input_ids must be [batch, 1.." +
                std::to_string(config_.max_position_embeddings) + "], got " + c10::str(input_ids.sizes()));
  }
  const at::Tensor ids = input_ids.to(text_model_->device(), at::kLong);
  const int64_t tokens = text_model_->tokens();
  if (ids.min().item<int64_t>() < 0 || ids.max().item<int64_t>() >= tokens) {
    throw Error("text encoder: token ids must lie in [0, " + std::to_string(tokens) + ")");
  }
  return text_model_->forward(ids, size_t(config_.num_hidden_layers - (clip_skip - 1)));
}

std::shared_ptr<CLIPTextModel> load_clip_text_model(const ModelFolder& folder,
                                                    const WeightLoadOptions& options) {
  const std::string source = (folder.component_dir("text_encoder") / "config.json").string();
  const CLIPTextConfig config = CLIPTextConfig::from_json(folder.config("text_encoder"), source);
  const WeightSource weights = component_weights(folder, "text_encoder", config);
  auto model = build_for_weights(weights, [&] { return std::make_shared<CLIPTextModel>(config); });
  WeightLoadOptions with_buffer = options;
  with_buffer.known_extras.push_back("text_model.embeddings.position_ids");
  load_weights(*model, weights, with_buffer);
  return model;
}

}  // namespace bksdm
