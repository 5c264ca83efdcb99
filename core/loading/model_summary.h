#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/loading/model_folder.h"

namespace bksdm {

struct ComponentSummary {
  std::string name;
  std::filesystem::path weights;        // empty for components without weights
  uint64_t bytes = 0;
  int64_t parameters = 0;               // every tensor in the file, buffers included
  std::map<std::string, int64_t> dtypes;  // parameters per stored dtype
};

// What `bksdm inspect` and the model picker show: family, U-Net layout, per-component weights, and
// every problem found, each a sentence naming the file or key.
struct ModelSummary {
  std::string name;
  std::string family;  // "SD 1.x", "SD 2.x" or "unknown"
  std::string layout;  // "SD", "BK-Base", "BK-Small", "BK-Tiny" or a description
  std::vector<ComponentSummary> components;
  std::vector<std::string> problems;
};

ModelSummary summarize_model(const ModelFolder& model);
// The same for a single-file checkpoint alone (the CompVis/LDM layout), from its tensors' names:
// family from its text encoder's, layout from the U-Net's blocks, each component's share.
ModelSummary summarize_single_file(const std::filesystem::path& file);
nlohmann::json to_json(const ModelSummary& summary);

// Family from the text encoder config, layout from the U-Net config (see the fixtures README).
std::string model_family(const nlohmann::json& text_encoder_config);
std::string unet_layout(const nlohmann::json& unet_config);

}  // namespace bksdm
