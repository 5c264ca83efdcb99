#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/io/utf8.h"
#include "core/loading/model_summary.h"

namespace bksdm::cli {
namespace {

struct Settings {
  std::string model;
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

void print_summary(const ModelSummary& summary, const ModelFolder& model) {
  std::printf("%s\n  folder: %s\n", summary.name.c_str(), model.root().c_str());
  if (model.repo_id()) std::printf("  repo:   %s\n", model.repo_id()->c_str());
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

int inspect(const Settings& settings) {
  const ModelFolder model = ModelFolder::open(settings.model, settings.variant);
  const ModelSummary summary = summarize_model(model);
  if (settings.json) {
    nlohmann::json json = to_json(summary);
    json["folder"] = path_text(model.root());
    std::printf("%s\n", json.dump(2).c_str());
  } else {
    print_summary(summary, model);
  }
  return summary.problems.empty() ? 0 : 1;
}

}  // namespace

Command add_inspect(CLI::App& bksdm) {
  CLI::App* command = bksdm.add_subcommand("inspect", "describe a model folder or a cached Hugging Face repo");
  auto settings = std::make_shared<Settings>();
  command->add_option("MODEL", settings->model, "model folder or cached Hugging Face repo id")
      ->required()
      ->type_name("");
  command->add_flag("--json", settings->json, "as JSON");
  command->add_option("--variant", settings->variant, "prefer *.VARIANT.safetensors weights, e.g. fp16");
  return {command, [settings] { return inspect(*settings); }};
}

}  // namespace bksdm::cli
