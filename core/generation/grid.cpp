#include "core/generation/grid.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <regex>

#include "core/io/error.h"
#include "core/prompt/extra_networks.h"
#include "core/schedulers/scheduler_table.h"

namespace bksdm {
namespace {

std::string trimmed(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return text;
}

// Python's csv.reader(skipinitialspace=True) over the text's lines, each field stripped (A1111's
// csv_string_to_list_strip): a field may be quoted to hold commas, "" being a quote inside quotes.
std::vector<std::string> csv_values(std::string_view text) {
  std::vector<std::string> values;
  std::string field;
  bool quoted = false, at_start = true, any = false;
  const auto finish = [&] {
    values.push_back(trimmed(field));
    field.clear();
    at_start = true;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') field += c;
      else if (i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
      else quoted = false;
    } else if (c == ',' || c == '\n') {
      if (c == ',' || any) finish();
      any = c == ',';
    } else if (at_start && c == ' ') {
    } else if (at_start && c == '"') {
      quoted = true;
      at_start = false;
      any = true;
    } else {
      field += c;
      at_start = false;
      any = true;
    }
  }
  if (any) finish();
  return values;
}

// Python's float repr for the values a person reads: the shortest text that reads back, with ".0"
// on whole numbers.
std::string number_text(double value) {
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, end);
  if (text.find_first_of(".en") == std::string::npos) text += ".0";
  return text;
}

[[noreturn]] void refuse(const GridAxis& axis, const std::string& what) {
  throw Error("grid axis '" + std::string(axis_kind_name(axis.kind)) + "': " + what);
}

std::string without_spaces(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  return text;
}

template <typename Number>
std::optional<Number> number_of(const std::string& text) {
  const std::string compact = without_spaces(text);
  const char* first = compact.data() + (compact.size() > 1 && compact[0] == '+' ? 1 : 0);
  const char* last = compact.data() + compact.size();
  Number value{};
  const auto [end, error] = std::from_chars(first, last, value);
  if (error != std::errc() || end != last || first == last) return std::nullopt;
  if constexpr (std::is_floating_point_v<Number>)
    if (!std::isfinite(value)) return std::nullopt;
  return value;
}

template <typename Number>
Number number_or_refuse(const GridAxis& axis, const std::string& text) {
  const std::optional<Number> value = number_of<Number>(text);
  if (!value) refuse(axis, "'" + text + "' is not a " + (std::is_floating_point_v<Number> ? "number" : "whole number"));
  return *value;
}

const std::regex kIntRange(R"(\s*([+-]?\s*\d+)\s*-\s*([+-]?\s*\d+)(?:\s*\(([+-]\d+)\s*\))?\s*)");
const std::regex kIntCount(R"(\s*([+-]?\s*\d+)\s*-\s*([+-]?\s*\d+)(?:\s*\[(\d+)\s*\])?\s*)");
const std::regex kFloatRange(R"(\s*([+-]?\s*\d+(?:\.\d*)?)\s*-\s*([+-]?\s*\d+(?:\.\d*)?)(?:\s*\(([+-]\d+(?:\.\d*)?)\s*\))?\s*)");
const std::regex kFloatCount(R"(\s*([+-]?\s*\d+(?:\.\d*)?)\s*-\s*([+-]?\s*\d+(?:\.\d*)?)(?:\s*\[(\d+)\s*\])?\s*)");

// numpy's linspace(start, stop, num): start + i * (stop - start) / (num - 1), the last exactly stop.
std::vector<double> linspace(double start, double stop, int64_t num) {
  std::vector<double> values;
  const double step = num > 1 ? (stop - start) / double(num - 1) : 0.0;
  for (int64_t i = 0; i < num; ++i) values.push_back(i + 1 == num && num > 1 ? stop : start + double(i) * step);
  return values;
}

constexpr int64_t kMostRangeValues = 10000;

// One value or range of a whole-number axis, as A1111's `int` axes read them.
std::vector<int64_t> whole_numbers(const GridAxis& axis, const std::string& text) {
  std::smatch match;
  if (std::regex_match(text, match, kIntRange)) {
    const int64_t start = number_or_refuse<int64_t>(axis, match[1]);
    const int64_t end = number_or_refuse<int64_t>(axis, match[2]) + 1;
    const int64_t step = match[3].matched ? number_or_refuse<int64_t>(axis, match[3]) : 1;
    if (step == 0) refuse(axis, "'" + text + "' has a step of 0");
    std::vector<int64_t> values;
    for (int64_t v = start; step > 0 ? v < end : v > end; v += step) {
      if (int64_t(values.size()) == kMostRangeValues) refuse(axis, "'" + text + "' gives too many values");
      values.push_back(v);
    }
    return values;
  }
  if (std::regex_match(text, match, kIntCount)) {
    const int64_t num = match[3].matched ? number_or_refuse<int64_t>(axis, match[3]) : 1;
    if (num > kMostRangeValues) refuse(axis, "'" + text + "' gives too many values");
    std::vector<int64_t> values;
    for (double v : linspace(double(number_or_refuse<int64_t>(axis, match[1])), double(number_or_refuse<int64_t>(axis, match[2])), num))
      values.push_back(int64_t(v));  // Python's int(): toward zero
    return values;
  }
  return {number_or_refuse<int64_t>(axis, text)};
}

// One value or range of a decimal axis, as A1111's `float` axes read them.
std::vector<double> decimal_numbers(const GridAxis& axis, const std::string& text) {
  std::smatch match;
  if (std::regex_match(text, match, kFloatRange)) {
    const double start = number_or_refuse<double>(axis, match[1]);
    const double end = number_or_refuse<double>(axis, match[2]);
    const double step = match[3].matched ? number_or_refuse<double>(axis, match[3]) : 1.0;
    if (step == 0) refuse(axis, "'" + text + "' has a step of 0");
    // numpy's arange(start, end + step, step): ceil((stop - start) / step) values start + i * delta,
    // delta being (start + step) - start as doubles.
    const double count = std::ceil((end + step - start) / step);
    if (count > double(kMostRangeValues)) refuse(axis, "'" + text + "' gives too many values");
    const double delta = (start + step) - start;
    std::vector<double> values;
    for (int64_t i = 0; i < int64_t(count); ++i) values.push_back(start + double(i) * delta);
    return values;
  }
  if (std::regex_match(text, match, kFloatCount)) {
    const int64_t num = match[3].matched ? number_or_refuse<int64_t>(axis, match[3]) : 1;
    if (num > kMostRangeValues) refuse(axis, "'" + text + "' gives too many values");
    return linspace(number_or_refuse<double>(axis, match[1]), number_or_refuse<double>(axis, match[2]), num);
  }
  return {number_or_refuse<double>(axis, text)};
}

std::optional<uint64_t> seed_of(const std::string& text) {
  uint64_t seed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return seed;
}

std::vector<std::string> seed_values(const GridAxis& axis, const std::string& text, uint64_t base) {
  if (text == "-1") return {std::to_string(random_seed())};
  if (text.size() > 1 && text[0] == '+') {
    const int64_t count = number_or_refuse<int64_t>(axis, text.substr(1));
    if (count < 1 || count > kMostRangeValues) refuse(axis, "'" + text + "' is not +N for N consecutive seeds");
    std::vector<std::string> values;
    for (int64_t i = 0; i < count; ++i) values.push_back(std::to_string(base + uint64_t(i)));
    return values;
  }
  if (seed_of(text)) return {text};
  if (std::regex_match(text, kIntRange) || std::regex_match(text, kIntCount)) {
    std::vector<std::string> values;
    for (int64_t seed : whole_numbers(axis, text)) {
      if (seed < 0) refuse(axis, "'" + text + "' reaches a negative seed");
      values.push_back(std::to_string(seed));
    }
    return values;
  }
  refuse(axis, "'" + text + "' is not a seed (a whole number from 0, -1 for a random one, or +N)");
}

std::string scheduler_value(const GridAxis& axis, const std::string& text) {
  const std::string wanted = lower(text);
  for (const SchedulerEntry& entry : kSchedulers)
    if (entry.name == wanted || lower(std::string(entry.a1111_sampler)) == wanted) return std::string(entry.name);
  std::string known;
  for (const SchedulerEntry& entry : kSchedulers) known += (known.empty() ? "" : ", ") + std::string(entry.name);
  refuse(axis, "'" + text + "' is no scheduler this engine has (" + known + ", or A1111's names of them)");
}

std::pair<int, int> size_of(const GridAxis& axis, const std::string& text) {
  const size_t x = lower(text).find('x');
  const std::optional<int> width = x == std::string::npos ? std::nullopt : number_of<int>(text.substr(0, x));
  const std::optional<int> height = x == std::string::npos ? std::nullopt : number_of<int>(text.substr(x + 1));
  if (!width || !height || *width <= 0 || *height <= 0 || *width % 8 != 0 || *height % 8 != 0)
    refuse(axis, "'" + text + "' is not WIDTHxHEIGHT in positive multiples of 8");
  return {*width, *height};
}

std::string file_stem(const std::string& file) { return std::filesystem::path(file).stem().string(); }

bool names_lora(const GenerationRequest& request, const std::string& name) {
  for (const LoraSetting& lora : request.loras)
    if (file_stem(lora.file) == name) return true;
  for (const std::string* prompt : {&request.prompt, &request.negative_prompt})
    for (const ExtraNetwork& network : take_extra_networks(*prompt).networks)
      if (network.kind == "lora" && network.args.front() == name) return true;
  return false;
}

// The axis's values, each read and checked as its setting reads it.
std::vector<std::string> axis_values(const GridAxis& axis, const std::vector<std::string>& texts,
                                     const GenerationRequest& base) {
  std::vector<std::string> values;
  const auto add_decimals = [&](const std::string& text, double least, double most, bool above_least) {
    for (double v : decimal_numbers(axis, text)) {
      if (v < least || v > most || (above_least && v == least))
        refuse(axis, number_text(v) + " is out of range (" + (above_least ? "above " : "from ") + number_text(least) +
                         " to " + number_text(most) + ")");
      values.push_back(number_text(v));
    }
  };
  constexpr double kAny = std::numeric_limits<double>::max();
  for (const std::string& text : texts) {
    if (text.empty() && axis.kind != AxisKind::PromptSR) continue;  // as A1111 skips empty numbers
    switch (axis.kind) {
      case AxisKind::PromptSR: values.push_back(text); break;
      case AxisKind::Seed:
        for (std::string& seed : seed_values(axis, text, base.seed)) values.push_back(std::move(seed));
        break;
      case AxisKind::Steps:
        for (int64_t steps : whole_numbers(axis, text)) {
          if (steps < 1 || steps > kMaxSteps) refuse(axis, std::to_string(steps) + " is out of range (1 to " + std::to_string(kMaxSteps) + ")");
          values.push_back(std::to_string(steps));
        }
        break;
      case AxisKind::Guidance: add_decimals(text, -kAny, kAny, false); break;
      case AxisKind::Strength: add_decimals(text, 0.0, 1.0, true); break;
      case AxisKind::LoraMultiplier: add_decimals(text, -kAny, kAny, false); break;
      case AxisKind::Scheduler: values.push_back(scheduler_value(axis, text)); break;
      case AxisKind::Size: {
        const auto [width, height] = size_of(axis, text);
        values.push_back(std::to_string(width) + "x" + std::to_string(height));
        break;
      }
      case AxisKind::Model: values.push_back(text); break;
    }
  }
  return values;
}

void check_axis(const GridAxis& axis, const GenerationRequest& base) {
  if (axis.values.empty()) refuse(axis, "no values");
  if (axis.kind == AxisKind::PromptSR && base.prompt.find(axis.values.front()) == std::string::npos &&
      base.negative_prompt.find(axis.values.front()) == std::string::npos)
    refuse(axis, "'" + axis.values.front() + "' (its first value, which the others replace) is in neither prompt");
  if (axis.kind == AxisKind::PromptSR && axis.values.front().empty()) refuse(axis, "its first value is empty");
  if (axis.kind == AxisKind::LoraMultiplier && !names_lora(base, axis.lora))
    refuse(axis, "the run has no LoRA named '" + axis.lora + "' (--lora FILE or <lora:" + axis.lora + ":...> in the prompt)");
  if (axis.kind == AxisKind::Strength && base.init_image.empty()) refuse(axis, "strength needs --init-image");
}

std::string replaced_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

std::string_view axis_kind_name(AxisKind kind) {
  for (const auto& [value, name] : kAxisKindNames)
    if (value == kind) return name;
  return {};
}

GridAxis parse_grid_axis(std::string_view text, const GenerationRequest& base) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos)
    throw Error("grid axis '" + std::string(text) + "': not KIND: VALUES (e.g. \"steps: 10,20,30\")");
  const std::string written = trimmed(text.substr(0, colon));
  std::string kind = lower(written);
  GridAxis axis;
  if (kind.rfind("lora ", 0) == 0) {
    axis.lora = trimmed(std::string_view(written).substr(5));
    kind = "lora";
  }
  const auto named = std::find_if(kAxisKindNames.begin(), kAxisKindNames.end(), [&](const auto& entry) { return entry.second == kind; });
  if (named == kAxisKindNames.end() || (named->first == AxisKind::LoraMultiplier && axis.lora.empty())) {
    std::string known;
    for (const auto& [value, name] : kAxisKindNames)
      if (axis_kind_name(value) == name) known += (known.empty() ? "" : ", ") + std::string(name);
    throw Error("grid axis '" + std::string(text) + "': no axis '" + kind + "' (axes: " + known +
                "; a LoRA's multiplier as 'lora NAME')");
  }
  axis.kind = named->first;
  axis.values = axis_values(axis, csv_values(text.substr(colon + 1)), base);
  check_axis(axis, base);
  return axis;
}

