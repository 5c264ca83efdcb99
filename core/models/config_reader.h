#pragma once
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace bksdm {

// Typed reads of a component's config.json, as diffusers' and transformers' from_config see it: a
// missing key takes the class default; a value of the wrong type or range is a bksdm::Error naming
// the file and the key. Keys nobody reads are ignored, as those libraries ignore them.
// The largest size, count or dimension a config may give: far beyond any model's (vocabularies of
// 49408, 1280 channels), and small enough that products of two (sample_size x 8) stay in an int.
inline constexpr int64_t kMaxConfigCount = 1 << 20;

class ConfigReader {
 public:
  // `source` names the file in messages, e.g. "vae/config.json". `json` must outlive the reader.
  ConfigReader(const nlohmann::json& json, std::string source);

  // The key's value, or nullptr when it is absent or null.
  const nlohmann::json* find(const std::string& key) const;

  int64_t integer(const std::string& key, int64_t fallback) const;
  int64_t positive(const std::string& key, int64_t fallback) const;  // from 1 to kMaxConfigCount
  double number(const std::string& key, double fallback) const;
  bool boolean(const std::string& key, bool fallback) const;
  std::string string(const std::string& key, const std::string& fallback) const;
  std::vector<int64_t> positives(const std::string& key, const std::vector<int64_t>& fallback) const;
  std::vector<std::string> strings(const std::string& key, const std::vector<std::string>& fallback) const;

  [[noreturn]] void refuse(const std::string& key, const std::string& why) const;

 private:
  const nlohmann::json& json_;
  std::string source_;
};

}  // namespace bksdm
