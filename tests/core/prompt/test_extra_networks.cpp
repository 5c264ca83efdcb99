// A1111's extra-network tags (`<lora:NAME:MULT>`): found as A1111's re `<(\w+):([^>]+)>` finds them,
// removed from the text the model reads, the rest of the text as it was.
#include <gtest/gtest.h>

#include "core/prompt/extra_networks.h"

namespace {

TEST(ExtraNetworks, TagsAreTakenOutWhereverTheyStand) {
  const bksdm::PromptNetworks read = bksdm::take_extra_networks("<lora:film_grain:0.8>a cat, <lora:my style v2:1.2:0.5> at dusk<hypernet:x:1>");
  EXPECT_EQ(read.prompt, "a cat,  at dusk");
  ASSERT_EQ(read.networks.size(), 3u);
  EXPECT_EQ(read.networks[0].kind, "lora");
  EXPECT_EQ(read.networks[0].args, (std::vector<std::string>{"film_grain", "0.8"}));
  EXPECT_EQ(read.networks[1].args, (std::vector<std::string>{"my style v2", "1.2", "0.5"}));
  EXPECT_EQ(read.networks[2].kind, "hypernet");
  EXPECT_DOUBLE_EQ(bksdm::lora_multiplier(read.networks[0]), 0.8);
}

// What the re does not match stays text: no kind, no colon, nothing after it, no closing bracket,
// a kind with other characters.
TEST(ExtraNetworks, WhatIsNoTagStaysText) {
  for (const std::string text : {"a <b> c", "<:x:1>", "<lora:>", "<lora:x", "<lo-ra:x:1>", "1 < 2 > 0", "<<lora"})
    EXPECT_EQ(bksdm::take_extra_networks(text).prompt, text) << text;
  EXPECT_EQ(bksdm::take_extra_networks("<<lora:x>").prompt, "<");  // the re starts again at the second '<'
}

TEST(ExtraNetworks, AMultiplierThatDoesNotParseIsOne) {
  EXPECT_DOUBLE_EQ(bksdm::lora_multiplier({"lora", {"x"}}), 1.0);
  EXPECT_DOUBLE_EQ(bksdm::lora_multiplier({"lora", {"x", "strong"}}), 1.0);
  EXPECT_DOUBLE_EQ(bksdm::lora_multiplier({"lora", {"x", "-0.5"}}), -0.5);
}

}  // namespace
