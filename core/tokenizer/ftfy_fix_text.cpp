#include "core/tokenizer/ftfy_fix_text.h"

#include <array>

#include "core/tokenizer/ftfy_mojibake.h"
#include "core/tokenizer/html_unescape.h"
#include "core/tokenizer/unicode_text.h"

namespace bksdm::ftfy {
namespace {

// Lines longer than this are fixed in pieces, as ftfy does.
constexpr size_t kMaxDecodeLength = 1000000;

// Latin ligatures and the digraphs legacy encodings needed; ligatures such as æ that are used
// on purpose stay.
std::u32string_view ligature(char32_t c) {
  switch (c) {
    case U'Ĳ': return U"IJ";
    case U'ĳ': return U"ij";
    case U'ŉ': return U"ʼn";
    case U'Ǳ': return U"DZ";
    case U'ǲ': return U"Dz";
    case U'ǳ': return U"dz";
    case U'Ǆ': return U"DŽ";
    case U'ǅ': return U"Dž";
    case U'ǆ': return U"dž";
    case U'Ǉ': return U"LJ";
    case U'ǈ': return U"Lj";
    case U'ǉ': return U"lj";
    case U'Ǌ': return U"NJ";
    case U'ǋ': return U"Nj";
    case U'ǌ': return U"nj";
    case U'ﬀ': return U"ff";
    case U'ﬁ': return U"fi";
    case U'ﬂ': return U"fl";
    case U'ﬃ': return U"ffi";
    case U'ﬄ': return U"ffl";
    case U'ﬅ': return U"ſt";
    case U'ﬆ': return U"st";
    default: return {};
  }
}

std::u32string fix_latin_ligatures(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    const std::u32string_view split = ligature(c);
    if (split.empty()) {
      out.push_back(c);
    } else {
      out += split;
    }
  }
  return out;
}

// Half-width and full-width forms (U+FF01-U+FFEF) as their NFKC forms, and the ideographic space
// as a space.
std::u32string fix_character_width(std::u32string_view text) {
  constexpr char32_t kFirst = 0xFF01, kLast = 0xFFEF;
  static const auto normal_width = [] {
    std::array<std::u32string, kLast - kFirst + 1> forms;
    for (char32_t c = kFirst; c <= kLast; ++c) forms[c - kFirst] = unicode::nfkc(std::u32string(1, c));
    return forms;
  }();
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (c == 0x3000) {
      out.push_back(' ');
    } else if (c >= kFirst && c <= kLast) {
      out += normal_width[c - kFirst];
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::u32string uncurl_quotes(std::u32string_view text) {
  std::u32string out(text);
  for (char32_t& c : out) {
    if (c == 0x02BC || (c >= 0x2018 && c <= 0x201B)) c = '\'';
    if (c >= 0x201C && c <= 0x201F) c = '"';
  }
  return out;
}

std::u32string fix_line_breaks(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out.push_back(c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85 ? U'\n' : c);
  }
  return out;
}

// ANSI escapes: ESC '[' then digits (any script's, as Python's \d) or ';', then an ASCII letter.
std::u32string remove_terminal_escapes(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == 0x1B && i + 1 < text.size() && text[i + 1] == '[') {
      size_t end = i + 2;
      while (end < text.size() && (unicode::is_decimal(text[end]) || text[end] == ';')) ++end;
      const char32_t last = end < text.size() ? text[end] : 0;
      if ((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z')) {
        i = end;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

// The control characters ftfy removes: C0 ones but tab, line feed, form feed and carriage return;
// DEL; deprecated formatting characters; the byte-order mark; interlinear annotation marks.
bool is_removed_control(char32_t c) {
  return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F || (c >= 0x206A && c <= 0x206F) ||
         c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC);
}

std::u32string remove_control_chars(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (!is_removed_control(c)) out.push_back(c);
  }
  return out;
}

// ftfy.fix_and_explain on one line. Surrogates need no fixing here: UTF-32 built from UTF-8
// holds none.
std::u32string fix_line(std::u32string_view line, bool unescape_html) {
  std::u32string text(line);
  while (true) {
    const std::u32string original = text;
    if (unescape_html) text = ftfy_unescape_html(text);
    text = fix_encoding(text);
    text = fix_c1_controls(text);
    text = fix_latin_ligatures(text);
    text = fix_character_width(text);
    text = uncurl_quotes(text);
    text = fix_line_breaks(text);
    text = remove_terminal_escapes(text);
    text = remove_control_chars(text);
    text = unicode::nfc(text);
    if (text == original) return text;
  }
}

}  // namespace

std::u32string fix_text(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  // "auto": entities are decoded until a line looks like HTML (has '<'); ftfy then keeps them for
  // the rest of the text.
  bool unescape_html = true;
  for (size_t begin = 0; begin < text.size();) {
    const size_t newline = text.find(U'\n', begin);
    size_t end = newline == std::u32string_view::npos ? text.size() : newline + 1;
    end = std::min(end, begin + kMaxDecodeLength);
    const std::u32string_view line = text.substr(begin, end - begin);
    if (line.find(U'<') != std::u32string_view::npos) unescape_html = false;
    out += fix_line(line, unescape_html);
    begin = end;
  }
  return out;
}

}  // namespace bksdm::ftfy
