#pragma once
#include <string>
#include <vector>

namespace bksdm::cli {

// Each `bksdm` sub-command, in a file of its own; the words are those after the command name.
int bench(const std::vector<std::string>& words);
int inspect(const std::vector<std::string>& words);
int make_random_model(const std::vector<std::string>& words);
int tokenize(const std::vector<std::string>& words);
int generate(const std::vector<std::string>& words);

}  // namespace bksdm::cli
