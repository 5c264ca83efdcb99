#include "core/loading/model_summary.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/io/utf8.h"
#include "core/loading/ldm_names.h"
#include "core/loading/model_index.h"
#include "core/loading/single_file_configs.h"

namespace bksdm {
namespace {

const char* const kWeightedComponents[] = {"text_encoder", "unet", "vae"};
const char* const kConfigOnlyComponents[] = {"scheduler", "tokenizer"};

// The component's tensors in `file`: all of them, or in a single-file checkpoint those under its
// prefix (their bytes, then, rather than the file's).
ComponentSummary summarize_weights(const SafetensorsFile& file, const std::string& component, bool single_file) {
  ComponentSummary summary{component, file.path(), single_file ? 0 : file.file_size(), 0, {}};
  for (const TensorInfo& info : file.tensors()) {
    if (single_file && ldm_component(info.name) != component) continue;
    if (single_file) summary.bytes += info.end - info.begin;
    summary.parameters += info.numel();
    summary.dtypes[std::string(dtype_name(info.dtype))] += info.numel();
  }
  if (summary.parameters == 0) throw Error(file.path().string() + ": holds no " + component + " tensors");
  return summary;
}

ComponentSummary summarize_weights(const ModelFolder& model, const std::string& component) {
  return summarize_weights(*SafetensorsFile::open(model.weights(component)), component, !model.single_file().empty());
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
  collect(summary.problems, [&] { check_model_index(model, ComponentFolders::skip); });
  collect(summary.problems, [&] { summary.family = model_family(model.config("text_encoder")); });
  collect(summary.problems, [&] { summary.layout = unet_layout(model.config("unet")); });
  for (const char* component : kWeightedComponents)
    collect(summary.problems, [&] { summary.components.push_back(summarize_weights(model, component)); });
  for (const char* component : kConfigOnlyComponents)
    collect(summary.problems, [&] { model.component_dir(component); });
  return summary;
}

ModelSummary summarize_single_file(const std::filesystem::path& path) {
  const auto file = SafetensorsFile::open(path);
  ModelSummary summary{path_text(path.stem()), "unknown", "unknown", {}, {}};
  if (has_tensor_starting(*file, kLdmOpenClipPrefix)) summary.family = "SD 2.x";
  else if (has_tensor_starting(*file, kLdmClipPrefix)) summary.family = "SD 1.x";
  collect(summary.problems, [&] {
    check_single_file_checkpoint(*file);
    summary.layout = unet_layout(single_file_unet_config(*file, nlohmann::json::object()));
  });
  for (const char* component : kWeightedComponents)
    collect(summary.problems, [&] { summary.components.push_back(summarize_weights(*file, component, true)); });
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
