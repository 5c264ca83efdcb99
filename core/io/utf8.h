#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bksdm {

// The code points of valid UTF-8 (no overlong forms, surrogates or values past U+10FFFF), or
// nullopt when `text` is not.
std::optional<std::vector<char32_t>> decode_utf8(std::string_view text);

bool is_valid_utf8(std::string_view text);

// `bytes` as valid UTF-8, for JSON and PNG text: each byte that is not part of a valid character
// is written as the four characters \xNN (lower-case hex), so that two names differing only there
// stay apart. Linux file names are any bytes but '/' and NUL; text about them must still be text.
std::string utf8_escaped(std::string_view bytes);

// A path as such text: every path that enters JSON or PNG text goes through here.
std::string path_text(const std::filesystem::path& path);

}  // namespace bksdm
