#pragma once
#include <string>
#include <string_view>

namespace bksdm {

// CLIP's byte-level alphabet (bytes_to_unicode): every byte as one printable character, the
// printable Latin-1 bytes as themselves and the others as U+0100 onwards, so that BPE pieces are
// text. Appends the spelling of `bytes` (UTF-8) to `out`.
void append_clip_byte_symbols(std::string_view bytes, std::string& out);

}  // namespace bksdm
