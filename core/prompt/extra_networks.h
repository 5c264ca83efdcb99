#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bksdm {

// A1111's extra networks in a prompt: `<KIND:ARG:ARG...>` (e.g. `<lora:film-grain:0.8>`), which name
// files to apply and are removed from the text the model reads, wherever they stand.
struct ExtraNetwork {
  std::string kind;               // "lora", ...
  std::vector<std::string> args;  // the name, then its settings
};

struct PromptNetworks {
  std::string prompt;  // without the tags
  std::vector<ExtraNetwork> networks;
};

// A1111's re `<(\w+):([^>]+)>`: the kind is letters, digits and '_'; the rest, up to the first '>',
// is split at ':'.
PromptNetworks take_extra_networks(std::string_view prompt);

// `prompt` with the multiplier of each `<lora:NAME...>` tag set to `multiplier` (written in where
// the tag gives none), the rest of the text as it was.
std::string with_lora_multiplier(std::string_view prompt, std::string_view name, std::string_view multiplier);

// A `<lora:NAME[:MULTIPLIER]>` tag's multiplier, 1 when it gives none or none that parses.
double lora_multiplier(const ExtraNetwork& lora);

}  // namespace bksdm
