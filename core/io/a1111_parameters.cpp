#include "core/io/a1111_parameters.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/schedulers/scheduler_table.h"

namespace bksdm {
namespace {

// Far longer than any prompt and settings A1111 writes; a text this long is not parameters.
constexpr size_t kMaxParametersBytes = 1u << 20;

// Python's str.isspace for ASCII, which is what A1111's strip() and \s meet in practice.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view strip(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Python's \w: letters, digits and underscore; every byte of a non-ASCII character counts.
bool is_word(char c) {
  const auto byte = uint8_t(c);
  return byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_key_char(char c) { return is_word(c) || c == ' ' || c == '-' || c == '/'; }

// json.dumps(value, ensure_ascii=False) where A1111's quote() applies it.
std::string quote(const std::string& value) {
  if (value.find_first_of(",:\n") == std::string::npos) return value;
  try {
    return nlohmann::json(value).dump();
  } catch (const nlohmann::json::exception&) {
    throw Error("A1111 parameters: the value \"" + value + "\" is not valid UTF-8");
  }
}

// json.loads of a quoted value; a value that is not a JSON string stays as written.
std::string unquote(std::string_view value) {
  if (value.size() < 2 || value.front() != '"' || value.back() != '"') return std::string(value);
  const nlohmann::json parsed = nlohmann::json::parse(value, nullptr, false);
  return parsed.is_string() ? parsed.get<std::string>() : std::string(value);
}

struct Match {
  std::string key, value;
  size_t end;
};

// A quoted value "(?:\\.|[^\\"])+" starting at `at`: the position after its closing quote.
std::optional<size_t> quoted_end(std::string_view line, size_t at) {
  size_t i = at + 1;
  size_t units = 0;
  while (i < line.size() && line[i] != '"') {
    if (line[i] == '\\') {
      if (i + 1 >= line.size() || line[i + 1] == '\n') return std::nullopt;
      i += 2;
    } else {
      ++i;
    }
    ++units;
  }
  if (i >= line.size() || units == 0) return std::nullopt;
  return i + 1;
}

// A1111's re_param, \s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$), tried at `at`. When it
// fails, `resume` is the first later position where it can match: every start inside the same run
// of key characters reads on to the same character after it, and fails there too.
std::optional<Match> match_param(std::string_view line, size_t at, size_t& resume) {
  size_t i = at;
  while (i < line.size() && is_space(line[i])) ++i;
  const size_t key_begin = i;
  if (i >= line.size() || !is_word(line[i])) {
    resume = i + 1;
    return std::nullopt;
  }
  ++i;
  while (i < line.size() && is_key_char(line[i])) ++i;
  if (i - key_begin < 2 || i >= line.size() || line[i] != ':') {
    resume = i;
    return std::nullopt;
  }
  Match match{std::string(line.substr(key_begin, i - key_begin)), {}, 0};
  ++i;
  while (i < line.size() && is_space(line[i])) ++i;
  if (i < line.size() && line[i] == '"') {
    // Linear overall: the next value's opening quote follows ':' or a space, so this scan stops
    // at it at the latest.
    const std::optional<size_t> end = quoted_end(line, i);
    if (end && (*end == line.size() || line[*end] == ',')) {
      match.value = line.substr(i, *end - i);
      match.end = *end == line.size() ? *end : *end + 1;
      return match;
    }
  }
  const size_t comma = std::min(line.find(',', i), line.size());
  match.value = line.substr(i, comma - i);
  match.end = comma == line.size() ? comma : comma + 1;
  return match;
}

// re_param.findall(line), in one pass.
std::vector<std::pair<std::string, std::string>> find_params(std::string_view line) {
  std::vector<std::pair<std::string, std::string>> params;
  for (size_t at = 0, resume = 0; at < line.size();) {
    if (std::optional<Match> match = match_param(line, at, resume)) {
      params.emplace_back(std::move(match->key), std::move(match->value));
      at = match->end;
    } else {
      at = std::max(resume, at + 1);
    }
  }
  return params;
}

}  // namespace

const std::string* A1111Parameters::setting(std::string_view key) const {
  for (const auto& [name, value] : settings)
    if (name == key) return &value;
  return nullptr;
}

// Python's repr of a float: the shortest text that reads back the same, in positional notation from
// 1e-4 up to 1e16, with ".0" on integers.
std::string a1111_number(double value) {
  std::array<char, 32> buffer;
  const double magnitude = std::abs(value);
  const bool positional = magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16);
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                    positional ? std::chars_format::fixed : std::chars_format::scientific);
  std::string text(buffer.data(), result.ptr);
  if (text.find_first_of(".en") == std::string::npos) text += ".0";
  return text;
}

std::string format_a1111_parameters(const A1111Parameters& parameters) {
  std::string text = parameters.prompt;
  if (!parameters.negative_prompt.empty()) text += "\nNegative prompt: " + parameters.negative_prompt;
  text += '\n';
  for (size_t i = 0; i < parameters.settings.size(); ++i) {
    const auto& [key, value] = parameters.settings[i];
    if (i > 0) text += ", ";
    text += key == value ? key : key + ": " + quote(value);
  }
  return std::string(strip(text));
}

A1111Parameters parse_a1111_parameters(std::string_view text) {
  if (text.size() > kMaxParametersBytes)
    throw Error("A1111 parameters of " + std::to_string(text.size() >> 10) + " KiB; at most " +
                std::to_string(kMaxParametersBytes >> 10) + " KiB are read");
  std::vector<std::string_view> lines;
  text = strip(text);
  for (size_t begin = 0;;) {
    const size_t end = text.find('\n', begin);
    lines.push_back(text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
    if (end == std::string_view::npos) break;
    begin = end + 1;
  }
  std::vector<std::pair<std::string, std::string>> params = find_params(lines.back());
  if (params.size() < 3)
    params.clear();
  else
    lines.pop_back();

  A1111Parameters parameters;
  bool done_with_prompt = false;
  for (std::string_view line : lines) {
    line = strip(line);
    constexpr std::string_view kNegative = "Negative prompt:";
    if (line.substr(0, kNegative.size()) == kNegative) {
      done_with_prompt = true;
      line = strip(line.substr(kNegative.size()));
    }
    std::string& target = done_with_prompt ? parameters.negative_prompt : parameters.prompt;
    if (!target.empty()) target += '\n';
    target += line;
  }
  for (auto& [key, value] : params) parameters.settings.emplace_back(std::move(key), unquote(value));
  return parameters;
}

std::string a1111_sampler_name(std::string_view scheduler) {
  const SchedulerEntry* entry = find_scheduler(scheduler);
  return std::string(entry ? entry->a1111_sampler : scheduler);
}

std::string a1111_scheduler(const A1111Parameters& parameters) {
  const std::string* sampler = parameters.setting("Sampler");
  if (!sampler) return "";
  std::string full = *sampler;
  // A1111 1.9 and later write "Sampler: DPM++ 2M, Schedule type: Karras".
  const std::string* schedule = parameters.setting("Schedule type");
  if (schedule && *schedule == "Karras" && full.find("Karras") == std::string::npos) full += " Karras";
  for (const SchedulerEntry& entry : kSchedulers)
    if (entry.a1111_sampler == full) return std::string(entry.name);
  return "";
}

}  // namespace bksdm
