#pragma once
#include <array>
#include <string_view>

// Header-only, so that what names schedulers (the A1111 text in core/io, the CLI, the app) can read
// the table without linking the schedulers' arithmetic.
namespace bksdm {

// One scheduler this engine implements and the names others know it by.
struct SchedulerEntry {
  std::string_view name;             // the engine's: --scheduler, requests, the gallery's JSON
  std::string_view a1111_sampler;    // A1111's "Sampler" as it wrote it before "Schedule type" (1.9)
  std::string_view diffusers_class;  // `_class_name` in a model's scheduler_config.json
  bool karras;                       // the name means Karras sigmas (A1111 1.9: "Schedule type: Karras")
};

// Every scheduler, in the order offered to people; the first is the Stable Diffusion default.
inline constexpr std::array<SchedulerEntry, 6> kSchedulers = {{
    {"pndm", "PNDM", "PNDMScheduler", false},
    {"ddim", "DDIM", "DDIMScheduler", false},
    {"euler", "Euler", "EulerDiscreteScheduler", false},
    {"euler_a", "Euler a", "EulerAncestralDiscreteScheduler", false},
    {"dpmpp_2m", "DPM++ 2M", "DPMSolverMultistepScheduler", false},
    {"dpmpp_2m_karras", "DPM++ 2M Karras", "DPMSolverMultistepScheduler", true},
}};

// The entry named `name`, or nullptr.
constexpr const SchedulerEntry* find_scheduler(std::string_view name) {
  for (const SchedulerEntry& entry : kSchedulers)
    if (entry.name == name) return &entry;
  return nullptr;
}

}  // namespace bksdm
