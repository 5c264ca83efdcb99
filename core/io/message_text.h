#pragma once
#include <c10/util/ArrayRef.h>

#include <cstdint>
#include <string>

namespace bksdm {

// "[2, 4, 64, 64]": a tensor's shape in a message.
std::string shape_text(c10::IntArrayRef shape);

// A number as a message shows it: "7.5", "1e+38".
std::string number_text(double value);

// "512 bytes", or whole MiB from 1 MiB on: a size in a message.
std::string size_text(uint64_t bytes);

}  // namespace bksdm
