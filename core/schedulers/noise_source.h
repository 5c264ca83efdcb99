#pragma once
#include <cstdint>
#include <vector>

#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>

namespace bksdm {

// The random numbers of a run, drawn as diffusers' randn_tensor draws them with CPU generators:
// from one generator for the whole batch, or from one per image (diffusers given a list of
// generators), where image i's part of every draw comes from generator i alone.
class NoiseSource {
 public:
  // One generator, seeded `seed`, for the whole batch.
  static NoiseSource shared(uint64_t seed);
  // `images` generators, seeded seed, seed + 1, ...
  static NoiseSource per_image(uint64_t seed, int64_t images);

  bool is_per_image() const { return per_image_; }
  // Noise of `shape` ([B, ...], B the batch), in `dtype` on `device`: one draw from the shared
  // generator, or each image's [1, ...] from its own (then B must be the number of generators).
  at::Tensor randn(at::IntArrayRef shape, at::ScalarType dtype, at::Device device);

 private:
  NoiseSource(std::vector<at::Generator> generators, bool per_image)
      : generators_(std::move(generators)), per_image_(per_image) {}

  std::vector<at::Generator> generators_;
  bool per_image_;
};

}  // namespace bksdm
