#include "core/loading/model_index.h"

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/io/excerpt.h"
#include "core/io/json_text.h"

namespace bksdm {
namespace {

const char* const kPipelineClasses[] = {"StableDiffusionPipeline", "StableDiffusionImg2ImgPipeline"};
const char* const kNeededComponents[] = {"text_encoder", "tokenizer", "unet", "vae", "scheduler"};

bool is_library_and_class(const nlohmann::json& entry) {
  return entry.is_array() && entry.size() == 2 && entry[0].is_string() && entry[1].is_string();
}

void check_class_name(const nlohmann::json& index, const std::string& where) {
  const auto found = index.find("_class_name");
  if (found == index.end()) throw Error(where + ": has no \"_class_name\" (the pipeline, e.g. \"StableDiffusionPipeline\")");
  if (!found->is_string())
    throw Error(where + ": \"_class_name\" must name the pipeline, e.g. \"StableDiffusionPipeline\", not " +
                json_summary(*found));
  const std::string& name = found->get_ref<const std::string&>();
  if (std::none_of(std::begin(kPipelineClasses), std::end(kPipelineClasses), [&](const char* known) { return name == known; }))
    throw Error(where + ": \"_class_name\" is \"" + excerpt(name) +
                "\"; this engine runs StableDiffusionPipeline models (Stable Diffusion 1.x and 2.x, BK-SDM)");
}

void check_component(const ModelFolder& model, const nlohmann::json& index, const std::string& where,
                     const std::string& component) {
  const auto found = index.find(component);
  if (found == index.end())
    throw Error(where + ": does not list the \"" + component + "\" component, which a StableDiffusionPipeline needs");
  if (!is_library_and_class(*found))
    throw Error(where + ": \"" + component + "\" must name its library and class, e.g. [\"diffusers\", " +
                "\"UNet2DConditionModel\"], not " + json_summary(*found));
  std::error_code error;
  if (!std::filesystem::is_directory(model.root() / component, error))
    throw Error(where + ": lists \"" + component + "\", but the '" + component + "' folder is missing");
}

}  // namespace

void check_model_index(const ModelFolder& model) {
  const std::filesystem::path file = model.root() / "model_index.json";
  const nlohmann::json index = read_json_file(file);
  if (!index.is_object()) throw Error(file.string() + ": must be a JSON object, not " + json_summary(index));
  check_class_name(index, file.string());
  for (const char* component : kNeededComponents) check_component(model, index, file.string(), component);
}

}  // namespace bksdm
