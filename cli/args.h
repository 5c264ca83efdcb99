#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace bksdm::cli {

// `--name value` options, `--flag` switches and positional words, checked against what a command
// accepts so that a typo is an error rather than a silently ignored option.
class Args {
 public:
  Args(std::vector<std::string> words, const std::set<std::string>& options,
       const std::set<std::string>& flags);

  bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  std::optional<std::string> get(const std::string& name) const;
  std::string get_or(const std::string& name, const std::string& fallback) const;
  std::string require(const std::string& name) const;
  int get_int(const std::string& name, int fallback) const;
  double get_double(const std::string& name, double fallback) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
  std::vector<std::string> positional_;
};

}  // namespace bksdm::cli
