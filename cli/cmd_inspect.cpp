#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/io/utf8.h"
#include "core/loading/model_summary.h"

namespace bksdm::cli {
namespace {

struct Settings {
  ModelChoice model;
  std::string variant;
  bool json = false;
};

std::string with_thousands(int64_t value) {
  const std::string digits = std::to_string(value);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

// `folder`: where the configs are; `repo`, the Hub id when from the cache (each empty when none).
void print_summary(const ModelSummary& summary, const std::string& folder, const std::string& repo) {
  std::printf("%s\n", summary.name.c_str());
  if (!folder.empty()) std::printf("  folder: %s\n", folder.c_str());
  if (!repo.empty()) std::printf("  repo:   %s\n", repo.c_str());
  std::printf("  family: %s\n  layout: %s\n", summary.family.c_str(), summary.layout.c_str());
  for (const ComponentSummary& component : summary.components) {
    std::string dtypes;
    for (const auto& [dtype, count] : component.dtypes) dtypes += (dtypes.empty() ? "" : ", ") + dtype;
    std::printf("  %-13s %15s parameters  %8.1f MB  %-10s %s\n", component.name.c_str(),
                with_thousands(component.parameters).c_str(), double(component.bytes) / 1e6, dtypes.c_str(),
                component.weights.filename().c_str());
  }
  for (const std::string& problem : summary.problems) std::printf("  problem: %s\n", problem.c_str());
}

// A single file without --config is described from its tensors alone.
bool alone(const ModelChoice& choice) {
  std::error_code error;
  return choice.config.empty() && std::filesystem::is_regular_file(choice.model, error);
}

int inspect(const Settings& settings) {
  std::optional<ModelFolder> model;
  if (!alone(settings.model)) model = settings.model.open(settings.variant);
  const ModelSummary summary = model ? summarize_model(*model) : summarize_single_file(settings.model.model);
  const std::string folder = model ? path_text(model->root()) : "";
  if (settings.json) {
    nlohmann::json json = to_json(summary);
    if (model) json["folder"] = folder;
    std::printf("%s\n", json.dump(2).c_str());
  } else {
    print_summary(summary, folder, model && model->repo_id() ? *model->repo_id() : "");
  }
  return summary.problems.empty() ? 0 : 1;
}

}  // namespace

Command add_inspect(CLI::App& bksdm) {
  CLI::App* command =
      bksdm.add_subcommand("inspect", "describe a model folder, a cached Hugging Face repo or a single-file checkpoint");
  auto settings = std::make_shared<Settings>();
  command->add_option("MODEL", settings->model.model,
                      "model folder, cached Hugging Face repo id, or single-file checkpoint (.safetensors)")
      ->required()
      ->type_name("");
  command->add_option("--config", settings->model.config,
                      "for a single file: the model folder or cached repo id whose configs it takes")
      ->type_name("MODEL");
  command->add_flag("--json", settings->json, "as JSON");
  command->add_option("--variant", settings->variant, "prefer *.VARIANT.safetensors weights, e.g. fp16");
  return {command, [settings] { return inspect(*settings); }};
}

}  // namespace bksdm::cli
