#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include <fstream>
#include <functional>
#include <cstring>
#include <optional>
#include <unistd.h>

#include "core/io/error.h"
#include "core/io/safetensors.h"

namespace fs = std::filesystem;
using bksdm::Error;
using bksdm::SafetensorsFile;

namespace {

const fs::path kFixtures = BKSDM_FIXTURES_DIR;

class SafetensorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bksdm-st-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A file made of an 8-byte length, `header` (padded or not) and `data`.
  fs::path raw_file(const std::string& header, const std::string& data = "", std::optional<uint64_t> claimed = {}) {
    const fs::path path = dir_ / "raw.safetensors";
    std::ofstream out(path, std::ios::binary);
    const uint64_t length = claimed.value_or(header.size());
    for (int i = 0; i < 8; ++i) out.put(char(length >> (8 * i)));
    out << header << data;
    return path;
  }

  void expect_error(const fs::path& path, const std::string& fragment) {
    try {
      SafetensorsFile::open(path);
      FAIL() << "expected an error containing '" << fragment << "'";
    } catch (const Error& error) {
      const std::string message = error.what();
      EXPECT_NE(message.find(fragment), std::string::npos) << message;
      EXPECT_NE(message.find(path.string()), std::string::npos) << message;
    }
  }

  fs::path dir_;
};

TEST_F(SafetensorsTest, EveryFixtureFileOpensAndItsTensorsRead) {
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kFixtures)) {
    if (entry.path().extension() != ".safetensors") continue;
    auto file = SafetensorsFile::open(entry.path());
    ASSERT_FALSE(file->tensors().empty()) << entry.path();
    for (const auto& info : file->tensors()) {
      at::Tensor tensor = file->tensor(info.name);
      EXPECT_EQ(tensor.sizes().vec(), info.shape);
      EXPECT_EQ(tensor.numel(), info.numel());
      EXPECT_EQ(tensor.scalar_type(), bksdm::to_scalar_type(info.dtype));
    }
    ++files;
  }
  EXPECT_GE(files, 40);
}

TEST_F(SafetensorsTest, FixtureMetadataIsRead) {
  auto file = SafetensorsFile::open(kFixtures / "expected/sd-v1-4-mini/pipeline-default.safetensors");
  EXPECT_EQ(file->metadata().at("model"), "sd-v1-4-mini");
  EXPECT_EQ(file->metadata().at("scheduler"), "pndm");
}

TEST_F(SafetensorsTest, ViewsTheMappingWithoutCopyWhenTheDtypeMatches) {
  auto file = SafetensorsFile::open(kFixtures / "models/sd-v1-4-mini/unet/diffusion_pytorch_model.safetensors");
  const auto& info = file->tensors().front();
  at::Tensor a = file->tensor(info.name);
  at::Tensor b = file->tensor(info.name);
  EXPECT_EQ(a.data_ptr(), b.data_ptr());
  at::Tensor converted = file->tensor(info.name, at::kDouble);
  EXPECT_EQ(converted.scalar_type(), at::kDouble);
  EXPECT_TRUE(at::allclose(converted.to(at::kFloat), a));
}

TEST_F(SafetensorsTest, WriterRoundTripsEveryDtypeAndMetadata) {
  std::vector<std::pair<std::string, at::Tensor>> tensors = {
      {"f32", at::randn({3, 5})},
      {"f16", at::randn({7}).to(at::kHalf)},
      {"bf16", at::randn({2, 2}).to(at::kBFloat16)},
      {"f64", at::randn({1, 3}, at::kDouble)},
      {"i64", at::arange(10, at::kLong)},
      {"i32", at::arange(3, at::kInt)},
      {"i16", at::arange(5, at::kShort)},
      {"i8", at::arange(-3, 3, at::kChar)},
      {"u8", at::arange(9, at::kByte)},
      {"bool", at::arange(3, at::kInt).remainder(2).to(at::kBool)},
      {"empty", at::empty({0, 4})},
  };
  const fs::path path = dir_ / "round.safetensors";
  bksdm::write_safetensors(path, tensors, {{"note", "héllo"}});
  auto file = SafetensorsFile::open(path);
  EXPECT_EQ(file->metadata().at("note"), "héllo");
  ASSERT_EQ(file->tensors().size(), tensors.size());
  for (const auto& [name, tensor] : tensors) EXPECT_TRUE(at::equal(file->tensor(name), tensor)) << name;
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);  // no temporary left
}


