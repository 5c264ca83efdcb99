// A1111's prompt editing and alternation against the schedules A1111 made (prompt-schedule.jsonl),
// across step counts, and which entry each iteration of the loop uses.
#include <gtest/gtest.h>

#include "core/prompt/prompt_schedule.h"
#include "tests/core/prompt/prompt_fixture_lines.h"

namespace {

using bksdm::prompt_schedule;
using bksdm::schedule_entry;
using bksdm::ScheduledText;
using bksdm::testing::FixtureLine;
using Schedule = std::vector<ScheduledText>;

Schedule schedule_of(const nlohmann::json& entries) {
  Schedule schedule;
  for (const nlohmann::json& entry : entries) schedule.push_back({entry[0], entry[1]});
  return schedule;
}

class PromptScheduleLine : public ::testing::TestWithParam<FixtureLine> {};

TEST_P(PromptScheduleLine, SchedulesAsA1111Does) {
  const nlohmann::json& line = GetParam().value;
  EXPECT_EQ(prompt_schedule(line["text"].get<std::string>(), line["steps"]), schedule_of(line["schedule"]));
}

INSTANTIATE_TEST_SUITE_P(Fixture, PromptScheduleLine,
                         ::testing::ValuesIn(bksdm::testing::read_fixture_lines("prompt-schedule.jsonl")),
                         bksdm::testing::line_name);

TEST(PromptSchedule, FixtureHasEveryLine) {
  EXPECT_EQ(bksdm::testing::read_fixture_lines("prompt-schedule.jsonl").size(), 37u);
}

TEST(PromptSchedule, AFractionIsOfTheRunsSteps) {
  EXPECT_EQ(prompt_schedule("[cat:dog:0.5]", 10), (Schedule{{5, "cat"}, {10, "dog"}}));
  EXPECT_EQ(prompt_schedule("[cat:dog:0.5]", 25), (Schedule{{12, "cat"}, {25, "dog"}}));  // int(12.5)
  EXPECT_EQ(prompt_schedule("[cat:dog:0.5]", 1), (Schedule{{0, "cat"}, {1, "dog"}}));
  EXPECT_EQ(prompt_schedule("[cat:dog:8]", 4), (Schedule{{4, "cat"}}));  // never reached: cat throughout
}

// lark's SIGNED_NUMBER, read by Python's float(): 1e-999 is 0.
TEST(PromptSchedule, WhenIsANumberAsPythonReadsIt) {
  EXPECT_EQ(prompt_schedule("[a:b:+2]", 4), (Schedule{{2, "a"}, {4, "b"}}));
  EXPECT_EQ(prompt_schedule("[a:b:2.5e-1]", 4), (Schedule{{1, "a"}, {4, "b"}}));
  EXPECT_EQ(prompt_schedule("[a:b:1e-999]", 4), (Schedule{{0, "a"}, {4, "b"}}));
  EXPECT_EQ(prompt_schedule("[a:b:2e]", 4), (Schedule{{4, "[a:b:2e]"}}));
}

TEST(PromptSchedule, AlternationTakesTurnsEachStep) {
  EXPECT_EQ(prompt_schedule("[cat|dog]", 4), (Schedule{{1, "cat"}, {2, "dog"}, {3, "cat"}, {4, "dog"}}));
  EXPECT_EQ(prompt_schedule("a [cat|dog|fox]", 2), (Schedule{{1, "a cat"}, {2, "a dog"}}));
}

TEST(PromptSchedule, NoSyntaxIsOneEntry) {
  EXPECT_EQ(prompt_schedule("a (red:1.3) vase, [blurry]", 30), (Schedule{{30, "a (red:1.3) vase, [blurry]"}}));
  EXPECT_EQ(prompt_schedule("", 30), (Schedule{{30, ""}}));
}

// Where A1111 raises, text: a trailing backslash escapes nothing; an empty option is empty.
TEST(PromptSchedule, WhatA1111RaisesForIsText) {
  EXPECT_EQ(prompt_schedule("[a:b:1] \\", 4), (Schedule{{4, "[a:b:1] \\"}}));
  EXPECT_EQ(prompt_schedule("[a|]", 2), (Schedule{{1, "a"}, {2, ""}}));
  EXPECT_EQ(prompt_schedule("[a:b:1e999]", 4), (Schedule{{4, "a"}}));
}

// A recursion bound keeps the stack; the innermost edit is still found.
TEST(PromptSchedule, DeepBracketsKeepTheStack) {
  const std::string open(100000, '['), close(100000, ']');
  EXPECT_EQ(prompt_schedule(open + "a:b:1" + close, 10),
            (Schedule{{1, open.substr(1) + "a" + close.substr(1)}, {10, open.substr(1) + "b" + close.substr(1)}}));
}

TEST(ScheduleEntry, AnIterationUsesTheFirstEntryNotEndedBeforeIt) {
  const Schedule schedule{{5, "cat"}, {10, "dog"}};
  EXPECT_EQ(schedule_entry(schedule, 0), 0u);
  EXPECT_EQ(schedule_entry(schedule, 5), 0u);
  EXPECT_EQ(schedule_entry(schedule, 6), 1u);
  EXPECT_EQ(schedule_entry(schedule, 10), 1u);
  EXPECT_EQ(schedule_entry(schedule, 11), 1u);  // PNDM's extra iteration: the last entry
  EXPECT_EQ(schedule_entry(prompt_schedule("[a:b:0]", 6), 0), 0u);
  EXPECT_EQ(schedule_entry(prompt_schedule("[a:b:0]", 6), 1), 1u);
}

}  // namespace
