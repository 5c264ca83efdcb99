#include "core/io/message_text.h"

#include <sstream>

namespace bksdm {

std::string shape_text(c10::IntArrayRef shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

std::string number_text(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

std::string size_text(uint64_t bytes) {
  return bytes < (1u << 20) ? std::to_string(bytes) + " bytes" : std::to_string(bytes >> 20) + " MiB";
}

}  // namespace bksdm
