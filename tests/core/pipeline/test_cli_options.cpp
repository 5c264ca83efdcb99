// `bksdm`'s command line: every command's help, and the values refused before any work (the model
// named is never opened), each with one line naming the option.
#include <gtest/gtest.h>

#include <regex>
#include <thread>

#include "core/io/a1111_parameters.h"
#include "core/io/png.h"
#include "tests/core/test_support.h"

namespace fs = std::filesystem;

namespace {

using namespace bksdm::testing;

const std::string kMissingModel = "/nonexistent-model-folder";

class CliOptions : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  }
  int run(const std::string& arguments) { return run_bksdm(arguments, &error_, &output_); }
  // `bksdm generate` on a tiny fixture model, small and fast.
  int generate(const std::string& arguments) {
    return run("generate --model " + (kFixtures / "models/bk-sdm-tiny-mini").string() +
               " --prompt 'a red cube' --steps 2 --width 64 --height 64 --threads 1 " + arguments);
  }
  std::string png(const std::string& name) const { return (dir_ / name).string(); }

  TempDir dir_{"cli-options"};
  std::string error_, output_;
};

struct CommandOptions {
  std::string command;
  std::vector<std::string> options;  // some of those its help must name
};

const CommandOptions kCommands[] = {
    {"generate", {"--model", "--prompt", "--negative", "--seed", "--steps", "--guidance", "--width", "--height",
                  "--scheduler", "--eta", "--images", "--device", "--dtype", "--threads", "--variant",
                  "--low-memory", "--tiled-decode", "--output", "--save-tensors", "--attention-maps",
                  "--attention-dir", "--quiet", "--init-image", "--strength", "--mask", "--batch-noise",
                  "--subseed", "--subseed-strength", "--lora", "--lora-dir", "--embeddings", "--vae"}},
    {"inspect", {"MODEL", "--json", "--variant"}},
    {"tokenize", {"--model", "--text"}},
    {"bench", {"--model", "--size", "--threads", "--steps", "--repeat", "--only", "--json", "--device", "--dtype",
               "--low-memory"}},
    {"make-random-model", {"--config", "--out", "--seed", "--dtype", "--variant", "--tokenizer-from"}},
};

TEST_F(CliOptions, EveryCommandAnswersHelpWithItsOptions) {
  for (const CommandOptions& command : kCommands) {
    for (const char* flag : {"--help", "-h"}) {
      ASSERT_EQ(run(command.command + " " + flag), 0) << command.command << " " << flag << ": " << error_;
      EXPECT_NE(output_.find("Usage: bksdm " + command.command), std::string::npos) << output_;
      for (const std::string& option : command.options)
        EXPECT_NE(output_.find(option), std::string::npos) << command.command << " --help lacks " << option;
    }
  }
}

TEST_F(CliOptions, HelpCommandGivesTheSameTextAsHelpOptions) {
  ASSERT_EQ(run("inspect --help"), 0);
  const std::string inspect_help = output_;
  ASSERT_EQ(run("help inspect"), 0) << error_;
  EXPECT_EQ(output_, inspect_help);

  ASSERT_EQ(run("--help"), 0);
  const std::string commands = output_;
  for (const CommandOptions& command : kCommands)
    EXPECT_NE(commands.find("  " + command.command + " "), std::string::npos) << commands;
  ASSERT_EQ(run("help"), 0) << error_;
  EXPECT_EQ(output_, commands);

  EXPECT_EQ(run("help frobnicate"), 1);
  EXPECT_NE(error_.find("frobnicate"), std::string::npos) << error_;
}

TEST_F(CliOptions, UnknownOptionsAndCommandsAreErrors) {
  EXPECT_EQ(run("inspect " + kMissingModel + " --colour"), 1);
  EXPECT_NE(error_.find("--colour"), std::string::npos) << error_;
  EXPECT_EQ(run("frobnicate"), 1);
  EXPECT_NE(error_.find("unknown command 'frobnicate'"), std::string::npos) << error_;
}

