#pragma once
#include <string>
#include <string_view>

namespace bksdm {

// At most about `max_bytes` of `text` for a message, on one line: control characters, quotes and
// bytes that are not UTF-8 written as escapes, a cut marked "...". A file that could not be
// parsed may be something else entirely (a symlink to /etc/passwd): quote no more than this.
std::string excerpt(std::string_view text, size_t max_bytes = 40);

}  // namespace bksdm