std::string axis_value_label(const GridAxis& axis, size_t index) {
  const std::string& value = axis.values.at(index);
  switch (axis.kind) {
    case AxisKind::PromptSR: return value;
    case AxisKind::Scheduler: return "sampler: " + std::string(find_scheduler(value)->a1111_sampler);
    case AxisKind::Model: {
      const std::filesystem::path path(value);
      return "model: " + (path.extension() == ".safetensors" ? path.stem() : path.filename()).string();
    }
    case AxisKind::LoraMultiplier: return axis.lora + ": " + value;
    default: return std::string(axis_kind_name(axis.kind)) + ": " + value;
  }
}

void apply_axis_value(GenerationRequest& request, const GridAxis& axis, size_t index) {
  const std::string& value = axis.values.at(index);
  switch (axis.kind) {
    case AxisKind::PromptSR:
      request.prompt = replaced_all(request.prompt, axis.values.front(), value);
      request.negative_prompt = replaced_all(request.negative_prompt, axis.values.front(), value);
      break;
    case AxisKind::Seed: request.seed = *seed_of(value); break;
    case AxisKind::Guidance: request.guidance_scale = *number_of<double>(value); break;
    case AxisKind::Steps: request.steps = *number_of<int>(value); break;
    case AxisKind::Scheduler: request.scheduler = value; break;
    case AxisKind::Size: {
      const size_t x = value.find('x');
      request.width = *number_of<int>(value.substr(0, x));
      request.height = *number_of<int>(value.substr(x + 1));
      break;
    }
    case AxisKind::Model: request.model = {value, {}, {}}; break;
    case AxisKind::Strength: request.strength = *number_of<double>(value); break;
    case AxisKind::LoraMultiplier: {
      const double multiplier = *number_of<double>(value);
      for (LoraSetting& lora : request.loras)
        if (file_stem(lora.file) == axis.lora) lora.multiplier = multiplier;
      request.prompt = with_lora_multiplier(request.prompt, axis.lora, value);
      request.negative_prompt = with_lora_multiplier(request.negative_prompt, axis.lora, value);
      break;
    }
  }
}