TEST_F(CliOptions, GenerateWithNothingNamesBothRequiredOptions) {
  EXPECT_EQ(run("generate"), 1);
  EXPECT_NE(error_.find("--model and --prompt are required"), std::string::npos) << error_;
  EXPECT_EQ(std::count(error_.begin(), error_.end(), '\n'), 1) << error_;
}

// A value refused and the option the one line must name.
struct Refusal {
  std::string arguments;
  std::string option;
};

std::vector<Refusal> refusals() {
  const std::string too_many_threads = std::to_string(std::max(1u, std::thread::hardware_concurrency()) + 1);
  return {
      {"--threads " + too_many_threads, "--threads"},
      {"--guidance nan", "--guidance"},
      {"--guidance inf", "--guidance"},
      {"--guidance -inf", "--guidance"},
      {"--eta 1.5", "--eta"},
      {"--eta -0.1", "--eta"},
      {"--eta nan", "--eta"},
      {"--negative 'blurry \xff'", "--negative"},     // a byte that UTF-8 never uses
      {"--negative 'over\xc0\xaflong'", "--negative"},  // '/' in two bytes
      {"--width 0", "--width"},
      {"--height 0", "--height"},
      {"--width -64", "--width"},
      {"--width 60", "--width"},
      {"--steps 0", "--steps"},
      {"--steps 501", "--steps"},
      {"--images 0", "--images"},
      {"--images 17", "--images"},
      {"--seed -2", "--seed"},
      {"--seed 18446744073709551616", "--seed"},
      {"--scheduler lms", "--scheduler"},
      {"--strength 0", "--strength"},
      {"--strength 1.5", "--strength"},
      {"--strength nan", "--strength"},
      {"--batch-noise both", "--batch-noise"},
      {"--device tpu", "--device"},
      {"--output out.jpg", "--output"},
      {"--output ''", "--output"},
  };
}

// Each is refused with one line naming the option, before the model is opened (it does not exist:
// its error would name it) and with no image written.
TEST_F(CliOptions, GenerateRefusesValuesBeforeAnyWork) {
  for (const Refusal& refusal : refusals()) {
    const int status = run("generate --model " + kMissingModel + " --prompt x --output " + png("out.png") + " " +
                           refusal.arguments);
    EXPECT_EQ(status, 1) << refusal.arguments;
    EXPECT_EQ(error_.rfind("bksdm generate: " + refusal.option + ": ", 0), 0u) << refusal.arguments << ": " << error_;
    EXPECT_EQ(std::count(error_.begin(), error_.end(), '\n'), 1) << error_;
    EXPECT_EQ(error_.find(kMissingModel), std::string::npos) << error_;
    EXPECT_FALSE(fs::exists(png("out.png"))) << refusal.arguments;
  }
}

TEST_F(CliOptions, APromptThatIsNotUtf8IsRefused) {
  EXPECT_EQ(run("generate --model " + kMissingModel + " --prompt 'caf\xe9'"), 1);  // Latin-1 é
  EXPECT_EQ(error_.rfind("bksdm generate: --prompt: not valid UTF-8", 0), 0u) << error_;
  EXPECT_EQ(run("tokenize --model " + kMissingModel + " --text 'caf\xe9'"), 1);
  EXPECT_EQ(error_.rfind("bksdm tokenize: --text: not valid UTF-8", 0), 0u) << error_;
}

TEST_F(CliOptions, OtherCommandsRefuseBadValuesTheSameWay) {
  EXPECT_EQ(run("bench --model " + kMissingModel + " --size 100"), 1);
  EXPECT_EQ(error_.rfind("bksdm bench: --size: Value 100 is not a positive multiple of 8", 0), 0u) << error_;
  EXPECT_EQ(run("bench --model " + kMissingModel + " --only unet,disk"), 1);
  EXPECT_EQ(error_.rfind("bksdm bench: --only: disk not in", 0), 0u) << error_;
  EXPECT_EQ(run("make-random-model --config " + kMissingModel + " --out " + png("model")), 1);
  EXPECT_EQ(error_.rfind("bksdm make-random-model: --config: ", 0), 0u) << error_;
  EXPECT_FALSE(fs::exists(png("model")));
}

