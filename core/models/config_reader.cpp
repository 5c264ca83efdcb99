#include "core/models/config_reader.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "core/io/error.h"
#include "core/io/json_text.h"

namespace bksdm {

ConfigReader::ConfigReader(const nlohmann::json& json, std::string source)
    : json_(json), source_(std::move(source)) {
  if (!json_.is_object()) throw Error(source_ + ": expected a JSON object");
}

const nlohmann::json* ConfigReader::find(const std::string& key) const {
  const auto found = json_.find(key);
  if (found == json_.end() || found->is_null()) return nullptr;
  return &*found;
}

void ConfigReader::refuse(const std::string& key, const std::string& why) const {
  throw Error(source_ + ": \"" + key + "\" " + why);
}

int64_t ConfigReader::integer(const std::string& key, int64_t fallback) const {
  const nlohmann::json* value = find(key);
  if (!value) return fallback;
  if (!value->is_number_integer()) refuse(key, "must be an integer, not " + json_summary(*value));
  return value->get<int64_t>();
}

int64_t ConfigReader::positive(const std::string& key, int64_t fallback) const {
  const int64_t value = integer(key, fallback);
  if (value < 1 || value > kMaxConfigCount)
    refuse(key, "must be from 1 to " + std::to_string(kMaxConfigCount) + ", not " + std::to_string(value));
  return value;
}

double ConfigReader::number(const std::string& key, double fallback) const {
  const nlohmann::json* value = find(key);
  if (!value) return fallback;
  if (!value->is_number()) refuse(key, "must be a number, not " + json_summary(*value));
  return value->get<double>();
}

bool ConfigReader::boolean(const std::string& key, bool fallback) const {
  const nlohmann::json* value = find(key);
  if (!value) return fallback;
  if (!value->is_boolean()) refuse(key, "must be true or false, not " + json_summary(*value));
  return value->get<bool>();
}

std::string ConfigReader::string(const std::string& key, const std::string& fallback) const {
  const nlohmann::json* value = find(key);
  if (!value) return fallback;
  if (!value->is_string()) refuse(key, "must be a string, not " + json_summary(*value));
  return value->get<std::string>();
}

std::vector<int64_t> ConfigReader::positives(const std::string& key,
                                             const std::vector<int64_t>& fallback) const {
  const nlohmann::json* value = find(key);
  if (!value) return fallback;
  if (!value->is_array() || value->empty()) refuse(key, "must be a non-empty list of integers");
  std::vector<int64_t> result;
  for (const nlohmann::json& item : *value) {
    if (!item.is_number_integer() || item.get<int64_t>() < 1 || item.get<int64_t>() > kMaxConfigCount) {
      refuse(key, "must hold integers from 1 to " + std::to_string(kMaxConfigCount) + ", not " + json_summary(item));
    }
    result.push_back(item.get<int64_t>());
  }
  return result;
}

std::vector<std::string> ConfigReader::strings(const std::string& key,
                                               const std::vector<std::string>& fallback) const {
  const nlohmann::json* value = find(key);
  if (!value) return fallback;
  if (!value->is_array() || value->empty()) refuse(key, "must be a non-empty list of strings");
  std::vector<std::string> result;
  for (const nlohmann::json& item : *value) {
    if (!item.is_string()) refuse(key, "must hold strings, not " + json_summary(item));
    result.push_back(item.get<std::string>());
  }
  return result;
}

}  // namespace bksdm
