// A labelled grid as A1111 lays it out: cells in place byte for byte, labels drawn in their bands.
#include <gtest/gtest.h>

#include "core/io/error.h"
#include "core/render/grid_image.h"

namespace {

using bksdm::RgbImage;

RgbImage filled(int width, int height, uint8_t r, uint8_t g, uint8_t b) {
  RgbImage image{width, height, {}};
  for (int i = 0; i < width * height; ++i) image.pixels.insert(image.pixels.end(), {r, g, b});
  return image;
}

std::array<uint8_t, 3> pixel(const RgbImage& image, int x, int y) {
  const size_t at = (size_t(y) * image.width + x) * 3;
  return {image.pixels[at], image.pixels[at + 1], image.pixels[at + 2]};
}

// Whether any pixel of the box is darker than mid grey: text was drawn there.
bool has_ink(const RgbImage& image, int x0, int y0, int x1, int y1) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x)
      if (pixel(image, x, y)[0] < 128) return true;
  return false;
}

TEST(GridImage, WithoutLabelsTheCellsTileExactly) {
  const RgbImage grid = bksdm::draw_grid({{filled(8, 8, 255, 0, 0), filled(8, 8, 0, 255, 0), filled(8, 8, 0, 0, 255)}, 2, {}, {}, ""});
  ASSERT_EQ(grid.width, 16);
  ASSERT_EQ(grid.height, 16);
  EXPECT_EQ(pixel(grid, 3, 3), (std::array<uint8_t, 3>{255, 0, 0}));
  EXPECT_EQ(pixel(grid, 12, 5), (std::array<uint8_t, 3>{0, 255, 0}));
  EXPECT_EQ(pixel(grid, 7, 15), (std::array<uint8_t, 3>{0, 0, 255}));
  EXPECT_EQ(pixel(grid, 12, 12), (std::array<uint8_t, 3>{255, 255, 255}));  // no fourth cell: white
}

TEST(GridImage, LabelsTakeBandsAboveAndLeft) {
  const RgbImage cell = filled(64, 64, 40, 90, 200);
  const RgbImage grid =
      bksdm::draw_grid({{cell, cell, cell, cell}, 2, {"steps: 10", "steps: 20"}, {"seed: 1", "seed: 2"}, "guidance: 7.5"});
  const int left = 48;  // three quarters of a cell
  ASSERT_EQ(grid.width, left + 128);
  const int top = grid.height - 128;
  ASSERT_GT(top, 0);
  // Every cell byte for byte in its place.
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 2; ++c)
      for (int y = 0; y < 64; y += 7)
        for (int x = 0; x < 64; x += 7) ASSERT_EQ(pixel(grid, left + c * 64 + x, top + r * 64 + y), pixel(cell, x, y));
  EXPECT_TRUE(has_ink(grid, left, 0, left + 64, top));           // the first column's label
  EXPECT_TRUE(has_ink(grid, left + 64, 0, left + 128, top));     // the second's
  EXPECT_TRUE(has_ink(grid, 0, top, left, top + 64));            // the first row's
  EXPECT_TRUE(has_ink(grid, 0, top + 64, left, top + 128));      // the second's
  EXPECT_FALSE(has_ink(grid, 0, 0, 4, 4));                       // white around them
}

TEST(GridImage, LongLabelsWrapInsteadOfSpilling) {
  const RgbImage cell = filled(64, 64, 0, 0, 0);
  const RgbImage one = bksdm::draw_grid({{cell}, 1, {"short"}, {}, ""});
  const RgbImage wrapped = bksdm::draw_grid({{cell}, 1, {"a rather long label of many words"}, {}, ""});
  EXPECT_EQ(wrapped.width, 64);
  EXPECT_GT(wrapped.height, one.height);  // more lines, a taller band
}

TEST(GridImage, ALabelThatIsNotUtf8IsRefusedBeforeWork) {
  try {
    bksdm::check_grid_labels({{}, 1, {"ok", std::string("bad \xff")}, {}, ""});
    FAIL() << "accepted";
  } catch (const bksdm::Error& error) {
    EXPECT_NE(std::string(error.what()).find("not valid UTF-8"), std::string::npos) << error.what();
  }
}

}  // namespace
