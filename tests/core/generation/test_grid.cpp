// X/Y/Z grid axes as A1111's X/Y/Z plot reads them (its regular expressions, Python's int(), numpy's
// arange and linspace, csv), the cells of a grid and the order they run in.
#include <gtest/gtest.h>

#include "core/generation/grid.h"
#include "core/io/error.h"
#include "core/prompt/extra_networks.h"

namespace {

using bksdm::AxisKind;
using bksdm::GenerationRequest;
using bksdm::GridAxis;
using Values = std::vector<std::string>;

GenerationRequest base() {
  GenerationRequest request;
  request.prompt = "a cat on a mat, cat hair";
  request.negative_prompt = "blurry cat";
  request.seed = 100;
  return request;
}

Values values(const std::string& text) { return bksdm::parse_grid_axis(text, base()).values; }

std::string refusal(const std::string& text, const GenerationRequest& request = base()) {
  try {
    bksdm::parse_grid_axis(text, request);
  } catch (const bksdm::Error& error) {
    return error.what();
  }
  return "accepted";
}

TEST(GridAxes, WholeNumberRangesAreA1111s) {
  EXPECT_EQ(values("steps: 1-5"), (Values{"1", "2", "3", "4", "5"}));          // range(1, 5 + 1)
  EXPECT_EQ(values("steps: 10-50 (+10)"), (Values{"10", "20", "30", "40", "50"}));
  EXPECT_EQ(values("steps: 20-1 (-7)"), (Values{"20", "13", "6"}));            // range(20, 2, -7)
  EXPECT_EQ(values("steps: 10-50 [5]"), (Values{"10", "20", "30", "40", "50"}));  // linspace(10, 50, 5)
  EXPECT_EQ(values("steps: 1-2 [4]"), (Values{"1", "1", "1", "2"}));           // int() of 1, 1.33, 1.67, 2
  EXPECT_EQ(values("Steps: 5, 8-9,, 12"), (Values{"5", "8", "9", "12"}));      // empty values skipped
}

TEST(GridAxes, DecimalRangesAreNumpys) {
  // np.arange(4, 11 + 1.5, 1.5): past the end by less than a step, as A1111 gives it.
  EXPECT_EQ(values("guidance: 4-11 (+1.5)"), (Values{"4.0", "5.5", "7.0", "8.5", "10.0", "11.5"}));
  EXPECT_EQ(values("cfg scale: 1-2 [3]"), (Values{"1.0", "1.5", "2.0"}));
  EXPECT_EQ(values("guidance: 7, 7.5"), (Values{"7.0", "7.5"}));
  // np.arange(1, 1.3 + 0.1, 0.1): ceil(4.000000000000001) = 5 values, 1 + i * 0.10000000000000009.
  EXPECT_EQ(values("guidance: 1-1.3 (+0.1)"),
            (Values{"1.0", "1.1", "1.2000000000000002", "1.3000000000000003", "1.4000000000000004"}));
}

TEST(GridAxes, SeedsAreListsRangesOrConsecutive) {
  EXPECT_EQ(values("seed: 1, 2, 18446744073709551615"), (Values{"1", "2", "18446744073709551615"}));
  EXPECT_EQ(values("seed: +3"), (Values{"100", "101", "102"}));  // from the run's seed
  EXPECT_EQ(values("seed: 7-9"), (Values{"7", "8", "9"}));
  const Values drawn = values("seed: -1");
  ASSERT_EQ(drawn.size(), 1u);
  EXPECT_LT(std::stoull(drawn[0]), 4294967296ull);
}

TEST(GridAxes, PromptSearchAndReplaceReadsCsv) {
  const GridAxis axis = bksdm::parse_grid_axis("prompt s/r: cat, dog, \"red, fox\", \"a \"\"quoted\"\" one\"", base());
  EXPECT_EQ(axis.values, (Values{"cat", "dog", "red, fox", "a \"quoted\" one"}));
  GenerationRequest request = base();
  bksdm::apply_axis_value(request, axis, 2);
  EXPECT_EQ(request.prompt, "a red, fox on a mat, red, fox hair");  // every occurrence, as str.replace
  EXPECT_EQ(request.negative_prompt, "blurry red, fox");
  EXPECT_EQ(bksdm::axis_value_label(axis, 1), "dog");
}

TEST(GridAxes, OtherSettingsAndTheirLabels) {
  const GridAxis schedulers = bksdm::parse_grid_axis("sampler: Euler a, ddim, DPM++ 2M Karras", base());
  EXPECT_EQ(schedulers.values, (Values{"euler_a", "ddim", "dpmpp_2m_karras"}));
  EXPECT_EQ(bksdm::axis_value_label(schedulers, 0), "sampler: Euler a");
  const GridAxis sizes = bksdm::parse_grid_axis("size: 512x768, 64X64", base());
  GenerationRequest request = base();
  bksdm::apply_axis_value(request, sizes, 0);
  EXPECT_EQ(request.width, 512);
  EXPECT_EQ(request.height, 768);
  const GridAxis models = bksdm::parse_grid_axis("model: nota-ai/bk-sdm-small, /models/sd14.safetensors", base());
  EXPECT_EQ(bksdm::axis_value_label(models, 0), "model: bk-sdm-small");
  EXPECT_EQ(bksdm::axis_value_label(models, 1), "model: sd14");
  EXPECT_EQ(bksdm::axis_value_label(bksdm::parse_grid_axis("steps: 10", base()), 0), "steps: 10");
}

TEST(GridAxes, ALorasMultiplierRewritesItsTagsAndItsFile) {
  GenerationRequest run = base();
  run.prompt = "a cat <lora:grain:0.8>, <lora:grain> <lora:soft:1:x>";
  run.loras = {{"/loras/grain.safetensors", 0.8, {}}, {"/loras/soft.safetensors", 1.0, {}}};
  const GridAxis axis = bksdm::parse_grid_axis("lora grain: 0-1 [3]", run);
  EXPECT_EQ(axis.values, (Values{"0.0", "0.5", "1.0"}));
  bksdm::apply_axis_value(run, axis, 1);
  EXPECT_EQ(run.prompt, "a cat <lora:grain:0.5>, <lora:grain:0.5> <lora:soft:1:x>");
  EXPECT_EQ(run.loras[0].multiplier, 0.5);
  EXPECT_EQ(run.loras[1].multiplier, 1.0);
  EXPECT_EQ(bksdm::with_lora_multiplier("<lora:soft:1:x> text <lora:softer:2>", "soft", "0.25"),
            "<lora:soft:0.25:x> text <lora:softer:2>");
}

TEST(GridAxes, BadAxesAreRefusedByName) {
  EXPECT_NE(refusal("steps: 0").find("0 is out of range (1 to 500)"), std::string::npos) << refusal("steps: 0");
  EXPECT_NE(refusal("steps: 10-50 (+0)").find("step of 0"), std::string::npos);
  EXPECT_NE(refusal("steps: ten").find("'ten' is not a whole number"), std::string::npos);
  EXPECT_NE(refusal("size: 500x512").find("multiples of 8"), std::string::npos);
  EXPECT_NE(refusal("prompt s/r: zebra, cat").find("'zebra'"), std::string::npos);
  EXPECT_NE(refusal("colour: red").find("no axis 'colour'"), std::string::npos);
  EXPECT_NE(refusal("steps 10, 20").find("not KIND: VALUES"), std::string::npos);
  EXPECT_NE(refusal("scheduler: heun").find("'heun' is no scheduler"), std::string::npos);
  EXPECT_NE(refusal("lora grain: 1").find("no LoRA named 'grain'"), std::string::npos);
  EXPECT_NE(refusal("strength: 0.5").find("--init-image"), std::string::npos);
  EXPECT_NE(refusal("guidance: ,").find("no values"), std::string::npos);
  EXPECT_NE(refusal("steps: 1-100000000").find("too many values"), std::string::npos);
}

TEST(GridCells, ZOutermostXInnermostEachDescriptionOnce) {
  const GenerationRequest run = base();
  const std::vector<GridAxis> axes = {bksdm::parse_grid_axis("seed: 1, 1, 2", run),
                                      bksdm::parse_grid_axis("steps: 10, 20", run)};
  const std::vector<bksdm::GridCell> cells = bksdm::grid_cells(run, axes);
  ASSERT_EQ(cells.size(), 6u);
  EXPECT_EQ(cells[4].position, (std::array<size_t, 3>{1, 1, 0}));
  EXPECT_EQ(cells[4].request.seed, 1u);
  EXPECT_EQ(cells[4].request.steps, 20);
  EXPECT_EQ(cells[1].made_by, 0u);  // seed 1 twice: made once
  EXPECT_EQ(cells[4].made_by, 3u);
  EXPECT_EQ(bksdm::grid_run_order(cells), (std::vector<size_t>{0, 2, 3, 5}));
}

TEST(GridCells, RunOrderLoadsEachModelOnce) {
  const GenerationRequest run = base();
  const std::vector<GridAxis> axes = {bksdm::parse_grid_axis("model: a, b", run), bksdm::parse_grid_axis("seed: 1, 2", run),
                                      bksdm::parse_grid_axis("steps: 3, 4", run)};
  const std::vector<bksdm::GridCell> cells = bksdm::grid_cells(run, axes);
  ASSERT_EQ(cells.size(), 8u);
  // Grid order alternates a, b; the run takes a's four cells, then b's, each group in grid order.
  EXPECT_EQ(bksdm::grid_run_order(cells), (std::vector<size_t>{0, 2, 4, 6, 1, 3, 5, 7}));
  EXPECT_EQ(cells[5].request.model.id, "b");
  EXPECT_EQ(cells[5].request.steps, 4);
}

}  // namespace
