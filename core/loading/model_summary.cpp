#include "core/loading/model_summary.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/io/utf8.h"
#include "core/loading/model_index.h"

namespace bksdm {
namespace {

const char* const kWeightedComponents[] = {"text_encoder", "unet", "vae"};
const char* const kConfigOnlyComponents[] = {"scheduler", "tokenizer"};

ComponentSummary summarize_weights(const ModelFolder& model, const std::string& component) {
  ComponentSummary summary{component, model.weights(component), 0, 0, {}};
  auto file = SafetensorsFile::open(summary.weights);
  summary.bytes = file->file_size();
  for (const TensorInfo& info : file->tensors()) {
    summary.parameters += info.numel();
    summary.dtypes[std::string(dtype_name(info.dtype))] += info.numel();
  }
  return summary;
}

// Runs `describe`, turning a failure into a problem line instead of an abort: inspect reports all.
// A line names files, so it is made valid UTF-8 for the JSON it may go into.
template <typename F>
void collect(std::vector<std::string>& problems, F&& describe) {
  try {
    describe();
  } catch (const std::exception& error) {
    problems.push_back(utf8_escaped(error.what()));
  }
}

// The key's value, or nullptr when absent or when the config is not an object: these functions only
// label a model; loading it checks the configs and reports what is wrong.
const nlohmann::json* member(const nlohmann::json& config, const char* key) {
  if (!config.is_object()) return nullptr;
  const auto found = config.find(key);
  return found == config.end() ? nullptr : &*found;
}

}  // namespace

std::string model_family(const nlohmann::json& text_encoder_config) {
  const nlohmann::json* act = member(text_encoder_config, "hidden_act");
  if (!act || *act == "quick_gelu") return "SD 1.x";
  if (*act == "gelu") return "SD 2.x";
  return "unknown";
}

std::string unet_layout(const nlohmann::json& unet_config) {
  const nlohmann::json* types = member(unet_config, "down_block_types");
  const size_t levels = types && types->is_array() ? types->size() : 0;
  // One number, or one per level (diffusers accepts both); -1 when the levels differ.
  const nlohmann::json* blocks = member(unet_config, "layers_per_block");
  int64_t per_block = 2;
  if (blocks && blocks->is_number_integer()) per_block = blocks->get<int64_t>();
  if (blocks && blocks->is_array() && !blocks->empty()) {
    const bool same = std::all_of(blocks->begin(), blocks->end(), [&](const auto& n) { return n == blocks->front(); });
    per_block = same && blocks->front().is_number_integer() ? blocks->front().get<int64_t>() : -1;
  }
  // An absent key means diffusers' default mid block; only an explicit null removes it.
  const nlohmann::json* mid_block = member(unet_config, "mid_block_type");
  const bool mid = !mid_block || !mid_block->is_null();
  if (levels == 4 && per_block == 2 && mid) return "SD";
  if (levels == 4 && per_block == 1 && mid) return "BK-Base";
  if (levels == 4 && per_block == 1 && !mid) return "BK-Small";
  if (levels == 3 && per_block == 1 && !mid) return "BK-Tiny";
  return std::to_string(levels) + " levels, " +
         (per_block < 0 ? std::string("varying blocks") : std::to_string(per_block) + " blocks") + " per level, " +
         (mid ? "mid block" : "no mid block");
}

ModelSummary summarize_model(const ModelFolder& model) {
  ModelSummary summary{model.name(), "unknown", "unknown", {}, {}};
  collect(summary.problems, [&] { check_model_index(model); });
  collect(summary.problems, [&] { summary.family = model_family(model.config("text_encoder")); });
  collect(summary.problems, [&] { summary.layout = unet_layout(model.config("unet")); });
  for (const char* component : kWeightedComponents)
    collect(summary.problems, [&] { summary.components.push_back(summarize_weights(model, component)); });
  for (const char* component : kConfigOnlyComponents)
    collect(summary.problems, [&] { model.component_dir(component); });
  return summary;
}

nlohmann::json to_json(const ModelSummary& summary) {
  nlohmann::json components = nlohmann::json::object();
  for (const ComponentSummary& component : summary.components)
    components[component.name] = {{"weights", path_text(component.weights)},
                                  {"bytes", component.bytes},
                                  {"parameters", component.parameters},
                                  {"dtypes", component.dtypes}};
  return {{"name", summary.name},     {"family", summary.family},         {"layout", summary.layout},
          {"components", components}, {"problems", summary.problems}};
}

}  // namespace bksdm
