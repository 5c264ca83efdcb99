#include "core/tokenizer/ftfy_mojibake.h"

#include <array>
#include <cstdio>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/tokenizer/codepage_tables.h"
#include "core/tokenizer/icu_text.h"
#include "core/tokenizer/unicode_text.h"

namespace bksdm::ftfy {
namespace {

using icu_text::Regex;

// ---- The single-byte encodings ftfy tries, in its order ----

struct Codec {
  std::string_view name;
  const char32_t* high;  // bytes 0x80-0xFF; nullptr for Latin-1
  // ftfy's "sloppy-" variants: bytes the encoding leaves undefined decode as Latin-1, and 0x1A
  // stands for U+FFFD (a byte lost to the replacement character).
  bool sloppy;

  char32_t decode(uint8_t byte) const {
    if (byte < 0x80) return sloppy && byte == 0x1A ? U'\uFFFD' : byte;
    if (high == nullptr || high[byte - 0x80] == 0) return byte;
    return high[byte - 0x80];
  }
};

const Codec kCharmapEncodings[] = {
    {"latin-1", nullptr, false},
    {"sloppy-windows-1252", kWindows1252, true},
    {"sloppy-windows-1251", kWindows1251, true},
    {"sloppy-windows-1250", kWindows1250, true},
    {"sloppy-windows-1253", kWindows1253, true},
    {"sloppy-windows-1254", kWindows1254, true},
    {"sloppy-windows-1257", kWindows1257, true},
    {"iso-8859-2", kIso8859_2, false},
    {"macroman", kMacRoman, false},
    {"cp437", kCp437, false},
};
const Codec& kSloppyWindows1252 = kCharmapEncodings[1];

// The text as bytes of `codec`, or nullopt when a character has no byte there.
std::optional<std::string> encode(std::u32string_view text, const Codec& codec) {
  static const auto encoders = [] {
    std::unordered_map<std::string_view, std::unordered_map<char32_t, uint8_t>> tables;
    for (const Codec& each : kCharmapEncodings) {
      for (int byte = 0; byte < 256; ++byte) tables[each.name][each.decode(static_cast<uint8_t>(byte))] = byte;
    }
    return tables;
  }();
  const auto& table = encoders.at(codec.name);
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    const auto it = table.find(c);
    if (it == table.end()) return std::nullopt;
    out.push_back(static_cast<char>(it->second));
  }
  return out;
}

// Strict UTF-8 (no surrogates, no overlong forms) plus the two variants ftfy accepts: C0 80 for
// U+0000 (Java) and surrogate pairs spelled as two 3-byte sequences (CESU-8).
std::optional<std::u32string> decode_utf8_variants(std::string_view text) {
  const auto* b = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  auto continuation = [&](size_t i, uint8_t low = 0x80, uint8_t high = 0xBF) {
    return i < n && b[i] >= low && b[i] <= high;
  };
  std::u32string out;
  for (size_t i = 0; i < n;) {
    const uint8_t lead = b[i];
    if (lead < 0x80) {
      out.push_back(lead);
      i += 1;
    } else if (lead == 0xC0 && continuation(i + 1, 0x80, 0x80)) {
      out.push_back(0);
      i += 2;
    } else if (lead == 0xED && continuation(i + 1, 0xA0, 0xAF) && continuation(i + 2) && i + 3 < n &&
               b[i + 3] == 0xED && continuation(i + 4, 0xB0, 0xBF) && continuation(i + 5)) {
      out.push_back(0x10000 + ((b[i + 1] & 0x0F) << 16) + ((b[i + 2] & 0x3F) << 10) + ((b[i + 4] & 0x0F) << 6) +
                    (b[i + 5] & 0x3F));
      i += 6;
    } else if (lead >= 0xC2 && lead <= 0xDF && continuation(i + 1)) {
      out.push_back(((lead & 0x1F) << 6) | (b[i + 1] & 0x3F));
      i += 2;
    } else if (lead >= 0xE0 && lead <= 0xEF &&
               continuation(i + 1, lead == 0xE0 ? 0xA0 : 0x80, lead == 0xED ? 0x9F : 0xBF) &&
               continuation(i + 2)) {
      out.push_back(((lead & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F));
      i += 3;
    } else if (lead >= 0xF0 && lead <= 0xF4 &&
               continuation(i + 1, lead == 0xF0 ? 0x90 : 0x80, lead == 0xF4 ? 0x8F : 0xBF) &&
               continuation(i + 2) && continuation(i + 3)) {
      out.push_back(((lead & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) |
                    (b[i + 3] & 0x3F));
      i += 4;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

// ---- The badness heuristic (ftfy.badness) ----

// ftfy's MOJIBAKE_CATEGORIES: the few hundred characters UTF-8 mojibake is made of, grouped by the
// contexts in which they betray it. Contents of regular-expression character classes.
constexpr std::string_view kCommon =
    R"(\N{NO-BREAK SPACE}\N{SOFT HYPHEN}\N{MIDDLE DOT}\N{ACUTE ACCENT}\N{EN DASH}\N{EM DASH})"
    R"(\N{HORIZONTAL BAR}\N{HORIZONTAL ELLIPSIS}\N{RIGHT SINGLE QUOTATION MARK})";
constexpr std::string_view kC1 = R"(\x{80}-\x{9F})";
constexpr std::string_view kBad =
    R"(\N{BROKEN BAR}\N{CURRENCY SIGN}\N{DIAERESIS}\N{NOT SIGN}\N{MACRON}\N{CEDILLA})"
    R"(\N{LATIN SMALL LETTER F WITH HOOK}\N{MODIFIER LETTER CIRCUMFLEX ACCENT}\N{CARON}\N{BREVE})"
    R"(\N{OGONEK}\N{SMALL TILDE}\N{DAGGER}\N{DOUBLE DAGGER}\N{PER MILLE SIGN}\N{REVERSED NOT SIGN})"
    R"(\N{LOZENGE}\x{FFFD}\N{FEMININE ORDINAL INDICATOR}\N{MASCULINE ORDINAL INDICATOR})";
constexpr std::string_view kLaw = R"(\N{PILCROW SIGN}\N{SECTION SIGN})";
constexpr std::string_view kCurrency = R"(\N{CENT SIGN}\N{POUND SIGN}\N{YEN SIGN}\N{PESETA SIGN}\N{EURO SIGN})";
constexpr std::string_view kStartPunctuation =
    R"(\N{INVERTED EXCLAMATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK})"
    R"(\N{INVERTED QUESTION MARK}\N{COPYRIGHT SIGN}\N{GREEK TONOS}\N{GREEK DIALYTIKA TONOS})"
    R"(\N{LEFT SINGLE QUOTATION MARK}\N{SINGLE LOW-9 QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK})"
    R"(\N{DOUBLE LOW-9 QUOTATION MARK}\N{BULLET}\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK})"
    R"(\x{F8FF})";
constexpr std::string_view kEndPunctuation =
    R"(\N{REGISTERED SIGN}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{DOUBLE ACUTE ACCENT})"
    R"(\N{RIGHT DOUBLE QUOTATION MARK}\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}\N{TRADE MARK SIGN})";
constexpr std::string_view kNumeric =
    R"(\N{SUPERSCRIPT TWO}\N{SUPERSCRIPT THREE}\N{SUPERSCRIPT ONE}\N{PLUS-MINUS SIGN})"
    R"(\N{VULGAR FRACTION ONE QUARTER}\N{VULGAR FRACTION ONE HALF}\N{VULGAR FRACTION THREE QUARTERS})"
    R"(\N{MULTIPLICATION SIGN}\N{MICRO SIGN}\N{DIVISION SIGN}\N{FRACTION SLASH}\N{PARTIAL DIFFERENTIAL})"
    R"(\N{INCREMENT}\N{N-ARY PRODUCT}\N{N-ARY SUMMATION}\N{SQUARE ROOT}\N{INFINITY}\N{INTERSECTION})"
    R"(\N{INTEGRAL}\N{ALMOST EQUAL TO}\N{NOT EQUAL TO}\N{IDENTICAL TO}\N{LESS-THAN OR EQUAL TO})"
    R"(\N{GREATER-THAN OR EQUAL TO}\N{NUMERO SIGN})";
// Letters that make emoticon faces (kaomoji), so they may stand in improbable-looking places.
constexpr std::string_view kKaomoji =
    R"(\x{D2}-\x{D6}\x{D9}-\x{DC}\x{F2}-\x{F6}\x{F8}-\x{FC})"
    R"(\N{LATIN CAPITAL LETTER O WITH DOUBLE ACUTE}\N{LATIN CAPITAL LETTER O WITH MACRON})"
    R"(\N{LATIN CAPITAL LETTER U WITH MACRON}\N{LATIN CAPITAL LETTER U WITH OGONEK}\N{DEGREE SIGN})";
constexpr std::string_view kUpperAccented =
    R"(\x{C0}-\x{D1}\N{LATIN CAPITAL LETTER O WITH STROKE}\N{LATIN CAPITAL LETTER U WITH DIAERESIS})"
    R"(\N{LATIN CAPITAL LETTER Y WITH ACUTE}\N{LATIN CAPITAL LETTER A WITH BREVE})"
    R"(\N{LATIN CAPITAL LETTER A WITH MACRON}\N{LATIN CAPITAL LETTER A WITH OGONEK})"
    R"(\N{LATIN CAPITAL LETTER C WITH ACUTE}\N{LATIN CAPITAL LETTER C WITH CARON})"
    R"(\N{LATIN CAPITAL LETTER D WITH CARON}\N{LATIN CAPITAL LETTER D WITH STROKE})"
    R"(\N{LATIN CAPITAL LETTER E WITH OGONEK}\N{LATIN CAPITAL LETTER E WITH CARON})"
    R"(\N{LATIN CAPITAL LETTER E WITH MACRON}\N{LATIN CAPITAL LETTER E WITH DOT ABOVE})"
    R"(\N{LATIN CAPITAL LETTER G WITH BREVE}\N{LATIN CAPITAL LETTER G WITH CEDILLA})"
    R"(\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}\N{LATIN CAPITAL LETTER I WITH MACRON})"
    R"(\N{LATIN CAPITAL LETTER K WITH CEDILLA}\N{LATIN CAPITAL LETTER L WITH ACUTE})"
    R"(\N{LATIN CAPITAL LETTER L WITH CARON}\N{LATIN CAPITAL LETTER L WITH STROKE})"
    R"(\N{LATIN CAPITAL LETTER L WITH CEDILLA}\N{LATIN CAPITAL LETTER N WITH ACUTE})"
    R"(\N{LATIN CAPITAL LETTER N WITH CARON}\N{LATIN CAPITAL LETTER N WITH CEDILLA})"
    R"(\N{LATIN CAPITAL LIGATURE OE}\N{LATIN CAPITAL LETTER R WITH CARON})"
    R"(\N{LATIN CAPITAL LETTER S WITH ACUTE}\N{LATIN CAPITAL LETTER S WITH CEDILLA})"
    R"(\N{LATIN CAPITAL LETTER S WITH CARON}\N{LATIN CAPITAL LETTER T WITH CEDILLA})"
    R"(\N{LATIN CAPITAL LETTER T WITH CARON}\N{LATIN CAPITAL LETTER U WITH RING ABOVE})"
    R"(\N{LATIN CAPITAL LETTER U WITH DOUBLE ACUTE}\N{LATIN CAPITAL LETTER Y WITH DIAERESIS})"
    R"(\N{LATIN CAPITAL LETTER Z WITH ACUTE}\N{LATIN CAPITAL LETTER Z WITH DOT ABOVE})"
    R"(\N{LATIN CAPITAL LETTER Z WITH CARON}\N{CYRILLIC CAPITAL LETTER GHE WITH UPTURN})";
constexpr std::string_view kLowerAccented =
    R"(\N{LATIN SMALL LETTER SHARP S}\x{E0}-\x{F1}\N{LATIN SMALL LETTER A WITH BREVE})"
    R"(\N{LATIN SMALL LETTER A WITH OGONEK}\N{LATIN SMALL LETTER A WITH MACRON})"
    R"(\N{LATIN SMALL LETTER C WITH ACUTE}\N{LATIN SMALL LETTER C WITH CARON})"
    R"(\N{LATIN SMALL LETTER D WITH CARON}\N{LATIN SMALL LETTER D WITH STROKE})"
    R"(\N{LATIN SMALL LETTER E WITH OGONEK}\N{LATIN SMALL LETTER E WITH CARON})"
    R"(\N{LATIN SMALL LETTER E WITH MACRON}\N{LATIN SMALL LETTER E WITH DOT ABOVE})"
    R"(\N{LATIN SMALL LETTER G WITH BREVE}\N{LATIN SMALL LETTER G WITH CEDILLA})"
    R"(\N{LATIN SMALL LETTER I WITH OGONEK}\N{LATIN SMALL LETTER I WITH MACRON})"
    R"(\N{LATIN SMALL LETTER K WITH CEDILLA}\N{LATIN SMALL LETTER L WITH ACUTE})"
    R"(\N{LATIN SMALL LETTER L WITH CARON}\N{LATIN SMALL LETTER L WITH STROKE})"
    R"(\N{LATIN SMALL LETTER L WITH CEDILLA}\N{LATIN SMALL LIGATURE OE})"
    R"(\N{LATIN SMALL LETTER R WITH ACUTE}\N{LATIN SMALL LETTER S WITH ACUTE})"
    R"(\N{LATIN SMALL LETTER S WITH CEDILLA}\N{LATIN SMALL LETTER S WITH CARON})"
    R"(\N{LATIN SMALL LETTER T WITH CARON}\N{LATIN SMALL LETTER U WITH DIAERESIS})"
    R"(\N{LATIN SMALL LETTER Z WITH ACUTE}\N{LATIN SMALL LETTER Z WITH DOT ABOVE})"
    R"(\N{LATIN SMALL LETTER Z WITH CARON}\N{CYRILLIC SMALL LETTER GHE WITH UPTURN})"
    R"(\N{LATIN SMALL LIGATURE FI}\N{LATIN SMALL LIGATURE FL})";
constexpr std::string_view kUpperCommon =
    R"(\N{LATIN CAPITAL LETTER THORN}\N{GREEK CAPITAL LETTER ALPHA}-\N{GREEK CAPITAL LETTER OMEGA})"
    R"(\N{GREEK CAPITAL LETTER ALPHA WITH TONOS}\N{GREEK CAPITAL LETTER EPSILON WITH TONOS})"
    R"(\N{GREEK CAPITAL LETTER ETA WITH TONOS}\N{GREEK CAPITAL LETTER IOTA WITH TONOS})"
    R"(\N{GREEK CAPITAL LETTER OMICRON WITH TONOS}\N{GREEK CAPITAL LETTER UPSILON WITH TONOS})"
    R"(\N{GREEK CAPITAL LETTER OMEGA WITH TONOS}\N{GREEK CAPITAL LETTER IOTA WITH DIALYTIKA})"
    R"(\N{GREEK CAPITAL LETTER UPSILON WITH DIALYTIKA})"
    R"(\N{CYRILLIC CAPITAL LETTER IO}-\N{CYRILLIC CAPITAL LETTER YA})";
constexpr std::string_view kLowerCommon =
    R"(\N{GREEK SMALL LETTER ALPHA}-\N{GREEK SMALL LETTER OMEGA}\N{GREEK SMALL LETTER ALPHA WITH TONOS})"
    R"(\N{GREEK SMALL LETTER EPSILON WITH TONOS}\N{GREEK SMALL LETTER ETA WITH TONOS})"
    R"(\N{GREEK SMALL LETTER IOTA WITH TONOS}\N{GREEK SMALL LETTER UPSILON WITH DIALYTIKA AND TONOS})"
    R"(\N{CYRILLIC SMALL LETTER A}-\N{CYRILLIC SMALL LETTER DZHE})";
// The single horizontal line is left out: kaomoji use it.
constexpr std::string_view kBox =
    R"(│┌┐┘├┤┬┼\N{BOX DRAWINGS DOUBLE HORIZONTAL}-\N{BOX DRAWINGS DOUBLE VERTICAL AND HORIZONTAL}▀▄█▌▐░▒▓)";
// Python's `\s` and `\w`, which differ from ICU's.
constexpr std::string_view kSpace =
    R"([\t\n\x{0B}\x{0C}\r\x{1C}-\x{1F}\x{20}\x{85}\x{A0}\x{1680})"
    R"(\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}])";
constexpr std::string_view kWord = R"([\p{L}\p{N}_])";

std::string seq(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out += part;
  return out;
}

std::string set(std::initializer_list<std::string_view> parts) {
  std::string out = "[";
  for (std::string_view part : parts) out += part;
  return out + "]";
}

// ftfy's BADNESS_RE: unlikely juxtapositions of those characters.
const Regex& badness_regex() {
  static const Regex regex([] {
    const auto& c1 = kC1;
    const auto& bad = kBad;
    const auto& law = kLaw;
    const auto& currency = kCurrency;
    const auto& start = kStartPunctuation;
    const auto& end = kEndPunctuation;
    const auto& numeric = kNumeric;
    const auto& lower_acc = kLowerAccented;
    const auto& upper_acc = kUpperAccented;
    const auto& box = kBox;
    const std::string arabic_second = set({kCommon, currency, bad, numeric, start, "ŸŠ®°µ»"});
    const std::vector<std::string> alternatives = {
        set({c1}),
        seq({set({bad, lower_acc, upper_acc, box, start, end, currency, numeric, law}), set({bad})}),
        seq({"[a-zA-Z]", set({kLowerCommon, kUpperCommon}), set({bad})}),
        seq({set({bad}), set({lower_acc, upper_acc, box, start, end, currency, numeric, law})}),
        seq({set({lower_acc, kLowerCommon, box, end, currency, numeric}), set({upper_acc})}),
        seq({set({box, end, currency, numeric}), set({lower_acc})}),
        seq({set({lower_acc, box, end}), set({currency})}),
        seq({kSpace, set({upper_acc}), set({currency})}),
        seq({set({upper_acc, box}), set({numeric, law})}),
        seq({set({lower_acc, upper_acc, box, currency, end}), set({start}), set({numeric})}),
        seq({set({lower_acc, upper_acc, currency, numeric, box, law}), set({end}), set({start})}),
        seq({set({currency, numeric, box}), set({start})}),
        seq({"[a-z]", set({upper_acc}), set({start, currency})}),
        seq({set({box}), set({kKaomoji})}),
        seq({set({lower_acc, upper_acc, currency, numeric, start, end, law}), set({box})}),
        seq({set({box}), set({end})}),
        seq({set({lower_acc, upper_acc}), set({start, end}), kWord}),
        // The ligature œ when no unaccented Latin letter follows.
        "[Œœ][^A-Za-z]",
        // Degree signs after capital letters.
        seq({set({upper_acc}), "°"}),
        // Common Windows-1252 2-character mojibake the cases above miss.
        seq({"[ÂÃÎÐ]", set({R"(€œŠš¢£Ÿž\x{A0}\x{AD}®©°·»)", start, end, "–—´"})}),
        "×[²³]",
        // Windows-1252 mojibake of Arabic: the 'common' characters count too, so four are needed.
        seq({"[ØÙ]", arabic_second, "[ØÙ]", arabic_second}),
        // Windows-1252 mojibake starting 3-character sequences of some South Asian alphabets.
        "à[²µ¹¼½¾]",
        // MacRoman mojibake the cases above miss.
        "√[±∂†≠®™´≤≥¥µø]",
        "≈[°¢]",
        "‚Ä[ìîïòôúùû†°¢π]",
        "‚[âó][àä°ê]",
        // Windows-1251 mojibake of characters in the U+2000 range.
        "вЂ",
        // Windows-1251 mojibake of Latin-1 characters and/or Cyrillic: 3 characters, as 2 are common.
        seq({"[ВГРС]", set({c1, bad, start, end, currency, "°µ"}), "[ВГРС]"}),
        // Windows-1251 on top of Latin-1 mojibake of Windows-1252 characters, near a Latin letter.
        "ГўВЂВ.[A-Za-z\\x{20}]",
        // Windows-1252 encodings of 'à' and 'á', and of U+00A0 itself.
        "Ã[\\x{A0}¡]",
        seq({"[a-z]", kSpace, "?[ÃÂ]\\x{20}"}),
        "^[ÃÂ]\\x{20}",
        // Â before a character that it encodes together with, when that character is common.
        seq({set({"a-z.,?!", end}), "Â", set({"\\x{20}", start, end})}),
        // Windows-1253 mojibake of characters in the U+2000 range.
        "β€[™\\x{A0}Ά\\x{AD}®°]",
        // Windows-1253 mojibake of Latin-1 characters and/or the Greek alphabet.
        seq({"[ΒΓΞΟ]", set({c1, bad, start, end, currency, "°"}), "[ΒΓΞΟ]"}),
        // Windows-1257 mojibake of characters in the U+2000 range.
        "ā€",
    };
    std::string pattern;
    for (const std::string& alternative : alternatives) {
      if (!pattern.empty()) pattern += "|";
      pattern += alternative;
    }
    return pattern;
  }());
  return regex;
}

// ---- Byte-level repairs (ftfy.fixes), on the bytes of a re-encoding ----

// A UTF-8 sequence whose 0xA0 byte a Windows-1252 program turned into a space.
const Regex& altered_utf8_regex() {
  static const Regex regex(R"([\x{C2}\x{C3}\x{C5}\x{CE}\x{D0}\x{D9}]\x{20})"
                           R"(|[\x{E2}\x{E3}]\x{20}[\x{80}-\x{84}\x{86}-\x{9F}\x{A1}-\x{BF}])"
                           R"(|[\x{E0}-\x{E3}][\x{80}-\x{84}\x{86}-\x{9F}\x{A1}-\x{BF}]\x{20})"
                           R"(|\x{F0}\x{20}[\x{80}-\x{BF}][\x{80}-\x{BF}])"
                           R"(|\x{F0}[\x{80}-\x{BF}]\x{20}[\x{80}-\x{BF}])"
                           R"(|\x{F0}[\x{80}-\x{BF}][\x{80}-\x{BF}]\x{20})");
  return regex;
}

// "Ã " standing alone is almost always "à" (as in "à la"), except before Portuguese contractions.
const Regex& a_grave_word_regex() {
  static const Regex regex(R"(\x{C3}\x{20}(?!\x{20}|quele|quela|quilo|s\x{20}))");
  return regex;
}

// UTF-8 (and CESU-8) sequences that lost continuation bytes: 0x1A stands for a byte that became
// U+FFFD, and an ASCII '?' may stand for one, at most once per sequence.
const Regex& lossy_utf8_regex() {
  static const Regex regex(R"([\x{C2}-\x{DF}]\x{1A})"
                           R"(|[\x{C2}-\x{C3}]\?)"
                           R"(|\x{ED}[\x{A0}-\x{AF}][\x{1A}\?]\x{ED}[\x{B0}-\x{BF}][\x{1A}\?\x{80}-\x{BF}])"
                           R"(|\x{ED}[\x{A0}-\x{AF}][\x{1A}\?\x{80}-\x{BF}]\x{ED}[\x{B0}-\x{BF}][\x{1A}\?])"
                           R"(|[\x{E0}-\x{EF}][\x{1A}\?][\x{1A}\x{80}-\x{BF}])"
                           R"(|[\x{E0}-\x{EF}][\x{1A}\x{80}-\x{BF}][\x{1A}\?])"
                           R"(|[\x{F0}-\x{F4}][\x{1A}\?][\x{1A}\x{80}-\x{BF}][\x{1A}\x{80}-\x{BF}])"
                           R"(|[\x{F0}-\x{F4}][\x{1A}\x{80}-\x{BF}][\x{1A}\?][\x{1A}\x{80}-\x{BF}])"
                           R"(|[\x{F0}-\x{F4}][\x{1A}\x{80}-\x{BF}][\x{1A}\x{80}-\x{BF}][\x{1A}\?])"
                           R"(|\x{1A})");
  return regex;
}

std::string restore_byte_a0(std::string_view bytes) {
  const icu::UnicodeString a_grave_fixed = a_grave_word_regex().replace(
      icu_text::from_bytes(bytes), [](const icu::UnicodeString&) { return icu_text::from_bytes("\xC3\xA0 "); });
  return icu_text::to_bytes(altered_utf8_regex().replace(a_grave_fixed, [](const icu::UnicodeString& match) {
    icu::UnicodeString restored(match);
    return restored.findAndReplace(icu::UnicodeString(u" "), icu::UnicodeString(u"\u00A0"));
  }));
}

std::string replace_lossy_sequences(std::string_view bytes) {
  return icu_text::to_bytes(lossy_utf8_regex().replace(icu_text::from_bytes(bytes), [](const icu::UnicodeString&) {
    return icu_text::from_bytes("\xEF\xBF\xBD");
  }));
}

// ---- Mojibake embedded in otherwise fine text ----

// ftfy's UTF8_CLUES, derived as ftfy derived them: the characters that the bytes of UTF-8
// sequences become in Latin-1 and in the Windows code pages.
std::string utf8_clue_set(uint8_t first, uint8_t last, std::u32string_view extra = U"",
                          std::u32string_view excluded = U"") {
  const std::array<const char32_t*, 7> safe_encodings = {nullptr,      kWindows1252, kWindows1251, kWindows1250,
                                                         kWindows1253, kWindows1254, kWindows1257};
  std::set<char32_t> chars(extra.begin(), extra.end());
  for (const char32_t* high : safe_encodings) {
    for (int byte = first; byte <= last; ++byte) {
      const char32_t c = high == nullptr ? static_cast<char32_t>(byte) : high[byte - 0x80];
      if (c != 0 && excluded.find(c) == std::u32string_view::npos) chars.insert(c);
    }
  }
  std::string out = "[";
  for (char32_t c : chars) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "\\x{%X}", static_cast<unsigned>(c));
    out += hex;
  }
  return out + "]";
}

// ftfy's UTF8_DETECTOR_RE: runs of what look like UTF-8 sequences read as single bytes, not right
// after a character that is nearly always mojibake itself.
const Regex& utf8_detector_regex() {
  static const Regex regex([] {
    const std::string continuation = utf8_clue_set(0x80, 0xBF, U" ");
    // Leaves out the punctuation that legitimately stands next to mojibake.
    const std::string strict =
        utf8_clue_set(0x80, 0xBF, U"", U"\u2013\u2014\u2015\u2018\u2019\u201A\u201C\u201D\u201E\u2022\u2026");
    std::string pattern = "(?<!";
    pattern += strict;
    pattern += ")(?:";
    pattern += seq({utf8_clue_set(0xC2, 0xDF), continuation});
    pattern += seq({"|", utf8_clue_set(0xE0, 0xEF), continuation, "{2}"});
    pattern += seq({"|[", utf8_clue_set(0xF0, 0xF0), utf8_clue_set(0xF3, 0xF3), "]", continuation, "{3}"});
    pattern += ")+";
    return pattern;
  }());
  return regex;
}

std::u32string decode_inconsistent_utf8(std::u32string_view text) {
  const icu::UnicodeString whole = icu_text::from_utf32(text);
  return icu_text::to_utf32(utf8_detector_regex().replace(whole, [&](const icu::UnicodeString& match) {
    const std::u32string part = icu_text::to_utf32(match);
    // Only a shorter part, so that this cannot recurse forever.
    if (part.size() < text.size() && is_bad(part)) return icu_text::from_utf32(fix_encoding(part));
    return match;
  }));
}

bool is_ascii(std::u32string_view text) {
  for (char32_t c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool has_c1_control(std::u32string_view text) {
  for (char32_t c : text) {
    if (c >= 0x80 && c <= 0x9F) return true;
  }
  return false;
}

// One step of ftfy's fix_encoding: the first re-encoding that yields valid UTF-8, else the
// partial fixes, else the text unchanged.
std::u32string fix_encoding_one_step(std::u32string_view text) {
  if (text.empty() || is_ascii(text) || !is_bad(text)) return std::u32string(text);
  bool latin1_possible = false;
  for (const Codec& codec : kCharmapEncodings) {
    std::optional<std::string> bytes = encode(text, codec);
    if (!bytes) continue;
    latin1_possible = latin1_possible || codec.name == "latin-1";
    // MacRoman is left out: there this would match an en dash before a space.
    if (codec.name != "macroman" && altered_utf8_regex().search(icu_text::from_bytes(*bytes))) {
      bytes = restore_byte_a0(*bytes);
    }
    if (codec.sloppy) bytes = replace_lossy_sequences(*bytes);
    if (std::optional<std::u32string> decoded = decode_utf8_variants(*bytes)) return *decoded;
  }
  if (utf8_detector_regex().search(icu_text::from_utf32(text))) {
    std::u32string fixed = decode_inconsistent_utf8(text);
    if (fixed != text) return fixed;
  }
  // Latin-1 that is not also Windows-1252 has C1 controls, which were surely meant as Windows-1252.
  // (ftfy's check for plain "windows-1252" among the possible encodings never holds: it only
  // tries the sloppy one.)
  if (latin1_possible) {
    std::u32string decoded;
    bool decodable = true;
    for (char32_t c : text) {
      const char32_t d = c >= 0x80 && c < 0x100 ? kWindows1252[c - 0x80] : c;
      if (d == 0) {
        decodable = false;
        break;
      }
      decoded.push_back(d);
    }
    if (decodable && decoded != text) return decoded;
  }
  if (has_c1_control(text)) return fix_c1_controls(text);
  return std::u32string(text);
}

}  // namespace

bool is_bad(std::u32string_view text) { return badness_regex().search(icu_text::from_utf32(text)); }

std::u32string fix_encoding(std::u32string_view text) {
  std::u32string current(text);
  while (true) {
    std::u32string next = fix_encoding_one_step(current);
    if (next == current) return current;
    current = std::move(next);
  }
}

std::u32string fix_c1_controls(std::u32string_view text) {
  std::u32string out(text);
  for (char32_t& c : out) {
    if (c >= 0x80 && c <= 0x9F) c = kSloppyWindows1252.decode(static_cast<uint8_t>(c));
  }
  return out;
}

}  // namespace bksdm::ftfy
