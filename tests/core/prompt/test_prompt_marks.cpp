// What an editor highlights: the byte ranges A1111's language reads as syntax or weights, checked
// by hand against A1111's rules (the fixture's prompt-syntax lines say what each piece weighs; here,
// where it is written).
#include <gtest/gtest.h>

#include <cmath>

#include "core/prompt/prompt_attention.h"
#include "core/prompt/prompt_marks.h"

namespace {

using bksdm::PromptMark;
using bksdm::prompt_syntax_marks;
using Kind = PromptMark::Kind;

// The marks as (written text, kind), and the weights of the weighted ones, for readable failures.
struct Seen {
  std::string text;
  Kind kind;
  double weight;
};

std::vector<Seen> seen(std::string_view prompt) {
  std::vector<Seen> out;
  for (const PromptMark& mark : prompt_syntax_marks(prompt)) {
    EXPECT_LE(mark.begin, mark.end);
    EXPECT_LE(mark.end, prompt.size());
    out.push_back({std::string(prompt.substr(mark.begin, mark.end - mark.begin)), mark.kind, mark.weight});
  }
  return out;
}

void expect_marks(std::string_view prompt, const std::vector<Seen>& expected) {
  const std::vector<Seen> actual = seen(prompt);
  ASSERT_EQ(actual.size(), expected.size()) << prompt;
  for (size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i].text, expected[i].text) << prompt << ", mark " << i;
    EXPECT_EQ(actual[i].kind, expected[i].kind) << prompt << ", mark " << i;
    if (expected[i].kind == Kind::weighted) {
      EXPECT_NEAR(actual[i].weight, expected[i].weight, 1e-12) << prompt << ", mark " << i;
    }
  }
}

TEST(PromptMarks, PlainTextHasNone) {
  EXPECT_TRUE(prompt_syntax_marks("a red vase on a table").empty());
  EXPECT_TRUE(prompt_syntax_marks("").empty());
}

TEST(PromptMarks, AnExplicitWeightMarksItsBracketsAndItsText) {
  expect_marks("(red:1.3) vase", {{"(", Kind::emphasis, 1}, {"red", Kind::weighted, 1.3}, {":1.3)", Kind::emphasis, 1}});
}

TEST(PromptMarks, NestedBracketsMultiply) {
  expect_marks("((masterpiece)), [blurry]", {{"(", Kind::emphasis, 1},
                                              {"(", Kind::emphasis, 1},
                                              {"masterpiece", Kind::weighted, 1.1 * 1.1},
                                              {")", Kind::emphasis, 1},
                                              {")", Kind::emphasis, 1},
                                              {"[", Kind::emphasis, 1},
                                              {"blurry", Kind::weighted, 1 / 1.1},
                                              {"]", Kind::emphasis, 1}});
}

TEST(PromptMarks, UnbalancedOrMalformedSyntaxIsText) {
  // A closer with nothing open and a weight beyond 10 are text; a bracket left open still weights
  // what follows it, as A1111 closes it at the end.
  expect_marks("a) b", {});
  expect_marks("(big:100)", {{"(", Kind::emphasis, 1}, {"big:100", Kind::weighted, 1.1}, {")", Kind::emphasis, 1}});
  expect_marks("(open end", {{"(", Kind::emphasis, 1}, {"open end", Kind::weighted, 1.1}});
}

TEST(PromptMarks, BreakAndEscapes) {
  expect_marks("a BREAK b", {{"BREAK", Kind::chunk_break, 1}});
  expect_marks("\\(literal\\)", {{"\\(", Kind::escape, 1}, {"\\)", Kind::escape, 1}});
  // Inside brackets BREAK is the word "break" with the brackets' weight, not a chunk break.
  expect_marks("(a BREAK b)", {{"(", Kind::emphasis, 1},
                               {"a", Kind::weighted, 1.1},
                               {"BREAK", Kind::weighted, -1.1},
                               {"b", Kind::weighted, 1.1},
                               {")", Kind::emphasis, 1}});
}

TEST(PromptMarks, EditsAndAlternationsMarkTheirOwnSyntax) {
  expect_marks("a [cat:dog:10] b", {{"[", Kind::edit, 1}, {":", Kind::edit, 1}, {":10]", Kind::edit, 1}});
  expect_marks("[cat: 0.5]", {{"[", Kind::edit, 1}, {": 0.5]", Kind::edit, 1}});
  expect_marks("[cat|dog|fox]", {{"[", Kind::alternation, 1},
                                 {"|", Kind::alternation, 1},
                                 {"|", Kind::alternation, 1},
                                 {"]", Kind::alternation, 1}});
}

TEST(PromptMarks, WeightsInsideAnEditAreMarkedWhereTheyAreWritten) {
  expect_marks("[(cat):dog:5]", {{"[", Kind::edit, 1},
                                 {"(", Kind::emphasis, 1},
                                 {"cat", Kind::weighted, 1.1},
                                 {")", Kind::emphasis, 1},
                                 {":", Kind::edit, 1},
                                 {":5]", Kind::edit, 1}});
}

TEST(PromptMarks, ABracketThatEditsNothingIsEmphasis) {
  // "[cat:dog]" has no `when`: the grammar reads no edit, and the attention parser a square bracket.
  expect_marks("[cat:dog]", {{"[", Kind::emphasis, 1}, {"cat:dog", Kind::weighted, 1 / 1.1}, {"]", Kind::emphasis, 1}});
}

TEST(PromptMarks, TheWeightedTextsAgreeWithTheParser) {
  // Every weighted mark's text, with escapes read, is a piece the parser weighs the same.
  for (const std::string prompt : {"(a (b:1.5) [c]) d", "((x)) [[y]] (z:0.5)", "(one (two [three]))"}) {
    const std::vector<bksdm::WeightedText> pieces = bksdm::parse_prompt_attention(prompt);
    for (const PromptMark& mark : prompt_syntax_marks(prompt)) {
      if (mark.kind != Kind::weighted) continue;
      const std::string text = prompt.substr(mark.begin, mark.end - mark.begin);
      const bool found = std::any_of(pieces.begin(), pieces.end(), [&](const bksdm::WeightedText& piece) {
        return piece.text.find(text) != std::string::npos && std::abs(piece.weight - mark.weight) < 1e-12;
      });
      EXPECT_TRUE(found) << prompt << ": " << text << " at " << mark.weight;
    }
  }
}

}  // namespace