TEST_F(SafetensorsTest, RejectsATooShortFile) {
  const fs::path path = dir_ / "short.safetensors";
  std::ofstream(path) << "abc";
  expect_error(path, "too short");
}

TEST_F(SafetensorsTest, RejectsAHeaderLongerThanTheFile) { expect_error(raw_file("{}", "", 4096), "truncated"); }

TEST_F(SafetensorsTest, RejectsAnAbsurdHeaderLength) { expect_error(raw_file("{}", "", 1ull << 40), "more than any model"); }

TEST_F(SafetensorsTest, RejectsMalformedJson) { expect_error(raw_file("{\"a\": [1, 2"), "not valid JSON"); }

TEST_F(SafetensorsTest, RejectsAHeaderThatIsNotAnObject) { expect_error(raw_file("[1,2]"), "not a JSON object"); }

TEST_F(SafetensorsTest, RejectsAnUnknownDtype) {
  expect_error(raw_file(R"({"w":{"dtype":"F8","shape":[1],"data_offsets":[0,1]}})", "x"), "tensor 'w': unknown dtype 'F8'");
}

TEST_F(SafetensorsTest, RejectsAMissingField) {
  expect_error(raw_file(R"({"w":{"dtype":"F32","shape":[1]}})", "xxxx"), "tensor 'w': header entry lacks 'data_offsets'");
}

TEST_F(SafetensorsTest, RejectsANegativeDimension) {
  expect_error(raw_file(R"({"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", "xxxx"), "tensor 'w': shape holds -1");
}

TEST_F(SafetensorsTest, RejectsAShapeThatDoesNotFillItsBytes) {
  expect_error(raw_file(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}})", "xxxx"), "does not fill");
}

TEST_F(SafetensorsTest, RejectsAShapeWhoseSizeOverflows) {
  expect_error(raw_file(R"({"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4]}})", "xxxx"),
               "does not fill");
}

TEST_F(SafetensorsTest, RejectsARangeOutsideTheData) {
  expect_error(raw_file(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", "xxxx"), "outside the 4-byte data area");
}

TEST_F(SafetensorsTest, RejectsReversedOffsets) {
  expect_error(raw_file(R"({"w":{"dtype":"U8","shape":[0],"data_offsets":[4,0]}})", "xxxx"), "end before they begin");
}

TEST_F(SafetensorsTest, RejectsOverlappingTensors) {
  expect_error(raw_file(R"({"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},"b":{"dtype":"U8","shape":[2],"data_offsets":[2,4]}})",
                        "xxxx"),
               "overlap");
}

TEST_F(SafetensorsTest, RejectsNonStringMetadata) {
  expect_error(raw_file(R"({"__metadata__":{"a":1}})"), "__metadata__ value of 'a' is not a string");
}

TEST_F(SafetensorsTest, AskingForAnAbsentTensorNamesIt) {
  auto file = SafetensorsFile::open(kFixtures / "expected/sd-v1-4-mini/vae.safetensors");
  EXPECT_THROW(
      {
        try {
          file->tensor("nope");
        } catch (const Error& error) {
          EXPECT_NE(std::string(error.what()).find("has no tensor 'nope'"), std::string::npos);
          throw;
        }
      },
      Error);
}

TEST_F(SafetensorsTest, ReadsUnalignedDataByCopying) {
  // A 1-byte header (no padding) puts the F32 data at offset 9: not 4-byte aligned.
  std::string data(8, '\0');
  const float values[2] = {1.5f, -2.0f};
  std::memcpy(data.data(), values, 8);
  const std::string header = R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
  auto file = SafetensorsFile::open(raw_file(header + std::string((8 - (header.size() + 8) % 8) % 8 + 1, ' '), data));
  at::Tensor w = file->tensor("w");
  EXPECT_FLOAT_EQ(w[0].item<float>(), 1.5f);
  EXPECT_FLOAT_EQ(w[1].item<float>(), -2.0f);
}

}  // namespace
