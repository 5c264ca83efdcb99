#include "cli/args.h"

#include <charconv>

#include "core/io/error.h"

namespace bksdm::cli {

Args::Args(std::vector<std::string> words, const std::set<std::string>& options,
           const std::set<std::string>& flags) {
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word.rfind("--", 0) != 0) {
      positional_.push_back(word);
      continue;
    }
    std::string name = word.substr(2);
    if (flags.count(name)) {
      flags_.insert(name);
    } else if (options.count(name)) {
      if (i + 1 >= words.size()) throw Error("option --" + name + " needs a value");
      values_[name] = words[++i];
    } else {
      throw Error("unknown option --" + name);
    }
  }
}

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::get_or(const std::string& name, const std::string& fallback) const {
  return get(name).value_or(fallback);
}

std::string Args::require(const std::string& name) const {
  auto value = get(name);
  if (!value) throw Error("missing required option --" + name);
  return *value;
}

int Args::get_int(const std::string& name, int fallback) const {
  auto value = get(name);
  if (!value) return fallback;
  int result = 0;
  auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), result);
  if (ec != std::errc() || end != value->data() + value->size())
    throw Error("--" + name + " expects a whole number, got '" + *value + "'");
  return result;
}

double Args::get_double(const std::string& name, double fallback) const {
  auto value = get(name);
  if (!value) return fallback;
  try {
    size_t used = 0;
    double result = std::stod(*value, &used);
    if (used == value->size()) return result;
  } catch (const std::exception&) {
  }
  throw Error("--" + name + " expects a number, got '" + *value + "'");
}

}  // namespace bksdm::cli
