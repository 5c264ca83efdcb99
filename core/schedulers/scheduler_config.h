#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace bksdm {

// A scheduler's settings as diffusers' `Class.from_config(config, **overrides)` sees them: the keys
// of the model's scheduler_config.json, less the private `_` keys and those `_use_default_values`
// lists, with `overrides` on top. A key that is absent or null takes the class's default, so each
// scheduler reads only its own keys and ignores the rest. Wrong types and unsupported values are
// bksdm::Error naming the key and the value.
class SchedulerConfig {
 public:
  explicit SchedulerConfig(const nlohmann::json& config, const nlohmann::json& overrides = nlohmann::json::object());

  int integer(std::string_view key, int fallback) const;
  double number(std::string_view key, double fallback) const;
  std::optional<double> optional_number(std::string_view key) const;
  bool boolean(std::string_view key, bool fallback) const;
  // A string that must be one of `allowed`.
  std::string choice(std::string_view key, std::string_view fallback,
                     std::initializer_list<std::string_view> allowed) const;
  std::optional<std::vector<double>> number_list(std::string_view key) const;
  // Refuses a setting this engine does not implement: `key` must be absent, null or `supported`.
  void require(std::string_view key, const nlohmann::json& supported, std::string_view scheduler) const;

 private:
  const nlohmann::json* find(std::string_view key) const;
  [[noreturn]] void fail(std::string_view key, const std::string& what) const;

  nlohmann::json values_;
};

}  // namespace bksdm
