#pragma once
#include <string>
#include <string_view>

namespace bksdm {

// Python's html.unescape: named references (with the HTML5 legacy names that need no semicolon, and
// the longest-known-prefix rule: "&ampfoo" -> "&foo"), decimal and hex references with the HTML5
// replacements for invalid numbers.
std::u32string python_html_unescape(std::u32string_view text);

// ftfy's stricter unescape_html: only `&name;` / `&#n;` / `&#xh;` with a semicolon and at most 24
// letters or digits; also decodes upper-cased names ("&EACUTE;" -> "É").
std::u32string ftfy_unescape_html(std::u32string_view text);

}  // namespace bksdm
