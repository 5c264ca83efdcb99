// The GPUs the driver library reports, read through its C entry points.
#include <gtest/gtest.h>

#include "core/device/cuda_devices.h"

namespace {

TEST(CudaDevices, ReadsEachDeviceTheDriverDescribesAndSkipsOneItCannot) {
  const auto devices = bksdm::cuda_devices(BKSDM_FAKE_CUDA_DRIVER);
  ASSERT_EQ(devices.size(), 1u);
  EXPECT_EQ(devices[0].index, 0);
  EXPECT_EQ(devices[0].name, "NVIDIA H200");
  EXPECT_EQ(devices[0].total_bytes, 150754820096u);
  EXPECT_EQ(devices[0].compute_major, 9);
  EXPECT_EQ(devices[0].compute_minor, 0);
  EXPECT_TRUE(devices[0].has_bf16());
  EXPECT_FALSE((bksdm::CudaDevice{0, "Tesla T4", 1, 7, 5}.has_bf16()));
}

TEST(CudaDevices, NoDriverNoDevices) {
  EXPECT_TRUE(bksdm::cuda_devices("/nonexistent/libcuda.so.1").empty());
}

}  // namespace
