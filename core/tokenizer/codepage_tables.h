#pragma once

namespace bksdm {

// What bytes 0x80-0xFF decode to in the single-byte encodings that ftfy's mojibake repair tries
// (bytes below 0x80 are ASCII in all of them); 0 marks a byte the encoding leaves undefined.
extern const char32_t kWindows1252[128];
extern const char32_t kWindows1251[128];
extern const char32_t kWindows1250[128];
extern const char32_t kWindows1253[128];
extern const char32_t kWindows1254[128];
extern const char32_t kWindows1257[128];
extern const char32_t kIso8859_2[128];
extern const char32_t kMacRoman[128];
extern const char32_t kCp437[128];

}  // namespace bksdm
