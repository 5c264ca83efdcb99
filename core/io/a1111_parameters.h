#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bksdm {

// AUTOMATIC1111's `parameters` text, the common way to keep generation settings in a PNG:
//   prompt (one or more lines)
//   Negative prompt: negative prompt (one or more lines; only when one was given)
//   Steps: 50, Sampler: PNDM, CFG scale: 7.5, Seed: 1234, Size: 512x512, Model: bk-sdm-v2-tiny
struct A1111Parameters {
  std::string prompt;
  std::string negative_prompt;                                // empty: none given
  std::vector<std::pair<std::string, std::string>> settings;  // in order, values unquoted

  // The value of `key`, or nullptr.
  const std::string* setting(std::string_view key) const;
};

// Values holding a comma, colon or newline are written as JSON strings, as A1111 quotes them.
std::string format_a1111_parameters(const A1111Parameters& parameters);
// As A1111's parse_generation_parameters: the last line is the settings line when it holds at least
// three "key: value" pairs; prompt lines are trimmed; quoted values are JSON strings; keys this
// program does not know are kept, in order.
A1111Parameters parse_a1111_parameters(std::string_view text);

// A number as A1111 writes it (Python's repr of a float: "7.0", "12.25", "1e-05").
std::string a1111_number(double value);

// A1111's name for a scheduler, from kSchedulers (euler_a: "Euler a", dpmpp_2m_karras: "DPM++ 2M
// Karras"); an unknown name is returned as it is.
std::string a1111_sampler_name(std::string_view scheduler);
// The engine's scheduler for the Sampler (and newer A1111's "Schedule type") of `parameters`, or ""
// when this engine has no such scheduler.
std::string a1111_scheduler(const A1111Parameters& parameters);

}  // namespace bksdm
