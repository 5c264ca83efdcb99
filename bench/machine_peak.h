#pragma once
#include <ATen/ATen.h>

#include "bench/stopwatch.h"

// What this machine reaches on the two kernels a U-Net spends its arithmetic in, measured with the
// same libtorch and thread count as the model: a 2048² float32 matrix product (BLAS) and a
// 320-channel 3x3 convolution on 64x64 (oneDNN where libtorch uses it), the shape of the first
// level of an SD U-Net at 512².
namespace bksdm::bench {

struct MachinePeak {
  double matmul_gflops = 0;
  double conv_gflops = 0;
};

inline MachinePeak measure_machine_peak(int repeat, const at::TensorOptions& options) {
  constexpr int64_t kMatrix = 2048, kChannels = 320, kEdge = 64;
  const at::Tensor a = at::randn({kMatrix, kMatrix}, options), b = at::randn({kMatrix, kMatrix}, options);
  const at::Tensor image = at::randn({1, kChannels, kEdge, kEdge}, options);
  const at::Tensor kernel = at::randn({kChannels, kChannels, 3, 3}, options) * 0.01;
  const auto matmul = [&] { return at::mm(a, b); };
  const auto conv = [&] { return at::conv2d(image, kernel, {}, 1, 1); };
  wait_for(matmul());  // first calls set up BLAS threads and oneDNN primitives
  wait_for(conv());
  MachinePeak peak;
  peak.matmul_gflops = 2.0 * kMatrix * kMatrix * kMatrix / best_of(repeat, matmul).seconds / 1e9;
  peak.conv_gflops = 2.0 * kChannels * kChannels * 9 * kEdge * kEdge / best_of(repeat, conv).seconds / 1e9;
  return peak;
}

}  // namespace bksdm::bench
