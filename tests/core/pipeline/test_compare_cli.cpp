// bksdm compare through the binary: its images are the single runs' and a model compared with itself
// agrees with itself on every word.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "tests/core/test_support.h"

namespace {

namespace fs = std::filesystem;
using namespace bksdm::testing;

const std::string kOptions = " --seed 7 --steps 2 --width 64 --height 64 --threads 1 --quiet";

std::string model(const std::string& name) { return (kFixtures / "models" / name).string(); }

class CompareCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  }
  int compare(const std::string& arguments) {
    return run_bksdm("compare " + arguments + " --output " + (dir_ / "out").string(), &stderr_, &stdout_);
  }
  // The image `bksdm generate` makes alone with the same options.
  std::string generated(const std::string& arguments) {
    const fs::path path = dir_ / "alone.png";
    EXPECT_EQ(run_bksdm("generate " + arguments + kOptions + " --output " + path.string(), &stderr_, &stdout_), 0)
        << stderr_;
    return read_file_text(path);
  }
  // Parsed in file order: the words' order is the prompt's.
  nlohmann::ordered_json similarity() const {
    return nlohmann::ordered_json::parse(read_file_text(dir_ / "out/similarity.json"));
  }
  static std::vector<std::string> words_of(const nlohmann::ordered_json& image) {
    std::vector<std::string> words;
    for (const auto& [word, figures] : image.items()) words.push_back(word);
    return words;
  }

  TempDir dir_{"compare"};
  std::string stderr_, stdout_;
};

// A's image and B's, PNG text and all, are what `generate` writes for each model alone; every word
// has its two overlays and its figures.
TEST_F(CompareCli, EachImageIsTheSingleRunsBitForBit) {
  const std::string prompt = " --prompt 'a red cube on a table'";
  const std::string models = "--model " + model("sd-v1-4-mini") + " --model " + model("bk-sdm-tiny-mini");
  ASSERT_EQ(compare(models + prompt + kOptions), 0) << stderr_;
  EXPECT_TRUE(read_file_text(dir_ / "out/a.png") == generated("--model " + model("sd-v1-4-mini") + prompt));
  EXPECT_TRUE(read_file_text(dir_ / "out/b.png") == generated("--model " + model("bk-sdm-tiny-mini") + prompt));

  const nlohmann::ordered_json json = similarity();
  EXPECT_EQ(json["a"]["model"], model("sd-v1-4-mini"));
  EXPECT_EQ(json["b"]["model"], model("bk-sdm-tiny-mini"));
  EXPECT_EQ(json["top_fraction"], 0.2);
  ASSERT_EQ(json["images"].size(), 1u);
  const std::vector<std::string> words = {"a", "red", "cube", "on", "table"};
  EXPECT_EQ(words_of(json["images"][0]), words);
  for (size_t k = 0; k < words.size(); ++k) {
    const nlohmann::ordered_json& figures = json["images"][0][words[k]];
    EXPECT_GE(figures["pearson"].get<double>(), -1.0);
    EXPECT_LE(figures["pearson"].get<double>(), 1.0);
    EXPECT_GE(figures["iou"].get<double>(), 0.0);
    EXPECT_LE(figures["iou"].get<double>(), 1.0);
    const std::string stem = "out/words/0" + std::to_string(k) + "-" + words[k];
    EXPECT_TRUE(fs::exists(dir_ / (stem + "-a.png")) && fs::exists(dir_ / (stem + "-b.png"))) << stem;
  }
}

