#include "core/io/json_text.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "core/io/error.h"
#include "core/io/excerpt.h"

namespace bksdm {

nlohmann::json parse_json(std::string_view text, const std::string& where, DuplicateKeys duplicates) {
  using Event = nlohmann::json::parse_event_t;
  std::vector<std::unordered_set<std::string>> keys_of_open_objects;
  const nlohmann::json::parser_callback_t check = [&](int depth, Event event, nlohmann::json& parsed) {
    if ((event == Event::object_start || event == Event::array_start) && depth >= kMaxJsonDepth)
      throw Error(where + ": JSON nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
    if (duplicates == DuplicateKeys::keep_last) return true;
    if (event == Event::object_start) keys_of_open_objects.emplace_back();
    if (event == Event::object_end) keys_of_open_objects.pop_back();
    if (event == Event::key && !keys_of_open_objects.back().insert(parsed.get<std::string>()).second)
      throw Error(where + ": the key \"" + excerpt(parsed.get<std::string>()) + "\" appears twice");
    return true;
  };
  try {
    return nlohmann::json::parse(text, check);
  } catch (const nlohmann::json::parse_error& e) {
    const std::string_view before = text.substr(0, std::min<size_t>(e.byte, text.size()));
    const size_t line = 1 + size_t(std::count(before.begin(), before.end(), '\n'));
    // nlohmann's message quotes the token it stopped at, which may be a whole line of anything.
    throw Error(where + " line " + std::to_string(line) + ": not valid JSON (" + excerpt(e.what(), 120) + ")");
  } catch (const nlohmann::json::exception& e) {
    throw Error(where + ": not valid JSON (" + excerpt(e.what(), 120) + ")");
  }
}

std::string json_summary(const nlohmann::json& value) {
  if (value.is_array()) return "a list of " + std::to_string(value.size()) + " items";
  if (value.is_object()) return "an object with " + std::to_string(value.size()) + " keys";
  if (!value.is_string()) return value.dump();
  return '"' + excerpt(value.get_ref<const std::string&>()) + '"';
}

}  // namespace bksdm
