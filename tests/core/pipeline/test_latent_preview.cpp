// The fast preview: SD's linear latent-to-RGB map, its rounding, and its cost.
#include <chrono>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/io/error.h"
#include "core/pipeline/latent_preview.h"

using bksdm::latent_preview_rgb;

TEST(LatentPreview, EachChannelMapsThroughItsRowOfFactors) {
  // Latent channel c set to 1 everywhere gives RGB = (row c + 1) / 2.
  const float rows[4][3] = {{0.3512f, 0.2297f, 0.3227f},
                            {0.3250f, 0.4974f, 0.2350f},
                            {-0.2829f, 0.1762f, 0.2721f},
                            {-0.2120f, -0.2616f, -0.7177f}};
  for (int channel = 0; channel < 4; ++channel) {
    auto latents = torch::zeros({1, 4, 2, 3});
    latents.select(1, channel).fill_(1.0);
    const auto rgb = latent_preview_rgb(latents);
    ASSERT_EQ(rgb.size(), 2u * 3u * 3u);
    for (int pixel = 0; pixel < 6; ++pixel)
      for (int c = 0; c < 3; ++c)
        EXPECT_EQ(rgb[pixel * 3 + c], uint8_t(std::lround((rows[channel][c] + 1) / 2 * 255))) << channel << " " << c;
  }
}

TEST(LatentPreview, ClampsAndPicksTheImageOfTheBatch) {
  auto latents = torch::zeros({2, 4, 1, 1});
  latents[1][0][0][0] = 100.0;  // far out of range: clamps to white in R, G, B
  EXPECT_EQ(latent_preview_rgb(latents, 0), (std::vector<uint8_t>{128, 128, 128}));
  EXPECT_EQ(latent_preview_rgb(latents, 1), (std::vector<uint8_t>{255, 255, 255}));
  latents[1][0][0][0] = -100.0;
  EXPECT_EQ(latent_preview_rgb(latents, 1), (std::vector<uint8_t>{0, 0, 0}));
}

TEST(LatentPreview, RefusesWrongShapesAndIndices) {
  EXPECT_THROW(latent_preview_rgb(torch::zeros({1, 3, 4, 4})), bksdm::Error);
  EXPECT_THROW(latent_preview_rgb(torch::zeros({1, 4, 4, 4}), 1), bksdm::Error);
}

TEST(LatentPreview, A512ImageTakesUnderFiveMilliseconds) {
  const auto latents = torch::randn({1, 4, 64, 64});
  latent_preview_rgb(latents);  // warm-up
  constexpr int kRuns = 20;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRuns; ++i) latent_preview_rgb(latents);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / kRuns;
  std::printf("latent preview of a 64x64 latent: %.3f ms\n", ms);
  EXPECT_LT(ms, 5.0);
}
