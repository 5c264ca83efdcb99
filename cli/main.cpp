#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

struct Command {
  const char* name;
  int (*run)(const std::vector<std::string>&);
  const char* summary;
};

const Command kCommands[] = {
    {"bench", bksdm::cli::bench, "time load, U-Net, VAE and a whole image; peak memory; GFLOP/s"},
    {"inspect", bksdm::cli::inspect, "describe a model folder or a cached Hugging Face repo"},
    {"make-random-model", bksdm::cli::make_random_model, "write a model folder with random weights"},
    {"tokenize", bksdm::cli::tokenize, "CLIP token ids of prompts (JSON lines or --text)"},
    {"generate", bksdm::cli::generate, "text to image, as diffusers' StableDiffusionPipeline"},
};

int usage(FILE* out) {
  std::fprintf(out, "usage: bksdm COMMAND [options]\n\ncommands:\n");
  for (const Command& command : kCommands) std::fprintf(out, "  %-18s %s\n", command.name, command.summary);
  std::fprintf(out, "\nbksdm --version prints the version.\n");
  return out == stdout ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage(stderr);
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") return usage(stdout);
  if (name == "--version") {
    std::printf("bksdm %s\n", BKSDM_VERSION);
    return 0;
  }
  const std::vector<std::string> words(argv + 2, argv + argc);
  for (const Command& command : kCommands) {
    if (name != command.name) continue;
    try {
      return command.run(words);
    } catch (const std::exception& error) {
      std::fprintf(stderr, "bksdm %s: %s\n", command.name, error.what());
      return 1;
    }
  }
  std::fprintf(stderr, "bksdm: unknown command '%s'\n", name.c_str());
  return usage(stderr);
}
