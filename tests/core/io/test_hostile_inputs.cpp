// Hostile inputs to the readers (issue "hostile files, round two"): deep JSON, quadratic A1111
// text, PNG text bombs, special files where regular ones belong, hidden safetensors overlaps and
// duplicate names, and file contents echoed into messages. Each case failed (crashed, hung, took
// minutes or gigabytes, or was accepted) before the shared fix it names.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zlib.h>

#include <chrono>
#include <fstream>

#include "core/io/a1111_parameters.h"
#include "core/io/atomic_file.h"
#include "core/io/error_text.h"
#include "core/io/excerpt.h"
#include "core/io/file_read.h"
#include "core/io/json_text.h"
#include "core/io/png.h"
#include "core/io/safetensors.h"
#include "tests/core/test_support.h"

namespace {

namespace fs = std::filesystem;
using bksdm::testing::error_of;
using bksdm::testing::TempDir;

std::string nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

fs::path write_safetensors_header(const fs::path& path, const std::string& header, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < 8; ++i) out.put(char(uint64_t(header.size()) >> (8 * i)));
  out << header << data;
  return path;
}

// --- JSON nested deeper than any real file (was: SIGSEGV in a recursive dump() of the message) ---

TEST(HostileJson, DeepNestingIsRefusedWithTheDepth) {
  const std::string message =
      error_of([] { bksdm::parse_json("{\"in_channels\": " + nested(100000) + "}", "unet/config.json"); });
  EXPECT_NE(message.find("unet/config.json"), std::string::npos) << message;
  EXPECT_NE(message.find("nested more than 32 levels"), std::string::npos) << message;
}

TEST(HostileJson, ASummaryOfAnyValueIsShortAndOneLine) {
  nlohmann::json deep = nlohmann::json::array();
  for (int i = 0; i < 20; ++i) deep = nlohmann::json::array({deep});
  EXPECT_EQ(bksdm::json_summary(deep), "a list of 1 items");
  EXPECT_EQ(bksdm::json_summary(nlohmann::json{{"a", 1}, {"b", 2}}), "an object with 2 keys");
  const std::string summary = bksdm::json_summary(std::string(10000, 'x') + "\n");
  EXPECT_LT(summary.size(), 60u) << summary;
  EXPECT_EQ(bksdm::json_summary(nlohmann::json(3)), "3");
}

TEST(HostileJson, ASafetensorsShapeNestedDeepIsAnError) {
  TempDir dir("hostile-json");
  const fs::path file = write_safetensors_header(
      dir / "deep.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":" + nested(70000) + ",\"data_offsets\":[0,4]}}",
      "xxxx");
  const std::string message = error_of([&] { bksdm::SafetensorsFile::open(file); });
  EXPECT_NE(message.find("nested more than"), std::string::npos) << message;
}

TEST(HostileJson, AShapeOfTheWrongKindIsDescribedNotDumped) {
  TempDir dir("hostile-json");
  const fs::path file = write_safetensors_header(
      dir / "list.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[" + nested(20) + "],\"data_offsets\":[0,4]}}",
      "xxxx");
  const std::string message = error_of([&] { bksdm::SafetensorsFile::open(file); });
  EXPECT_NE(message.find("shape holds a list of 1 items, not a size"), std::string::npos) << message;
}

// --- the A1111 parser in linear time (was: 38 s for 160 KB of one letter) ---

