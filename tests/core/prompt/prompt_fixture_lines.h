#pragma once
// The prompt fixtures' JSON lines, each a test case of its own.
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace bksdm::testing {

struct FixtureLine {
  int number = 0;  // 1-based, as an editor shows it
  nlohmann::json value;
};

// Printed in failure messages as the line itself.
inline void PrintTo(const FixtureLine& line, std::ostream* out) {
  *out << "line " << line.number << ": " << line.value.dump();
}

inline std::string line_name(const ::testing::TestParamInfo<FixtureLine>& info) {
  return "line" + std::to_string(info.param.number);
}

// Every non-empty line of a file in the fixtures folder (none if it is missing, which the tests
// that count the lines report).
inline std::vector<FixtureLine> read_fixture_lines(const std::string& name) {
  std::ifstream in(std::filesystem::path(BKSDM_FIXTURES_DIR) / name);
  std::vector<FixtureLine> lines;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty()) lines.push_back({number, nlohmann::json::parse(line)});
  }
  return lines;
}

}  // namespace bksdm::testing
