#pragma once
#include <string>
#include <vector>

#include "core/io/rgb_image.h"

namespace bksdm {

// One grid as A1111's X/Y/Z plot draws it (images.draw_grid_annotations): the cells in rows, each
// column's label above it, each row's label in a band to the left three quarters of a cell wide,
// the text (cell width + height) / 25 pixels high and wrapped to its space, black on white; with
// a title (a Z value) above all. Cells of other sizes sit centred in the largest one's space; a
// missing (empty) cell is left white.
struct GridLayout {
  std::vector<RgbImage> cells;  // row by row, columns each
  int columns = 1;
  std::vector<std::string> column_labels;  // one per column, or none
  std::vector<std::string> row_labels;     // one per row, or none
  std::string title;                       // empty: none
};

RgbImage draw_grid(const GridLayout& layout);

// Throws bksdm::Error when the labels cannot be drawn (no font, text that is not UTF-8): checked
// before the cells are made.
void check_grid_labels(const GridLayout& layout);

}  // namespace bksdm