double seconds_to_parse(const std::string& text) {
  double best = 1e9;
  for (int round = 0; round < 3; ++round) {
    const auto start = std::chrono::steady_clock::now();
    bksdm::parse_a1111_parameters(text);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

// Eight times the input takes about eight times as long (a quadratic parser: 64 times). Compared
// as a ratio within one run, so a slow or busy machine does not matter.
void expect_linear(const std::function<std::string(size_t)>& make) {
  const double small = seconds_to_parse(make(64 << 10));
  const double large = seconds_to_parse(make(512 << 10));
  EXPECT_LT(large, 24 * small + 0.05) << "64 KiB: " << small << " s, 512 KiB: " << large << " s";
}

TEST(HostileA1111, OneLetterRepeatedParsesInLinearTime) {
  expect_linear([](size_t n) { return std::string(n, 'a'); });
}

TEST(HostileA1111, NonAsciiBytesParseInLinearTime) {
  expect_linear([](size_t n) { return std::string(n, '\xE9'); });
}

TEST(HostileA1111, UnclosedQuotesAndKeysParseInLinearTime) {
  expect_linear([](size_t n) {
    std::string text;
    while (text.size() < n) text += "Key a: \"\\\", b c d e";
    return text;
  });
}

TEST(HostileA1111, AHugeTextIsRefused) {
  const std::string message = error_of([] { bksdm::parse_a1111_parameters(std::string(2 << 20, 'a')); });
  EXPECT_NE(message.find("at most 1024 KiB"), std::string::npos) << message;
}

TEST(HostileA1111, TheLinearParserFindsWhatTheRegexFinds) {
  const auto parameters = bksdm::parse_a1111_parameters(
      "a cat\nSteps: 20, aaaa bbbb x, Sampler: \"Euler, a\", odd-key/x: 1, Seed: 5, Size: 512x512");
  ASSERT_EQ(parameters.settings.size(), 5u);
  EXPECT_EQ(parameters.settings[1].first, "Sampler");
  EXPECT_EQ(parameters.settings[1].second, "Euler, a");
  EXPECT_EQ(parameters.settings[2].first, "odd-key/x");
  EXPECT_EQ(*parameters.setting("Seed"), "5");
}

// --- PNG text: a cap per file, unwanted chunks skipped (was: 1.8 GB for a 1.6 MB file) ---

uint32_t crc_of(const std::string& type_and_data) {
  return uint32_t(crc32(0, reinterpret_cast<const Bytef*>(type_and_data.data()), uInt(type_and_data.size())));
}

void put_u32(std::string& out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out += char(value >> shift);
}

void append_chunk(std::string& png, const std::string& type, const std::string& data) {
  put_u32(png, uint32_t(data.size()));
  png += type + data;
  put_u32(png, crc_of(type + data));
}

std::string ztxt(const std::string& keyword, size_t inflated_bytes) {
  const std::string text(inflated_bytes, 'a');
  uLongf size = compressBound(uLong(text.size()));
  std::string packed(size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &size, reinterpret_cast<const Bytef*>(text.data()), uLong(text.size()), 9);
  packed.resize(size);
  return keyword + std::string(1, '\0') + std::string(1, '\0') + packed;
}

std::string png_with(const std::vector<std::pair<std::string, std::string>>& chunks) {
  std::string png = bksdm::encode_png({1, 1, {0, 0, 0}});
  const size_t iend = png.size() - 12;
  std::string tail = png.substr(iend);
  png.resize(iend);
  for (const auto& [type, data] : chunks) append_chunk(png, type, data);
  return png + tail;
}

TEST(HostilePng, ChunksOfOtherKeywordsAreNotInflated) {
  std::vector<std::pair<std::string, std::string>> chunks(40, {"zTXt", ztxt("Comment", (16u << 20) - 16)});
  chunks.emplace_back("tEXt", std::string("parameters") + '\0' + "a cat");
  const auto texts = bksdm::parse_png_text(png_with(chunks), "bomb.png", {"parameters"});
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0].text, "a cat");
}

TEST(HostilePng, TheTextOfOneFileHasOneCapOverAllChunks) {
  const std::vector<std::pair<std::string, std::string>> chunks(3, {"zTXt", ztxt("parameters", 7u << 20)});
  const std::string message = error_of([&] { bksdm::parse_png_text(png_with(chunks), "bomb.png"); });
  EXPECT_NE(message.find("16 MiB, the most"), std::string::npos) << message;
}

