#include <algorithm>
#include <cstdio>
#include <memory>
#include <exception>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/io/error_text.h"
#include "cli/options.h"

namespace {

using bksdm::cli::Command;

// `bksdm help [COMMAND]`: the same text as `bksdm [COMMAND] --help`.
Command add_help(CLI::App& bksdm, const std::vector<Command>& commands) {
  CLI::App* help = bksdm.add_subcommand("help", "the options of a command (or, alone, the commands)");
  std::vector<std::string> names;
  for (const Command& command : commands) names.push_back(command.options->get_name());
  auto topic = std::make_shared<std::string>();
  help->add_option("COMMAND", *topic, "a command's name")->check(CLI::IsMember(names));
  return {help, [&bksdm, topic] {
            // Through the formatter: bksdm.help() would describe `help`, the command being run.
            const CLI::App* described = topic->empty() ? &bksdm : bksdm.get_subcommand(*topic);
            const std::string usage_name = topic->empty() ? "bksdm" : "bksdm " + *topic;
            std::fputs(bksdm.get_formatter()->make_help(described, usage_name, CLI::AppFormatMode::Normal).c_str(),
                       stdout);
            return 0;
          }};
}

// The required options and positional words a command was not given, "--a and --b".
std::string missing_required(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options())
    if (option->get_required() && option->count() == 0) names.push_back(option->get_name());
  std::string text;
  for (size_t i = 0; i < names.size(); ++i)
    text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return text.empty() ? text : text + (names.size() == 1 ? " is required" : " are required");
}

// What was wrong with the command line, in words that name the options at fault. `first_word` is
// the one after `bksdm`.
std::string complaint(const CLI::App& bksdm, const CLI::ParseError& error, const std::string& first_word) {
  const std::vector<CLI::App*> chosen = bksdm.get_subcommands();
  if (!dynamic_cast<const CLI::RequiredError*>(&error)) return error.what();
  if (chosen.empty())
    return (first_word.rfind('-', 0) == 0 ? "unknown option '" : "unknown command '") + first_word + "'";
  const std::string missing = missing_required(*chosen.front());
  return missing.empty() ? error.what() : missing;
}

// --help and --version answer on stdout; anything else wrong is one line on stderr, exit status 1.
int answer(const CLI::App& bksdm, const CLI::ParseError& error, const std::string& first_word) {
  if (error.get_exit_code() == 0) return bksdm.exit(error);
  const std::vector<CLI::App*> chosen = bksdm.get_subcommands();
  const std::string name = chosen.empty() ? "bksdm" : "bksdm " + chosen.front()->get_name();
  const std::string message = complaint(bksdm, error, first_word);
  std::fprintf(stderr, "%s: %s (see %s --help)\n", name.c_str(), message.c_str(), name.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App bksdm("bksdm: text to image with Stable Diffusion and BK-SDM models, on the engine alone", "bksdm");
  bksdm.set_version_flag("--version", std::string("bksdm ") + BKSDM_VERSION);
  bksdm.require_subcommand(1);
  std::vector<Command> commands = {bksdm::cli::add_generate(bksdm), bksdm::cli::add_grid(bksdm),
                                   bksdm::cli::add_compare(bksdm), bksdm::cli::add_inspect(bksdm),
                                   bksdm::cli::add_tokenize(bksdm), bksdm::cli::add_bench(bksdm),
                                   bksdm::cli::add_make_random_model(bksdm)};
  commands.push_back(add_help(bksdm, commands));
  // Set last: sub-commands added after it would inherit it.
  bksdm.footer("bksdm COMMAND --help, or bksdm help COMMAND, lists a command's options.");
  if (argc < 2) {
    std::fputs(bksdm.help().c_str(), stderr);
    return 2;
  }
  try {
    bksdm.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return answer(bksdm, error, argv[1]);
  }
  // require_subcommand(1): parse() returned, so one of them was chosen.
  const CLI::App* chosen = bksdm.get_subcommands().front();
  const auto command = std::find_if(commands.begin(), commands.end(),
                                    [chosen](const Command& candidate) { return candidate.options == chosen; });
  try {
    return command->run();
  } catch (const std::exception& error) {
    std::fprintf(stderr, "bksdm %s: %s\n", chosen->get_name().c_str(), bksdm::user_message(error).c_str());
    return 1;
  }
}
