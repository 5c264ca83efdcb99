#pragma once
#include <cstddef>

namespace bksdm {

// One HTML5 named character reference, as Python's `html.entities.html5` lists it: the name without
// its '&' ("amp;", or the legacy "amp" that may go without a semicolon) and its UTF-8 text.
struct HtmlEntity {
  const char* name;
  const char* value;
  bool ftfy_only;  // an upper-cased name ("NTILDE;") that ftfy decodes but html.unescape does not
};

// Sorted by name (bytewise), for binary search.
extern const HtmlEntity kHtmlEntities[];
extern const size_t kHtmlEntityCount;

}  // namespace bksdm
