// CLIP's text cleaning (the ftfy port, HTML unescaping, whitespace, lower case) and pre-split, case
// by case and against the cleaned texts of OpenAI's tokenizer code.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/tokenizer/clip_pre_split.h"
#include "core/tokenizer/clip_text_cleaning.h"
#include "core/tokenizer/ftfy_mojibake.h"
#include "core/tokenizer/html_unescape.h"
#include "core/tokenizer/unicode_text.h"

using bksdm::clean_clip_text;
using namespace std::string_literals;

namespace {

std::vector<std::string> words_of(const std::string& text) {
  const std::string cleaned = clean_clip_text(text);
  std::vector<std::string> words;
  for (const bksdm::TextSpan& span : bksdm::clip_pre_split(cleaned)) {
    words.push_back(cleaned.substr(span.begin, span.end - span.begin));
  }
  return words;
}

std::string python_unescape(const std::string& text) {
  return bksdm::unicode::to_utf8(bksdm::python_html_unescape(bksdm::unicode::from_utf8(text)));
}

}  // namespace

TEST(ClipTextCleaning, MatchesOpenAiCleaningOnHardCases) {
  std::ifstream in(std::filesystem::path(BKSDM_FIXTURES_DIR).parent_path() / "core/tokenizer/clip-hard-cases.jsonl");
  int lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    const nlohmann::json json = nlohmann::json::parse(line);
    EXPECT_EQ(clean_clip_text(json["text"].get<std::string>()), json["cleaned"].get<std::string>())
        << json["text"].dump();
  }
  EXPECT_EQ(lines, 775);
}

TEST(ClipTextCleaning, AppliesFtfyFixes) {
  EXPECT_EQ(clean_clip_text("“Smart” ‘quotes’ don’t"), "\"smart\" 'quotes' don't");
  EXPECT_EQ(clean_clip_text("ﬁne ﬂower Ĳssel"), "fine flower ijssel");
  EXPECT_EQ(clean_clip_text("ＦＵＬＬＷＩＤＴＨ　ｶﾀｶﾅ"), "fullwidth カタカナ");
  EXPECT_EQ(clean_clip_text("cafe\u0301"), "caf\u00e9");  // NFC
  EXPECT_EQ(clean_clip_text("bell\x07 nul\x00 bom\ufeff"s), "bell nul bom");
  EXPECT_EQ(clean_clip_text("\x1b[1;31mred\x1b[0m"), "red");
  EXPECT_EQ(clean_clip_text("\u0093quoted\u0094"), "\"quoted\"");  // C1 controls read as Windows-1252
}

TEST(ClipTextCleaning, RepairsMojibake) {
  EXPECT_EQ(clean_clip_text("Ã©"), "é");
  EXPECT_EQ(clean_clip_text("Ã¼ber"), "über");
  EXPECT_EQ(clean_clip_text("The Mona Lisa â€” painting"), "the mona lisa — painting");
  EXPECT_EQ(clean_clip_text("voilÃ le travail"), "voilà le travail");
  EXPECT_EQ(clean_clip_text("ÐŸÑ€Ð¸Ð²ÐµÑ‚"), "привет");
  EXPECT_TRUE(bksdm::ftfy::is_bad(U"Ã©"));
  EXPECT_FALSE(bksdm::ftfy::is_bad(U"café"));
  EXPECT_EQ(clean_clip_text("naïve café"), "naïve café");
}

TEST(ClipTextCleaning, UnescapesHtmlAsPythonDoes) {
  EXPECT_EQ(clean_clip_text("a &amp;amp;amp; b"), "a & b");
  EXPECT_EQ(clean_clip_text("&lt;tag&gt; &quot;hi&quot; &#39;x&#39;"), "<tag> \"hi\" 'x'");
  EXPECT_EQ(clean_clip_text("&copy 2024"), "© 2024");  // a legacy entity without semicolon
  EXPECT_EQ(clean_clip_text("&NTILDE;o"), "ño");       // ftfy's upper-cased names
  EXPECT_EQ(python_unescape("&ampfoo &notit; &noti &am"), "&foo ¬it; ¬i &am");
  EXPECT_EQ(python_unescape("&#65;&#x42;&#X43 &#0; &#128; &#x110000; &#xD800; &#1;"),
            "ABC \uFFFD \u20AC \uFFFD \uFFFD ");
  EXPECT_EQ(python_unescape("&#99999999999999999999999;"), "\uFFFD");
}

TEST(ClipTextCleaning, CollapsesWhitespaceAndLowerCasesAsPython) {
  EXPECT_EQ(clean_clip_text("   \t\n  "), "");
  EXPECT_EQ(clean_clip_text(" a  photo\u3000of\ta\ncat\u00a0\u2028 "), "a photo of a cat");
  EXPECT_EQ(clean_clip_text("zero\u200bwidth"), "zero\u200bwidth");  // not whitespace to Python
  EXPECT_EQ(clean_clip_text("ΣΊΣΥΦΟΣ ΟΔΟΣ."), "σίσυφος οδος.");      // final sigma
  EXPECT_EQ(clean_clip_text("İstanbul STRASSE"), "i\u0307stanbul strasse");
}

TEST(ClipPreSplit, SplitsAsClipsRegex) {
  EXPECT_EQ(words_of("It's a dog's life, isn't it?"),
            (std::vector<std::string>{"it", "'s", "a", "dog", "'s", "life", ",", "isn", "'t", "it", "?"}));
  EXPECT_EQ(words_of("x²+y²=z² in 2024"),
            (std::vector<std::string>{"x", "²", "+", "y", "²", "=", "z", "²", "in", "2", "0", "2", "4"}));
  EXPECT_EQ(words_of("🐱🐶 cat🐱dog ''s"), (std::vector<std::string>{"🐱🐶", "cat", "🐱", "dog", "''", "s"}));
  EXPECT_EQ(words_of("a<|endoftext|>b <|STARTOFTEXT|>"),
            (std::vector<std::string>{"a", "<|endoftext|>", "b", "<|startoftext|>"}));
  // Case-insensitively ſ is an s, and U+0345 (a case variant of ι) matches no alternative.
  EXPECT_EQ(words_of("don'ſ x\u0345y"), (std::vector<std::string>{"don", "'ſ", "x", "y"}));
}
