#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace bksdm {

// Deeper nesting than any model, tokenizer or safetensors file has; past it a file is refused
// before a deep tree exists for anything recursive to walk.
inline constexpr int kMaxJsonDepth = 32;

// What to do with an object that names a key twice: Python's json.loads keeps the last, which is
// the reference for configs; a safetensors header with a tensor named twice is refused.
enum class DuplicateKeys { keep_last, refuse };

// `text` parsed as JSON, refused with an Error naming `where` when malformed or nested deeper than
// kMaxJsonDepth.
nlohmann::json parse_json(std::string_view text, const std::string& where,
                          DuplicateKeys duplicates = DuplicateKeys::keep_last);

// A short, single-line description of `value` for a message: a scalar as JSON (a string cut to
// a few dozen characters, control characters escaped), a list or object by its size only. Never
// recursive, so any value can be described.
std::string json_summary(const nlohmann::json& value);

}  // namespace bksdm
