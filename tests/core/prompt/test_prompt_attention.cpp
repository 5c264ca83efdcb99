// A1111's emphasis parser against the texts A1111 parsed (prompt-syntax.jsonl), and this
// project's one addition: a weight must lie in [-10, 10].
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "core/prompt/prompt_attention.h"
#include "tests/core/prompt/prompt_fixture_lines.h"

namespace {

using bksdm::parse_prompt_attention;
using bksdm::WeightedText;
using bksdm::testing::FixtureLine;
using Pieces = std::vector<WeightedText>;

// Where this project departs from A1111 on purpose, what the fixture line gives instead: a weight
// outside [-10, 10] is text, so "(big:100)" is "big:100" in a round bracket.
const std::map<std::string, Pieces> kDeviations = {
    {"(big:100)", {{"big:100", 1.1}}},
};

Pieces pieces_of(const nlohmann::json& fragments) {
  Pieces pieces;
  for (const nlohmann::json& fragment : fragments) pieces.push_back({fragment[0], fragment[1].get<double>()});
  return pieces;
}

// Equal texts, and weights within 1e-9 relative (A1111's doubles, multiplied in A1111's order).
void expect_pieces(const Pieces& actual, const Pieces& expected) {
  ASSERT_EQ(actual.size(), expected.size()) << ::testing::PrintToString(actual);
  for (size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i].text, expected[i].text) << "piece " << i;
    EXPECT_NEAR(actual[i].weight, expected[i].weight, 1e-9 * std::abs(expected[i].weight)) << "piece " << i;
  }
}

class PromptSyntaxLine : public ::testing::TestWithParam<FixtureLine> {};

TEST_P(PromptSyntaxLine, ParsesAsA1111Does) {
  const nlohmann::json& line = GetParam().value;
  const std::string text = line["text"];
  const auto deviation = kDeviations.find(text);
  expect_pieces(parse_prompt_attention(text),
                deviation != kDeviations.end() ? deviation->second : pieces_of(line["fragments"]));
}

INSTANTIATE_TEST_SUITE_P(Fixture, PromptSyntaxLine,
                         ::testing::ValuesIn(bksdm::testing::read_fixture_lines("prompt-syntax.jsonl")),
                         bksdm::testing::line_name);

TEST(PromptAttention, FixtureHasEveryLine) {
  EXPECT_EQ(bksdm::testing::read_fixture_lines("prompt-syntax.jsonl").size(), 68u);
}

TEST(PromptAttention, BreakIsAPieceOfItsOwn) {
  // A1111's marker: the text "BREAK" with weight -1; inside brackets it is weighted like the rest.
  expect_pieces(parse_prompt_attention("a BREAK b"), {{"a", 1}, {"BREAK", -1}, {"b", 1}});
  expect_pieces(parse_prompt_attention("[BREAK]"), {{"", 1 / 1.1}, {"BREAK", -1 / 1.1}, {"", 1 / 1.1}});
}

TEST(PromptAttention, WeightsWithinTenEitherWayCount) {
  expect_pieces(parse_prompt_attention("(a:10)"), {{"a", 10}});
  expect_pieces(parse_prompt_attention("(a:-10)"), {{"a", -10}});
  expect_pieces(parse_prompt_attention("(a:+9.99)"), {{"a", 9.99}});
}

// The rule on top of A1111 (which takes any weight, and raises for a non-number): the
// ":w)" is text, so the bracket is a plain round one.
TEST(PromptAttention, WeightsBeyondTenOrNotNumbersAreText) {
  expect_pieces(parse_prompt_attention("(a:10.5)"), {{"a:10.5", 1.1}});
  expect_pieces(parse_prompt_attention("(a:-11) b"), {{"a:-11", 1.1}, {" b", 1}});
  expect_pieces(parse_prompt_attention("(a:1.2.3)"), {{"a:1.2.3", 1.1}});
  expect_pieces(parse_prompt_attention("(a:.)"), {{"a:.", 1.1}});
  expect_pieces(parse_prompt_attention("(a:-)"), {{"a:-", 1.1}});
  expect_pieces(parse_prompt_attention("((a:99):2)"), {{"a:99", 2.2}});
}

// Python's `\d` and float() take any decimal digit; `\s` and `\w` are Unicode classes.
TEST(PromptAttention, ReadsUnicodeAsPythonDoes) {
  expect_pieces(parse_prompt_attention("(a:\uFF11.\uFF15)"), {{"a", 1.5}});
  expect_pieces(parse_prompt_attention("a\u3000BREAK\u00A0b"), {{"a", 1}, {"BREAK", -1}, {"b", 1}});
  expect_pieces(parse_prompt_attention("\u00E9BREAK b"), {{"\u00E9BREAK b", 1}});
  expect_pieces(parse_prompt_attention("a BREAK_b"), {{"a BREAK_b", 1}});
}

TEST(PromptAttention, WhitespaceAroundBreaksGoesWithThem) {
  expect_pieces(parse_prompt_attention("a ,BREAK, b"), {{"a ,", 1}, {"BREAK", -1}, {", b", 1}});
  expect_pieces(parse_prompt_attention("a  BREAK  BREAK  b"),
                {{"a", 1}, {"BREAK", -1}, {"", 1}, {"BREAK", -1}, {"b", 1}});
}

}  // namespace