// --- special files where regular ones belong (was: a FIFO blocked open() forever) ---

TEST(HostileFiles, AFifoIsRefusedWithoutBlocking) {
  TempDir dir("hostile-files");
  const fs::path fifo = dir / "config.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string message = error_of([&] { bksdm::read_regular_file(fifo, bksdm::kConfigFile); });
  EXPECT_NE(message.find("is a FIFO (named pipe), not a regular file"), std::string::npos) << message;
  const fs::path weights = dir / "model.safetensors";
  ASSERT_EQ(::mkfifo(weights.c_str(), 0600), 0);
  EXPECT_NE(error_of([&] { bksdm::SafetensorsFile::open(weights); }).find("FIFO"), std::string::npos);
  const fs::path png = dir / "image.png";
  ASSERT_EQ(::mkfifo(png.c_str(), 0600), 0);
  EXPECT_NE(error_of([&] { bksdm::read_png_text(png); }).find("FIFO"), std::string::npos);
}

TEST(HostileFiles, ADeviceAFolderAndAnOversizedFileAreNamed) {
  TempDir dir("hostile-files");
  const fs::path zero = dir / "config.json";
  fs::create_symlink("/dev/zero", zero);
  EXPECT_NE(error_of([&] { bksdm::read_regular_file(zero, bksdm::kConfigFile); }).find("is a character device"),
            std::string::npos);
  fs::create_directory(dir / "folder.json");
  EXPECT_NE(error_of([&] { bksdm::read_regular_file(dir / "folder.json", bksdm::kConfigFile); }).find("is a folder"),
            std::string::npos);
  std::ofstream(dir / "big.json") << std::string((1 << 20) + 1, ' ');
  const std::string message = error_of([&] { bksdm::read_regular_file(dir / "big.json", bksdm::kConfigFile); });
  EXPECT_NE(message.find("a config file is at most 1 MiB"), std::string::npos) << message;
}

// --- safetensors: overlaps behind an empty tensor, names given twice (were accepted) ---

TEST(HostileSafetensors, AnEmptyTensorDoesNotHideAnOverlap) {
  TempDir dir("hostile-st");
  const fs::path file = write_safetensors_header(dir / "overlap.safetensors",
                                                 R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},)"
                                                 R"("b":{"dtype":"F32","shape":[0],"data_offsets":[4,4]},)"
                                                 R"("c":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})",
                                                 std::string(16, 'x'));
  const std::string message = error_of([&] { bksdm::SafetensorsFile::open(file); });
  EXPECT_NE(message.find("tensors 'a' and 'c' overlap"), std::string::npos) << message;
}

