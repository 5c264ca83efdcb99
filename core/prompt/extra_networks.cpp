#include "core/prompt/extra_networks.h"

#include <cctype>
#include <charconv>
#include <algorithm>
#include <cmath>

namespace bksdm {
namespace {

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::vector<std::string> split_at_colons(std::string_view text) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t colon = text.find(':'); colon != std::string_view::npos; colon = text.find(':', start)) {
    parts.emplace_back(text.substr(start, colon - start));
    start = colon + 1;
  }
  parts.emplace_back(text.substr(start));
  return parts;
}

}  // namespace

namespace {

// A1111's tags of `prompt` in order, each with where it stands: [open, close] of its brackets.
struct TagAt {
  size_t open = 0, close = 0;
  ExtraNetwork network;
};

std::vector<TagAt> tags_of(std::string_view prompt) {
  std::vector<TagAt> tags;
  size_t at = 0;
  while (at < prompt.size()) {
    const size_t open = prompt.find('<', at);
    if (open == std::string_view::npos) break;
    size_t end = open + 1;
    while (end < prompt.size() && is_word(prompt[end])) ++end;
    const size_t close = prompt.find('>', end);
    const bool tag = end > open + 1 && end < prompt.size() && prompt[end] == ':' && close != std::string_view::npos &&
                     close > end + 1;
    if (!tag) {
      at = open + 1;
      continue;
    }
    tags.push_back({open, close,
                    {std::string(prompt.substr(open + 1, end - open - 1)), split_at_colons(prompt.substr(end + 1, close - end - 1))}});
    at = close + 1;
  }
  return tags;
}

}  // namespace

PromptNetworks take_extra_networks(std::string_view prompt) {
  PromptNetworks result;
  size_t at = 0;
  for (TagAt& tag : tags_of(prompt)) {
    result.prompt.append(prompt.substr(at, tag.open - at));
    result.networks.push_back(std::move(tag.network));
    at = tag.close + 1;
  }
  result.prompt.append(prompt.substr(at));
  return result;
}

std::string with_lora_multiplier(std::string_view prompt, std::string_view name, std::string_view multiplier) {
  std::string result;
  size_t at = 0;
  for (TagAt& tag : tags_of(prompt)) {
    if (tag.network.kind != "lora" || tag.network.args.front() != name) continue;
    std::vector<std::string>& args = tag.network.args;
    args.resize(std::max<size_t>(args.size(), 2));
    args[1] = multiplier;
    result.append(prompt.substr(at, tag.open - at)).append("<lora");
    for (const std::string& arg : args) result.append(":").append(arg);
    result.append(">");
    at = tag.close + 1;
  }
  result.append(prompt.substr(at));
  return result;
}

double lora_multiplier(const ExtraNetwork& lora) {
  if (lora.args.size() < 2) return 1.0;
  const std::string& text = lora.args[1];
  double value = 1.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && std::isfinite(value) ? value : 1.0;
}

}  // namespace bksdm
