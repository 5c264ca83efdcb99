#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/generation/generation_request.h"

// X/Y/Z grids, as AUTOMATIC1111's "X/Y/Z plot" script makes them: up to three axes, each varying one
// setting of a run over a list of values; every combination a cell, run as its own description.
namespace bksdm {

enum class AxisKind { PromptSR, Seed, Guidance, Steps, Scheduler, Size, Model, Strength, LoraMultiplier };

// The names an axis is written with (`--x "steps: 10,20"`), lower case: ours first, then A1111's
// labels for the same axis.
inline constexpr std::array<std::pair<AxisKind, std::string_view>, 15> kAxisKindNames = {{
    {AxisKind::PromptSR, "prompt s/r"},
    {AxisKind::Seed, "seed"},
    {AxisKind::Guidance, "guidance"},
    {AxisKind::Steps, "steps"},
    {AxisKind::Scheduler, "scheduler"},
    {AxisKind::Size, "size"},
    {AxisKind::Model, "model"},
    {AxisKind::Strength, "strength"},
    {AxisKind::LoraMultiplier, "lora"},
    {AxisKind::PromptSR, "prompt sr"},
    {AxisKind::Guidance, "cfg scale"},
    {AxisKind::Guidance, "cfg"},
    {AxisKind::Scheduler, "sampler"},
    {AxisKind::Model, "checkpoint name"},
    {AxisKind::Strength, "denoising"},
}};
std::string_view axis_kind_name(AxisKind kind);

struct GridAxis {
  AxisKind kind = AxisKind::Seed;
  std::string lora;                 // LoraMultiplier: the LoRA's name (its file's stem)
  std::vector<std::string> values;  // ranges expanded, as each cell's label shows them
};

// "KIND: VALUES" (for a LoRA's multiplier "lora NAME: VALUES"). VALUES are comma-separated, quoted
// as CSV where a value holds a comma, and take A1111's ranges on number axes: `1-5` (whole numbers
// from 1 to 5; on a decimal axis also 1.0 to 5.0 in steps of 1), `10-50 (+10)` (steps of 10; a
// decimal axis goes up to the first value past the end less than a step beyond it, as numpy's
// arange(start, end + step, step) does), `10-50 [5]` (five values evenly from 10 to 50, truncated to
// whole numbers on whole-number axes). Seeds also take `+N`: N seeds from the run's. Prompt S/R
// searches its first value in the prompts and puts each value in its place; it must be found.
// Each value is checked against its setting's limits here, before any work: bksdm::Error says which.
GridAxis parse_grid_axis(std::string_view text, const GenerationRequest& base);

// A1111's grid label of value `index`: "steps: 10"; a Prompt S/R value alone.
std::string axis_value_label(const GridAxis& axis, size_t index);

// `request` with value `index` of `axis` in place.
void apply_axis_value(GenerationRequest& request, const GridAxis& axis, size_t index);

struct GridCell {
  std::array<size_t, 3> position{};  // the value's index on x, y, z (0 where the axis is missing)
  GenerationRequest request;
  size_t made_by = 0;  // the first cell of the same description: it alone is run
};

// Every cell of `base` under `axes` (x, then y, then z; 1 to 3 of them), z outermost, x innermost.
std::vector<GridCell> grid_cells(const GenerationRequest& base, const std::vector<GridAxis>& axes);

// The cells that run, each description once, grouped by model in the order the models first
// appear (a model loads once), else in grid order.
std::vector<size_t> grid_run_order(const std::vector<GridCell>& cells);

}  // namespace bksdm
