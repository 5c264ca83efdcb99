// The advice when a run does not fit, on the CPU and on a GPU, and the decode's lower bound.
#include <gtest/gtest.h>

#include "core/pipeline/memory_check.h"
#include "tests/core/test_support.h"

namespace {

using bksdm::MemoryPlace;
using bksdm::testing::error_of;

bksdm::GenerationRequest request_of(int size, int images) {
  bksdm::GenerationRequest request;
  request.width = request.height = size;
  request.num_images = images;
  return request;
}

// SD's VAE: 128 channels in its last decoder stage, 512-pixel tiles.
bksdm::AutoencoderKLConfig sd_vae() {
  bksdm::AutoencoderKLConfig vae;
  vae.block_out_channels = {128, 256, 512, 512};
  vae.sample_size = 512;
  return vae;
}

TEST(MemoryAdvice, NamesWhatRanOutAndWhatToChange) {
  const auto request = request_of(1024, 4);
  EXPECT_EQ(bksdm::not_enough_memory(request, {false, false, 0}, false),
            "not enough memory for 4 image(s) of 1024x1024: choose a smaller size or fewer images");
  EXPECT_EQ(bksdm::not_enough_memory(request, {false, false, 0}, true),
            "not enough memory for 4 image(s) of 1024x1024: choose a smaller size or fewer images, or decode in tiles");
  EXPECT_EQ(bksdm::not_enough_memory(request, {true, false, 0}, true),
            "not enough GPU memory for 4 image(s) of 1024x1024: choose a smaller size or fewer images, compute in "
            "fp16, or decode in tiles");
  EXPECT_EQ(bksdm::not_enough_memory(request, {true, true, 0}, false),
            "not enough GPU memory for 4 image(s) of 1024x1024: choose a smaller size or fewer images");
  auto tiled = request;
  tiled.tiled_decode = true;
  EXPECT_EQ(bksdm::not_enough_memory(tiled, {false, false, 0}, true).find("tiles"), std::string::npos);
}

// Two float32 maps of 128 channels at 512x512 per image: 2 * 4 * 128 * 512 * 512 bytes = 256 MiB;
// tiled at 1024x1024: one 512-pixel tile's maps plus the float32 images (3 * 4 * 1024 * 1024).
TEST(MemoryAdvice, TheDecodesLowerBound) {
  EXPECT_DOUBLE_EQ(bksdm::decode_bytes(request_of(512, 1), sd_vae(), false, false), 256.0 * (1 << 20));
  EXPECT_DOUBLE_EQ(bksdm::decode_bytes(request_of(512, 2), sd_vae(), false, true), 256.0 * (1 << 20));
  EXPECT_DOUBLE_EQ(bksdm::decode_bytes(request_of(1024, 1), sd_vae(), true, false), 256.0 * (1 << 20) + 12.0 * (1 << 20));
}

TEST(MemoryAdvice, RefusesBeforeTheRunWhatCannotFit) {
  const uint64_t gib = uint64_t(1) << 30;
  // 4096x4096 needs 16 GiB whole in fp32, 8 in fp16; tiled about 0.44 GiB.
  EXPECT_NO_THROW(bksdm::check_decode_memory(request_of(4096, 1), sd_vae(), {true, true, 80 * gib}));
  EXPECT_NO_THROW(bksdm::check_decode_memory(request_of(4096, 1), sd_vae(), {false, false, 0}));  // unknown
  const std::string gpu = error_of([&] { bksdm::check_decode_memory(request_of(4096, 1), sd_vae(), {true, false, 12 * gib}); });
  EXPECT_EQ(gpu, "not enough GPU memory for 1 image(s) of 4096x4096: choose a smaller size or fewer images, compute "
                 "in fp16, or decode in tiles (decoding alone needs over 16.0 GiB; 12.0 GiB are on the GPU)");
  const std::string cpu = error_of([&] { bksdm::check_decode_memory(request_of(4096, 1), sd_vae(), {false, false, gib / 4}); });
  EXPECT_EQ(cpu, "not enough memory for 1 image(s) of 4096x4096: choose a smaller size or fewer images (decoding "
                 "alone needs over 16.0 GiB; 0.2 GiB are free)");
}

}  // namespace
