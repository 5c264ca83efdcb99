#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/io/error.h"
#include "core/loading/model_summary.h"

namespace bksdm::cli {
namespace {

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

}  // namespace

int inspect(const std::vector<std::string>& words) {
  const Args args(words, {"variant"}, {"json"});
  if (args.positional().size() != 1) throw Error("usage: bksdm inspect MODEL [--json] [--variant fp16]");
  const ModelFolder model = ModelFolder::open(args.positional()[0], args.get_or("variant", ""));
  const ModelSummary summary = summarize_model(model);
  if (args.flag("json")) {
    nlohmann::json json = to_json(summary);
    json["folder"] = model.root().string();
    std::printf("%s\n", json.dump(2).c_str());
  } else {
    print_summary(summary, model);
  }
  return summary.problems.empty() ? 0 : 1;
}

}  // namespace bksdm::cli
