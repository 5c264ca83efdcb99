#include "core/render/text_painter.h"

#include <algorithm>
#include <map>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "core/io/error.h"
#include "core/io/utf8.h"

namespace bksdm {

// FreeType's library and the faces opened so far, by file and index.
struct TextPainter::Fonts {
  FT_Library library = nullptr;
  std::map<std::pair<std::string, int>, FT_Face> faces;

  ~Fonts() {
    for (auto& [key, face] : faces) FT_Done_Face(face);
    if (library) FT_Done_FreeType(library);
  }
};

namespace {

std::vector<char32_t> code_points(std::string_view text) {
  std::optional<std::vector<char32_t>> decoded = decode_utf8(text);
  if (!decoded) throw Error("a label that is not valid UTF-8 text: " + utf8_escaped(text));
  return std::move(*decoded);
}

// fontconfig's best sans-serif face for these characters: its file and index in the file.
std::pair<std::string, int> font_for(const std::vector<char32_t>& characters) {
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>("sans-serif"));
  FcCharSet* charset = FcCharSetCreate();
  for (char32_t c : characters) FcCharSetAddChar(charset, FcChar32(c));
  FcPatternAddCharSet(pattern, FC_CHARSET, charset);
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  std::pair<std::string, int> font;
  FcChar8* file = nullptr;
  int index = 0;
  if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    font = {reinterpret_cast<const char*>(file), index};
  }
  if (match) FcPatternDestroy(match);
  FcCharSetDestroy(charset);
  FcPatternDestroy(pattern);
  if (font.first.empty()) throw Error("no font found for the grid's labels: fontconfig knows none (install fonts-dejavu-core)");
  return font;
}

}  // namespace

TextPainter::TextPainter(int pixel_size)
    : fonts_(std::make_unique<Fonts>()), pixel_size_(pixel_size), line_height_(pixel_size * 5 / 4) {
  if (!FcInit()) throw Error("fontconfig could not read its configuration");
  if (FT_Init_FreeType(&fonts_->library) != 0) throw Error("FreeType could not start");
  font_for({U'A'});  // no font at all is known here, before any work
}

TextPainter::~TextPainter() = default;

namespace {

// The face for `text` at `pixel_size`, opened once.
FT_Face face_for(std::map<std::pair<std::string, int>, FT_Face>& faces, FT_Library library, const std::vector<char32_t>& text,
                 int pixel_size) {
  const std::pair<std::string, int> font = font_for(text);
  auto found = faces.find(font);
  if (found == faces.end()) {
    FT_Face face = nullptr;
    if (FT_New_Face(library, font.first.c_str(), font.second, &face) != 0)
      throw Error("the font " + font.first + " could not be read");
    FT_Set_Pixel_Sizes(face, 0, FT_UInt(pixel_size));
    found = faces.emplace(font, face).first;
  }
  return found->second;
}

}  // namespace

int TextPainter::width(std::string_view text) {
  const std::vector<char32_t> characters = code_points(text);
  FT_Face face = face_for(fonts_->faces, fonts_->library, characters, pixel_size_);
  long advance = 0;
  for (char32_t c : characters)
    if (FT_Load_Char(face, FT_ULong(c), FT_LOAD_DEFAULT) == 0) advance += face->glyph->advance.x;
  return int(advance >> 6);
}

std::vector<std::string> TextPainter::wrapped(std::string_view text, int max_width) {
  std::vector<std::string> lines;
  std::string line;
  size_t at = 0;
  while (at <= text.size()) {
    const size_t space = std::min(text.find(' ', at), text.size());
    const std::string_view word = text.substr(at, space - at);
    const std::string longer = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (!line.empty() && width(longer) > max_width) {
      lines.push_back(line);
      line = std::string(word);
    } else {
      line = longer;
    }
    at = space + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

void TextPainter::draw(RgbImage& image, int x, int y, std::string_view text) {
  const std::vector<char32_t> characters = code_points(text);
  FT_Face face = face_for(fonts_->faces, fonts_->library, characters, pixel_size_);
  const int baseline = y + int(face->size->metrics.ascender >> 6);
  long pen = long(x) << 6;
  for (char32_t c : characters) {
    if (FT_Load_Char(face, FT_ULong(c), FT_LOAD_RENDER) != 0) continue;
    const FT_GlyphSlot glyph = face->glyph;
    const FT_Bitmap& bitmap = glyph->bitmap;
    const int left = int(pen >> 6) + glyph->bitmap_left, top = baseline - glyph->bitmap_top;
    for (unsigned row = 0; row < bitmap.rows; ++row)
      for (unsigned column = 0; column < bitmap.width; ++column) {
        const int px = left + int(column), py = top + int(row);
        if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
        const int coverage = bitmap.buffer[row * bitmap.pitch + column];
        uint8_t* pixel = &image.pixels[(size_t(py) * image.width + px) * 3];
        for (int channel = 0; channel < 3; ++channel) pixel[channel] = uint8_t(pixel[channel] * (255 - coverage) / 255);
      }
    pen += glyph->advance.x;
  }
}

}  // namespace bksdm
