#include "core/render/grid_image.h"

#include <algorithm>

#include "core/io/error.h"
#include "core/render/text_painter.h"

namespace bksdm {
namespace {

struct CellSpace {
  int width = 0, height = 0;
};

CellSpace cell_space(const std::vector<RgbImage>& cells) {
  CellSpace space;
  for (const RgbImage& cell : cells) {
    space.width = std::max(space.width, cell.width);
    space.height = std::max(space.height, cell.height);
  }
  if (space.width == 0) throw Error("a grid without images");
  return space;
}

int font_size(const CellSpace& space) { return std::max(12, (space.width + space.height) / 25); }

void copy_into(RgbImage& canvas, const RgbImage& cell, int x, int y) {
  for (int row = 0; row < cell.height; ++row)
    std::copy_n(cell.pixels.begin() + size_t(row) * cell.width * 3, size_t(cell.width) * 3,
                canvas.pixels.begin() + (size_t(y + row) * canvas.width + x) * 3);
}

// The lines of each label wrapped to `width`, and the tallest label's height.
std::pair<std::vector<std::vector<std::string>>, int> wrapped_labels(TextPainter& text, const std::vector<std::string>& labels,
                                                                     int width) {
  std::vector<std::vector<std::string>> lines;
  size_t most = 0;
  for (const std::string& label : labels) {
    lines.push_back(text.wrapped(label, width));
    most = std::max(most, lines.back().size());
  }
  return {lines, int(most) * text.line_height()};
}

// Lines centred across [x, x + width), the first line's top at y.
void draw_centred(TextPainter& text, RgbImage& canvas, const std::vector<std::string>& lines, int x, int y, int width) {
  for (size_t i = 0; i < lines.size(); ++i)
    text.draw(canvas, x + (width - text.width(lines[i])) / 2, y + int(i) * text.line_height(), lines[i]);
}

}  // namespace

RgbImage draw_grid(const GridLayout& layout) {
  const CellSpace space = cell_space(layout.cells);
  const int columns = layout.columns;
  const int rows = int((layout.cells.size() + columns - 1) / columns);
  TextPainter text(font_size(space));
  const int pad = text.line_height() / 2;
  const int left = layout.row_labels.empty() ? 0 : space.width * 3 / 4;
  const auto [column_lines, column_height] = wrapped_labels(text, layout.column_labels, space.width - 2 * pad);
  const auto [row_lines, row_height] = wrapped_labels(text, layout.row_labels, std::max(1, left - 2 * pad));
  const std::vector<std::string> title_lines = layout.title.empty() ? std::vector<std::string>{}
                                                                    : text.wrapped(layout.title, left + columns * space.width - 2 * pad);
  const int title_height = title_lines.empty() ? 0 : int(title_lines.size()) * text.line_height() + 2 * pad;
  const int top = title_height + (layout.column_labels.empty() ? 0 : column_height + 2 * pad);

  RgbImage canvas{left + columns * space.width, top + rows * space.height, {}};
  canvas.pixels.assign(size_t(canvas.width) * canvas.height * 3, 255);
  draw_centred(text, canvas, title_lines, 0, pad, canvas.width);
  for (int c = 0; c < columns && c < int(column_lines.size()); ++c)
    draw_centred(text, canvas, column_lines[c], left + c * space.width, title_height + pad, space.width);
  for (int r = 0; r < rows; ++r) {
    if (r < int(row_lines.size())) {
      const int lines_height = int(row_lines[r].size()) * text.line_height();
      draw_centred(text, canvas, row_lines[r], 0, top + r * space.height + (space.height - lines_height) / 2, left);
    }
    for (int c = 0; c < columns; ++c) {
      const size_t index = size_t(r) * columns + c;
      if (index >= layout.cells.size() || layout.cells[index].empty()) continue;
      const RgbImage& cell = layout.cells[index];
      copy_into(canvas, cell, left + c * space.width + (space.width - cell.width) / 2,
                top + r * space.height + (space.height - cell.height) / 2);
    }
  }
  return canvas;
}

void check_grid_labels(const GridLayout& layout) {
  TextPainter text(12);
  for (const std::vector<std::string>* labels : {&layout.column_labels, &layout.row_labels})
    for (const std::string& label : *labels) text.width(label);
  text.width(layout.title);
}

}  // namespace bksdm