std::vector<GridCell> grid_cells(const GenerationRequest& base, const std::vector<GridAxis>& axes) {
  if (axes.empty() || axes.size() > 3) throw Error("a grid has one to three axes (x, y, z)");
  std::array<size_t, 3> counts{1, 1, 1};
  for (size_t a = 0; a < axes.size(); ++a) counts[a] = axes[a].values.size();
  std::vector<GridCell> cells;
  for (size_t z = 0; z < counts[2]; ++z)
    for (size_t y = 0; y < counts[1]; ++y)
      for (size_t x = 0; x < counts[0]; ++x) {
        GridCell cell{{x, y, z}, base, cells.size()};
        for (size_t a = 0; a < axes.size(); ++a) apply_axis_value(cell.request, axes[a], cell.position[a]);
        const auto same = std::find_if(cells.begin(), cells.end(), [&](const GridCell& c) { return c.request == cell.request; });
        if (same != cells.end()) cell.made_by = same->made_by;
        cells.push_back(std::move(cell));
      }
  return cells;
}

std::vector<size_t> grid_run_order(const std::vector<GridCell>& cells) {
  std::map<std::string, size_t> model_order;
  std::vector<size_t> order;
  for (size_t i = 0; i < cells.size(); ++i) {
    model_order.emplace(cells[i].request.model.id, model_order.size());
    if (cells[i].made_by == i) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return model_order.at(cells[a].request.model.id) < model_order.at(cells[b].request.model.id);
  });
  return order;
}

}  // namespace bksdm
