#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/rgb_image.h"

namespace bksdm {

// Text drawn in the system's sans-serif font: the face fontconfig matches for the characters of
// each text (so that Korean labels find a Korean font), rendered by FreeType, grey levels blended.
class TextPainter {
 public:
  // Throws bksdm::Error when FreeType cannot start or fontconfig knows no font at all.
  explicit TextPainter(int pixel_size);
  ~TextPainter();
  TextPainter(const TextPainter&) = delete;
  TextPainter& operator=(const TextPainter&) = delete;

  int line_height() const { return line_height_; }
  // The width of `text` in pixels.
  int width(std::string_view text);
  // `text` broken at spaces into lines at most `max_width` wide (a longer word alone on its line).
  std::vector<std::string> wrapped(std::string_view text, int max_width);
  // Draws `text` in black with its top-left at (x, y), clipped to the image.
  void draw(RgbImage& image, int x, int y, std::string_view text);

 private:
  struct Fonts;
  std::unique_ptr<Fonts> fonts_;
  int pixel_size_;
  int line_height_;
};

}  // namespace bksdm
