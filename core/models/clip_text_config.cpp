#include "core/models/clip_text_config.h"

#include <nlohmann/json.hpp>

#include "core/models/config_reader.h"

namespace bksdm {

CLIPTextConfig CLIPTextConfig::from_json(const nlohmann::json& json, const std::string& source) {
  const ConfigReader reader(json, source);
  const std::string model_type = reader.string("model_type", "clip_text_model");
  if (model_type != "clip_text_model") {
    reader.refuse("model_type", "is \"" + model_type + "\"; a CLIP text model needs \"clip_text_model\"");
  }
  CLIPTextConfig config;
  config.vocab_size = reader.positive("vocab_size", config.vocab_size);
  config.hidden_size = reader.positive("hidden_size", config.hidden_size);
  config.intermediate_size = reader.positive("intermediate_size", config.intermediate_size);
  config.num_hidden_layers = reader.positive("num_hidden_layers", config.num_hidden_layers);
  config.num_attention_heads = reader.positive("num_attention_heads", config.num_attention_heads);
  config.max_position_embeddings = reader.positive("max_position_embeddings", config.max_position_embeddings);
  config.hidden_act = reader.string("hidden_act", config.hidden_act);
  config.layer_norm_eps = reader.number("layer_norm_eps", config.layer_norm_eps);

  if (config.hidden_act != "quick_gelu" && config.hidden_act != "gelu") {
    reader.refuse("hidden_act", "is \"" + config.hidden_act + "\"; supported: \"quick_gelu\", \"gelu\"");
  }
  if (config.hidden_size % config.num_attention_heads != 0) {
    reader.refuse("num_attention_heads", "(" + std::to_string(config.num_attention_heads) +
                                             ") must divide hidden_size (" +
                                             std::to_string(config.hidden_size) + ")");
  }
  if (!(config.layer_norm_eps > 0)) reader.refuse("layer_norm_eps", "must be positive");
  return config;
}

}  // namespace bksdm