// Same model, same description: the same maps, so Pearson and IoU are exactly 1 for every word of
// every image of the batch.
TEST_F(CompareCli, AModelComparedWithItselfIsOneForEveryWord) {
  ASSERT_EQ(compare("--model " + model("bk-sdm-tiny-mini") + " --model " + model("bk-sdm-tiny-mini") +
                    " --prompt 'a (red:1.3) cube, on a table' --images 2 --top-fraction 0.1" + kOptions),
            0)
      << stderr_;
  const nlohmann::ordered_json json = similarity();
  EXPECT_EQ(json["top_fraction"], 0.1);
  ASSERT_EQ(json["images"].size(), 2u);
  for (const nlohmann::ordered_json& image : json["images"]) {
    EXPECT_EQ(words_of(image), (std::vector<std::string>{"a", "red", "cube", "on", "table"}));
    for (const auto& [word, figures] : image.items()) {
      EXPECT_EQ(figures["pearson"], 1.0) << word;
      EXPECT_EQ(figures["iou"], 1.0) << word;
    }
  }
  EXPECT_TRUE(fs::exists(dir_ / "out/a-1.png"));
  EXPECT_TRUE(fs::exists(dir_ / "out/words/image1-02-cube-b.png"));
}

// One model, two prompts: B is the single run of its prompt, and the words both prompts have are
// paired by their text though "cube" sits at another slot in each.
TEST_F(CompareCli, TwoPromptsOnOneModelPairTheWordsTheyShare) {
  const std::string prompts = " --prompt 'a red cube' --prompt-b 'a cube'";
  ASSERT_EQ(compare("--model " + model("bk-sdm-v2-tiny-mini") + prompts + kOptions), 0) << stderr_;
  EXPECT_TRUE(read_file_text(dir_ / "out/b.png") ==
              generated("--model " + model("bk-sdm-v2-tiny-mini") + " --prompt 'a cube'"));
  const nlohmann::ordered_json json = similarity();
  EXPECT_EQ(json["a"]["prompt"], "a red cube");
  EXPECT_EQ(json["b"]["prompt"], "a cube");
  EXPECT_EQ(words_of(json["images"][0]), (std::vector<std::string>{"a", "cube"}));
}

// Refusals come before any model loads: a missing model would be named, and nothing is written.
TEST_F(CompareCli, ABadOutputOrModelCountIsRefusedBeforeAnyLoad) {
  const auto refusal = [&](const std::string& arguments) {
    EXPECT_EQ(compare("--model /nonexistent " + arguments + " --prompt a --seed 1"), 1) << arguments;
    EXPECT_EQ(stderr_.find("/nonexistent"), std::string::npos) << stderr_;
    EXPECT_EQ(std::count(stderr_.begin(), stderr_.end(), '\n'), 1) << stderr_;
    return stderr_;
  };
  std::ofstream(dir_ / "out") << "a file where the folder would go";
  EXPECT_NE(refusal("--model /nonexistent").find("out is not a folder"), std::string::npos);
  fs::remove(dir_ / "out");
  EXPECT_NE(refusal("").find("two models (--model twice) or two prompts (--prompt-b)"), std::string::npos);
  EXPECT_NE(refusal("--model /x --model /y").find("--model is given once (with --prompt-b) or twice, not 3 times"),
            std::string::npos);
  EXPECT_NE(refusal("--model /x --config /c").find("--config is given once per --model"), std::string::npos);
  EXPECT_NE(refusal("--model /x --top-fraction 0").find("--top-fraction: Value 0 is not above 0"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

// Its help names its own options and those it shares with generate; bksdm's help lists it; without
// what it needs it names all of that in one line.
TEST_F(CompareCli, HelpNamesItsOptions) {
  std::string help;
  ASSERT_EQ(run_bksdm("compare --help", &stderr_, &help), 0) << stderr_;
  for (const char* option : {"--model", "--config", "--prompt-b", "--top-fraction", "--output", "--prompt",
                             "--negative", "--seed", "--steps", "--scheduler", "--images", "--lora", "--device"})
    EXPECT_NE(help.find(option), std::string::npos) << "compare --help lacks " << option;
  ASSERT_EQ(run_bksdm("--help", &stderr_, &help), 0) << stderr_;
  EXPECT_NE(help.find("  compare "), std::string::npos) << help;
  EXPECT_EQ(run_bksdm("compare", &stderr_, &help), 1);
  EXPECT_NE(stderr_.find("--model, --prompt and --output are required"), std::string::npos) << stderr_;
}

}  // namespace
