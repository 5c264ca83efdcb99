#pragma once
#include <stdexcept>
#include <string>

namespace bksdm {

// Every failure the engine reports to a user: the message names the file, key or tensor at fault.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace bksdm
