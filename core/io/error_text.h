#pragma once
#include <exception>
#include <string>

namespace bksdm {

// What a failure says to a user: its message, without the C++ backtrace that libtorch's errors
// (c10::Error) append to theirs.
std::string user_message(const std::exception& error);

}  // namespace bksdm
