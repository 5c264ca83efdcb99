#pragma once
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace bksdm {

// transformers' CLIPTextConfig (4.44): the fields the text model uses, with its defaults.
struct CLIPTextConfig {
  int64_t vocab_size = 49408;
  int64_t hidden_size = 512;
  int64_t intermediate_size = 2048;
  int64_t num_hidden_layers = 12;
  int64_t num_attention_heads = 8;
  int64_t max_position_embeddings = 77;
  std::string hidden_act = "quick_gelu";  // "quick_gelu" or "gelu" (exact, erf)
  double layer_norm_eps = 1e-5;

  // Reads text_encoder/config.json: a missing key keeps transformers' default; a value this engine
  // cannot run is a bksdm::Error naming the key. `source` names the file in messages.
  static CLIPTextConfig from_json(const nlohmann::json& json, const std::string& source);
};

}  // namespace bksdm
