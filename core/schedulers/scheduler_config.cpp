#include "core/schedulers/scheduler_config.h"

#include <algorithm>
#include <cmath>

#include "core/io/error.h"
#include "core/io/json_text.h"

namespace bksdm {

SchedulerConfig::SchedulerConfig(const nlohmann::json& config, const nlohmann::json& overrides)
    : values_(nlohmann::json::object()) {
  if (!config.is_object()) throw Error("scheduler config: expected a JSON object, got " + json_summary(config));
  // Configs saved by recent diffusers list the keys that merely hold defaults; from_config drops them.
  const nlohmann::json defaults = config.value("_use_default_values", nlohmann::json::array());
  for (const auto& [key, value] : config.items()) {
    const bool listed = defaults.is_array() && std::find(defaults.begin(), defaults.end(), key) != defaults.end();
    if (key.empty() || key.front() == '_' || listed) continue;
    values_[key] = value;
  }
  for (const auto& [key, value] : overrides.items()) values_[key] = value;
}

const nlohmann::json* SchedulerConfig::find(std::string_view key) const {
  const auto found = values_.find(std::string(key));
  if (found == values_.end() || found->is_null()) return nullptr;
  return &*found;
}

void SchedulerConfig::fail(std::string_view key, const std::string& what) const {
  throw Error("scheduler config: \"" + std::string(key) + "\" " + what);
}

int SchedulerConfig::integer(std::string_view key, int fallback) const {
  const nlohmann::json* value = find(key);
  if (!value) return fallback;
  if (value->is_number_integer()) return value->get<int>();
  if (value->is_number_float()) {
    const double number = value->get<double>();
    if (std::floor(number) == number && std::abs(number) < 1e9) return int(number);
  }
  fail(key, "must be an integer, got " + json_summary(*value));
}

double SchedulerConfig::number(std::string_view key, double fallback) const {
  return optional_number(key).value_or(fallback);
}

std::optional<double> SchedulerConfig::optional_number(std::string_view key) const {
  const nlohmann::json* value = find(key);
  if (!value) return std::nullopt;
  if (!value->is_number()) fail(key, "must be a number, got " + json_summary(*value));
  return value->get<double>();
}

bool SchedulerConfig::boolean(std::string_view key, bool fallback) const {
  const nlohmann::json* value = find(key);
  if (!value) return fallback;
  if (!value->is_boolean()) fail(key, "must be true or false, got " + json_summary(*value));
  return value->get<bool>();
}

std::string SchedulerConfig::choice(std::string_view key, std::string_view fallback,
                                    std::initializer_list<std::string_view> allowed) const {
  const nlohmann::json* value = find(key);
  if (!value) return std::string(fallback);
  if (value->is_string()) {
    const std::string text = value->get<std::string>();
    for (std::string_view candidate : allowed)
      if (text == candidate) return text;
  }
  std::string list;
  for (std::string_view candidate : allowed) list += (list.empty() ? "" : ", ") + std::string(candidate);
  fail(key, "= " + json_summary(*value) + " is not supported (supported: " + list + ")");
}

std::optional<std::vector<double>> SchedulerConfig::number_list(std::string_view key) const {
  const nlohmann::json* value = find(key);
  if (!value) return std::nullopt;
  std::vector<double> numbers;
  if (value->is_array()) {
    for (const nlohmann::json& element : *value) {
      if (!element.is_number()) break;
      numbers.push_back(element.get<double>());
    }
    if (numbers.size() == value->size()) return numbers;
  }
  fail(key, "must be a list of numbers");
}

void SchedulerConfig::require(std::string_view key, const nlohmann::json& supported, std::string_view scheduler) const {
  const nlohmann::json* value = find(key);
  if (!value || *value == supported) return;
  fail(key, "= " + json_summary(*value) + " is not supported by the " + std::string(scheduler) + " scheduler");
}

}  // namespace bksdm
