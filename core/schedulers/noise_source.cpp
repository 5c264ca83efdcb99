#include "core/schedulers/noise_source.h"

#include <string>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "core/io/error.h"
#include "core/schedulers/scheduler.h"

namespace bksdm {

NoiseSource NoiseSource::shared(uint64_t seed) {
  return NoiseSource({at::make_generator<at::CPUGeneratorImpl>(seed)}, false);
}

NoiseSource NoiseSource::per_image(uint64_t seed, int64_t images) {
  std::vector<at::Generator> generators;
  for (int64_t i = 0; i < images; ++i) generators.push_back(at::make_generator<at::CPUGeneratorImpl>(seed + uint64_t(i)));
  return NoiseSource(std::move(generators), true);
}

at::Tensor NoiseSource::randn(at::IntArrayRef shape, at::ScalarType dtype, at::Device device) {
  if (!per_image_) return randn_tensor(shape, generators_.front(), dtype, device);
  if (shape.empty() || shape[0] != int64_t(generators_.size()))
    throw Error("noise of shape " + c10::str(shape) + " for " + std::to_string(generators_.size()) +
                " images drawn one generator each");
  std::vector<int64_t> one(shape.begin(), shape.end());
  one[0] = 1;
  std::vector<at::Tensor> parts;
  for (at::Generator& generator : generators_) parts.push_back(randn_tensor(one, generator, dtype, device));
  return at::cat(parts);
}

}  // namespace bksdm