// The seed a run printed ("seed N" on stderr).
std::string printed_seed(const std::string& error_text) {
  std::smatch match;
  return std::regex_search(error_text, match, std::regex("seed ([0-9]+)")) ? match[1].str() : "";
}

std::string png_seed(const std::string& path) {
  const auto texts = bksdm::read_png_text(path);
  if (texts.empty()) return "(no text)";
  const bksdm::A1111Parameters parameters = bksdm::parse_a1111_parameters(texts[0].text);
  const std::string* seed = parameters.setting("Seed");
  return seed ? *seed : "(no seed)";
}

// -1 as A1111 users type it: a seed is drawn, printed (under --quiet too) and written into the PNG.
TEST_F(CliOptions, SeedMinusOneDrawsAPrintedSeed) {
  ASSERT_EQ(generate("--seed -1 --output " + png("a.png")), 0) << error_;
  const std::string first = printed_seed(error_);
  ASSERT_FALSE(first.empty()) << error_;
  EXPECT_EQ(png_seed(png("a.png")), first);

  ASSERT_EQ(generate("--seed -1 --quiet --output " + png("b.png")), 0) << error_;
  const std::string second = printed_seed(error_);
  EXPECT_EQ(png_seed(png("b.png")), second);
  EXPECT_NE(first, second);  // two draws of 2^32 seeds
}

// Guidance this large overflows float32 in the first step: the weights are read and found finite,
// so the message blames the settings, not the weights.
TEST_F(CliOptions, NanFromHugeGuidanceBlamesTheSettings) {
  EXPECT_EQ(generate("--guidance 1e38 --quiet --output " + png("out.png")), 1);
  EXPECT_NE(error_.find("the run produced NaN or infinite values with guidance 1e+38"), std::string::npos) << error_;
  EXPECT_NE(error_.find("settings may cause it"), std::string::npos) << error_;
  EXPECT_EQ(error_.find("weights hold"), std::string::npos) << error_;
  EXPECT_FALSE(fs::exists(png("out.png")));
}

}  // namespace

namespace {

// Output paths, checked before the model loads (was: /dev/full replaced by a regular file after
// the run, an --attention-dir that is a file found only after the run).
TEST_F(CliOptions, OutputsThatCannotBeWrittenAreRefusedBeforeTheModelLoads) {
  const std::string model = "generate --model " + kMissingModel + " --prompt a ";
  std::ofstream(dir_ / "a-file") << "x";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"--save-tensors /dev/full", "it is a character device"},
      {"--output " + png("a-file/x.png"), "a-file is not a folder"},
      {"--attention-dir " + (dir_ / "a-file").string(), "a-file is not a folder"},
      {"--save-tensors " + (dir_ / "no-such-folder/t.safetensors").string(), "does not exist"},
  };
  for (const auto& [arguments, says] : cases) {
    EXPECT_EQ(run(model + arguments), 1) << arguments;
    EXPECT_NE(error_.find(says), std::string::npos) << arguments << ": " << error_;
    EXPECT_EQ(error_.find(kMissingModel), std::string::npos) << arguments << ": the model was opened first";
  }
  EXPECT_TRUE(fs::is_character_file("/dev/full"));
}

TEST_F(CliOptions, AnOutputLinkedToADeviceLeavesTheDevice) {
  fs::create_symlink("/dev/full", dir_ / "out.png");
  EXPECT_EQ(generate("--output " + png("out.png")), 1);
  EXPECT_NE(error_.find("/dev/full, which it links to, is a character device"), std::string::npos) << error_;
  EXPECT_TRUE(fs::is_symlink(dir_ / "out.png"));
  EXPECT_TRUE(fs::is_character_file("/dev/full"));
}

}  // namespace