TEST(HostileSafetensors, ATensorNamedTwiceIsRefused) {
  TempDir dir("hostile-st");
  const fs::path file = write_safetensors_header(dir / "twice.safetensors",
                                                 R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                                                 R"("w":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                                                 std::string(8, 'x'));
  const std::string message = error_of([&] { bksdm::SafetensorsFile::open(file); });
  EXPECT_NE(message.find("the key \"w\" appears twice"), std::string::npos) << message;
}

// --- output paths: only regular files are replaced (was: /dev/full became a regular file) ---

TEST(HostileOutput, ASpecialFileIsNotReplaced) {
  TempDir dir("hostile-out");
  const fs::path fifo = dir / "out.png";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string message = error_of([&] { bksdm::write_file_atomically(fifo, {"png"}); });
  EXPECT_NE(message.find("it is a FIFO (named pipe), not a regular file"), std::string::npos) << message;
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_NE(error_of([&] { bksdm::check_output_path(fifo); }).find("FIFO"), std::string::npos);
  EXPECT_NE(error_of([&] { bksdm::write_file_atomically(dir.path(), {"png"}); }).find("it is a folder"),
            std::string::npos);
}

TEST(HostileOutput, ALinkToADeviceIsRefusedAndTheDeviceStays) {
  TempDir dir("hostile-out");
  fs::create_symlink("/dev/null", dir / "out.png");
  const std::string message = error_of([&] { bksdm::write_file_atomically(dir / "out.png", {"png"}); });
  EXPECT_NE(message.find("/dev/null, which it links to, is a character device"), std::string::npos) << message;
  EXPECT_TRUE(fs::is_symlink(dir / "out.png"));
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST(HostileOutput, ALinkToARegularFileIsWrittenThrough) {
  TempDir dir("hostile-out");
  fs::create_directory(dir / "real");
  std::ofstream(dir / "real" / "image.png") << "old";
  fs::create_symlink("real/image.png", dir / "out.png");
  bksdm::write_file_atomically(dir / "out.png", {"new"});
  EXPECT_TRUE(fs::is_symlink(dir / "out.png"));
  std::ifstream in(dir / "real" / "image.png");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "new");
}

TEST(HostileOutput, BadPathsAreKnownBeforeAnyWork) {
  TempDir dir("hostile-out");
  EXPECT_NE(error_of([] { bksdm::check_output_path(""); }).find("no file name given"), std::string::npos);
  EXPECT_NE(error_of([&] { bksdm::check_output_path(dir / "missing" / "a.png"); }).find("does not exist"),
            std::string::npos);
  EXPECT_EQ(error_of([&] { bksdm::check_output_path(dir / "missing" / "a.png", true); }), "(no error)");
  // A folder to make under the current one, named without "./".
  EXPECT_EQ(error_of([] { bksdm::check_output_path(fs::path("missing-here") / "a.png", true); }), "(no error)");
  std::ofstream(dir / "file") << "x";
  EXPECT_NE(error_of([&] { bksdm::check_output_path(dir / "file" / "a.png"); }).find("is not a folder"),
            std::string::npos);
}

TEST(HostileOutput, AKilledWritersTemporaryIsRemovedByTheNextWrite) {
  TempDir dir("hostile-out");
  // Process ids above the kernel's limit (4194304) are never alive.
  std::ofstream(dir / ".out.png.tmp-999999999-0") << "partial";
  std::ofstream(dir / ".other.png.tmp-999999999-0") << "partial";
  std::ofstream(dir / (".out.png.tmp-" + std::to_string(::getpid()) + "-77")) << "ours, in progress";
  bksdm::write_file_atomically(dir / "out.png", {"png"});
  EXPECT_FALSE(fs::exists(dir / ".out.png.tmp-999999999-0"));
  EXPECT_TRUE(fs::exists(dir / ".other.png.tmp-999999999-0"));  // another file's: its own writer cleans it
  EXPECT_TRUE(fs::exists(dir / (".out.png.tmp-" + std::to_string(::getpid()) + "-77")));
}

// --- what a message quotes of a file it could not read ---

TEST(HostileExcerpt, QuotesLittleAndEscapesControlCharactersAndBadBytes) {
  EXPECT_EQ(bksdm::excerpt("root:x:0:0:root:/root:/bin/bash\nuser:x:1000", 16), "root:x:0:0:root:...");
  EXPECT_EQ(bksdm::excerpt("a\tb\"c\xff"), "a\\x09b\\\"c\\xFF");
  EXPECT_EQ(bksdm::excerpt("\xea\xb0\x80\xea\xb0\x80", 4), "\xea\xb0\x80\xea\xb0\x80");
}

TEST(HostileExcerpt, ATorchErrorIsToldWithoutItsBacktrace) {
  try {
    at::empty({-1});
    FAIL() << "a negative size was accepted";
  } catch (const std::exception& error) {
    ASSERT_NE(std::string(error.what()).find("Exception raised from"), std::string::npos) << error.what();
    const std::string message = bksdm::user_message(error);
    EXPECT_EQ(message.find("Exception raised from"), std::string::npos) << message;
    EXPECT_NE(message.find("negative dimension -1"), std::string::npos) << message;
  }
}

}  // namespace
