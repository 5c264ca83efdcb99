#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace bksdm {

// The code points of valid UTF-8 (no overlong forms, surrogates or values past U+10FFFF), or
// nullopt when `text` is not.
std::optional<std::vector<char32_t>> decode_utf8(std::string_view text);

bool is_valid_utf8(std::string_view text);

}  // namespace bksdm
