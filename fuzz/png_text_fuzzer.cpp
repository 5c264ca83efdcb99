// PNG text chunks and the AUTOMATIC1111 parameters they carry, from hostile files. A PNG input is
// parsed as it is and again with every chunk's CRC made right, so that mutations get past the
// checksum into the chunk parsers; any other input is read as parameters text. What a file gives
// is within the text cap, and only the keywords asked for.
#include <cstdlib>

#include "core/io/a1111_parameters.h"
#include "core/io/error.h"
#include "core/io/png.h"
#include "fuzz/fuzz_support.h"

namespace {

constexpr size_t kMaxTextPerFile = 16u << 20;  // png.h: "at most 16 MiB in all"

void read_parameters(std::string_view text) {
  const bksdm::A1111Parameters parameters = bksdm::parse_a1111_parameters(text);
  (void)bksdm::a1111_scheduler(parameters);
  (void)parameters.setting("Seed");
  try {
    (void)bksdm::parse_a1111_parameters(bksdm::format_a1111_parameters(parameters));
  } catch (const bksdm::Error&) {  // documented: a value to quote that is not valid UTF-8
  }
}

void check_within_cap(const std::vector<bksdm::PngText>& texts) {
  size_t total = 0;
  for (const bksdm::PngText& text : texts) total += text.text.size();
  if (total > kMaxTextPerFile) std::abort();
}

void read_png(std::string_view png) {
  try {
    const std::vector<bksdm::PngText> texts = bksdm::parse_png_text(png, "fuzz.png");
    check_within_cap(texts);
    for (const bksdm::PngText& text : texts)
      if (text.keyword == "parameters") read_parameters(text.text);
  } catch (const bksdm::Error&) {
  }
  try {
    for (const bksdm::PngText& text : bksdm::parse_png_text(png, "fuzz.png", {"parameters"}))
      if (text.keyword != "parameters") std::abort();
  } catch (const bksdm::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = bksdm::fuzz::as_text(data, size);
  if (input.starts_with(bksdm::fuzz::kPngSignature)) {
    read_png(input);
    read_png(bksdm::fuzz::with_right_crcs(std::string(input)));
  } else {
    read_parameters(input);
  }
  return 0;
}
