#include <gtest/gtest.h>

#include "core/io/utf8.h"

namespace {

TEST(Utf8, AcceptsWholeCharactersOfEveryLength) {
  EXPECT_TRUE(bksdm::is_valid_utf8(""));
  EXPECT_TRUE(bksdm::is_valid_utf8("a cat"));
  // café 고양이 🐈
  EXPECT_TRUE(bksdm::is_valid_utf8("caf\xc3\xa9 \xea\xb3\xa0\xec\x96\x91\xec\x9d\xb4 \xf0\x9f\x90\x88"));
  EXPECT_EQ(bksdm::decode_utf8("\xea\xb3\xa0\xf0\x9f\x90\x88"), (std::vector<char32_t>{0xACE0, 0x1F408}));
}

TEST(Utf8, RefusesWhatUtf8Forbids) {
  EXPECT_FALSE(bksdm::is_valid_utf8("caf\xe9"));              // Latin-1
  EXPECT_FALSE(bksdm::is_valid_utf8("\x80"));                 // a continuation byte alone
  EXPECT_FALSE(bksdm::is_valid_utf8("\xea\xb3"));             // cut inside a character
  EXPECT_FALSE(bksdm::is_valid_utf8("\xc0\xaf"));             // '/' overlong
  EXPECT_FALSE(bksdm::is_valid_utf8("\xed\xa0\x80"));         // a UTF-16 surrogate
  EXPECT_FALSE(bksdm::is_valid_utf8("\xf4\x90\x80\x80"));     // past U+10FFFF
  EXPECT_FALSE(bksdm::is_valid_utf8("\xff"));
}

// Text about a path (JSON, PNG text) keeps every valid character and spells each other byte out.
TEST(Utf8, TextOfAnyBytesEscapesOnlyWhatIsNotUtf8) {
  EXPECT_EQ(bksdm::utf8_escaped("caf\xc3\xa9 \xf0\x9f\x90\x88"), "caf\xc3\xa9 \xf0\x9f\x90\x88");
  EXPECT_EQ(bksdm::utf8_escaped("caf\xe9"), "caf\\xe9");
  EXPECT_EQ(bksdm::utf8_escaped("\xea\xb3"), "\\xea\\xb3");           // cut inside a character
  EXPECT_EQ(bksdm::utf8_escaped("\xc0\xaf/x"), "\\xc0\\xaf/x");        // overlong
  EXPECT_EQ(bksdm::utf8_escaped("a\xff" "b\xc3\xa9"), "a\\xff" "b\xc3\xa9");  // goes on after the bad byte
  EXPECT_EQ(bksdm::path_text("/models/bk-\xff-tiny"), "/models/bk-\\xff-tiny");
  EXPECT_TRUE(bksdm::is_valid_utf8(bksdm::utf8_escaped("\x80\xfe\xed\xa0\x80")));
}

}  // namespace
