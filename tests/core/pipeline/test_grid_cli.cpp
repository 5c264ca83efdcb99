// `bksdm grid`: cells equal to single `bksdm generate` runs, the labelled grid made of them, each
// description made once (also across runs), and bad axes refused before any model loads.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/io/image_file.h"
#include "core/io/png.h"
#include "tests/core/test_support.h"

namespace fs = std::filesystem;

namespace {

using namespace bksdm::testing;

const std::string kModel = (kFixtures / "models/sd-v1-4-mini").string();
const std::string kRun = "--prompt 'a red vase' --width 64 --height 64 --threads 1 --scheduler ddim";

std::string cell_name(int x, int y) {
  char name[64];
  std::snprintf(name, sizeof name, "x%d-y%d-z0.png", x, y);
  return name;
}

class GridCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  }
  int grid(const std::string& arguments) {
    return run_bksdm("grid --model " + kModel + " " + kRun + " " + arguments + " --output " + (dir_ / "g.png").string(),
                     &stderr_);
  }
  std::string parameters(const fs::path& png) { return bksdm::read_png_text(png, {"parameters"}).at(0).text; }

  TempDir dir_{"grid"};
  std::string stderr_;
};

// Each cell is the image and the text of `bksdm generate` with its settings; the grid holds them in
// place, x across and y down, below the column labels and right of the row labels.
TEST_F(GridCli, CellsAreSingleRunsAndTheGridHoldsThem) {
  ASSERT_EQ(grid("--x 'steps: 1, 2' --y 'seed: 5-6'"), 0) << stderr_;
  const bksdm::RgbImage image = bksdm::read_image(dir_ / "g.png");
  const int left = 48, top = image.height - 128;  // a band 3/4 of a 64-pixel cell wide for row labels
  ASSERT_EQ(image.width, left + 128);
  for (int steps : {1, 2})
    for (int seed : {5, 6}) {
      const fs::path single = dir_ / ("single-" + std::to_string(steps) + "-" + std::to_string(seed) + ".png");
      std::string error;
      ASSERT_EQ(run_bksdm("generate --model " + kModel + " " + kRun + " --quiet --steps " + std::to_string(steps) +
                              " --seed " + std::to_string(seed) + " --output " + single.string(),
                          &error),
                0)
          << error;
      const fs::path cell = dir_ / "g-cells" / cell_name(steps - 1, seed - 5);
      const bksdm::RgbImage made = bksdm::read_image(cell);
      EXPECT_EQ(made, bksdm::read_image(single)) << cell;
      EXPECT_EQ(parameters(cell), parameters(single));
      for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
          for (int c = 0; c < 3; ++c)
            ASSERT_EQ(image.pixels[((size_t(top + (seed - 5) * 64 + y)) * image.width + left + (steps - 1) * 64 + x) * 3 + c],
                      made.pixels[(size_t(y) * 64 + x) * 3 + c]);
    }
  const nlohmann::json index = nlohmann::json::parse(read_file_text(dir_ / "g.json"));
  EXPECT_EQ(index["axes"][1]["labels"], (std::vector<std::string>{"seed: 5", "seed: 6"}));
  EXPECT_EQ(index["cells"][3]["file"], "g-cells/x1-y1-z0.png");
  EXPECT_EQ(index["grids"], std::vector<std::string>{"g.png"});
}

// The same description twice in a grid is made once; a second grid keeps the cells the first made.
TEST_F(GridCli, EachDescriptionIsMadeOnce) {
  ASSERT_EQ(grid("--steps 1 --x 'seed: 7, 7, 8'"), 0) << stderr_;
  EXPECT_NE(stderr_.find("3 cells, 2 to make"), std::string::npos) << stderr_;
  const nlohmann::json index = nlohmann::json::parse(read_file_text(dir_ / "g.json"));
  EXPECT_EQ(index["cells"][1]["file"], index["cells"][0]["file"]);
  const auto written = fs::last_write_time(dir_ / "g-cells/x2-y0-z0.png");
  ASSERT_EQ(grid("--steps 1 --x 'seed: 7, 7, 8'"), 0) << stderr_;
  EXPECT_NE(stderr_.find("made before, with the same description: kept"), std::string::npos) << stderr_;
  EXPECT_EQ(stderr_.find("step 1/"), std::string::npos) << stderr_;  // nothing ran
  EXPECT_EQ(fs::last_write_time(dir_ / "g-cells/x2-y0-z0.png"), written);
  // Another description at the same place is made anew.
  ASSERT_EQ(grid("--steps 2 --x 'seed: 7, 7, 8'"), 0) << stderr_;
  EXPECT_EQ(stderr_.find("kept"), std::string::npos) << stderr_;
}

// Models are loaded once each, their cells together, whatever the grid's order.
TEST_F(GridCli, EachModelLoadsOnce) {
  const std::string other = (kFixtures / "models/bk-sdm-tiny-mini").string();
  ASSERT_EQ(grid("--steps 1 --x 'model: " + kModel + ", " + other + "' --y 'seed: 1, 2'"), 0) << stderr_;
  size_t loads = 0;
  for (size_t at = stderr_.find("loaded "); at != std::string::npos; at = stderr_.find("loaded ", at + 1)) ++loads;
  EXPECT_EQ(loads, 2u) << stderr_;
}

TEST_F(GridCli, BadAxesAreRefusedBeforeAnyLoad) {
  EXPECT_NE(grid("--x 'steps: 0, 5'"), 0);
  EXPECT_NE(stderr_.find("grid axis 'steps': 0 is out of range"), std::string::npos) << stderr_;
  EXPECT_NE(grid("--x 'prompt s/r: blue, green'"), 0);
  EXPECT_NE(stderr_.find("'blue'"), std::string::npos) << stderr_;
  EXPECT_NE(grid("--x 'model: " + (dir_ / "no-such-model").string() + "'"), 0);
  EXPECT_EQ(stderr_.find("loaded"), std::string::npos) << stderr_;
  EXPECT_NE(grid("--x 'seed: 1' --z 'steps: 1'"), 0);
  EXPECT_NE(stderr_.find("--z needs --y"), std::string::npos) << stderr_;
  EXPECT_FALSE(fs::exists(dir_ / "g.json"));
}

}  // namespace
