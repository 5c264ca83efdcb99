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

// What this engine records about a run.
struct A1111Run {
  int steps = 0;
  std::string_view scheduler;  // the engine's name (kSchedulers in core/schedulers/scheduler_table.h)
  double cfg_scale = 0;
  uint64_t seed = 0;
  int width = 0;
  int height = 0;
  std::string_view model;
  // A batch comes from one seed, so "Seed" alone does not make image batch_pos (from 0) again.
  int batch_size = 1;
  int batch_pos = 0;
};
// Steps, Sampler, CFG scale, Seed, Size, Model, and for a batch Batch size and Batch pos: A1111's
// keys, order and spelling.
std::vector<std::pair<std::string, std::string>> a1111_settings(const A1111Run& run);

// A1111's name for a scheduler, from kSchedulers (euler_a: "Euler a", dpmpp_2m_karras: "DPM++ 2M
// Karras"); an unknown name is returned as it is.
std::string a1111_sampler_name(std::string_view scheduler);
// The engine's scheduler for the Sampler (and newer A1111's "Schedule type") of `parameters`, or ""
// when this engine has no such scheduler.
std::string a1111_scheduler(const A1111Parameters& parameters);

}  // namespace bksdm
