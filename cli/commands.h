#pragma once
#include <functional>

namespace CLI {
class App;
}

namespace bksdm::cli {

// A `bksdm` sub-command: its part of the command line, and what runs it once that is parsed,
// returning the exit status.
struct Command {
  CLI::App* options;
  std::function<int()> run;
};

// Each sub-command, in a file of its own, adds itself to `bksdm`.
Command add_generate(CLI::App& bksdm);
Command add_grid(CLI::App& bksdm);
Command add_inspect(CLI::App& bksdm);
Command add_tokenize(CLI::App& bksdm);
Command add_bench(CLI::App& bksdm);
Command add_make_random_model(CLI::App& bksdm);
Command add_compare(CLI::App& bksdm);

}  // namespace bksdm::cli
