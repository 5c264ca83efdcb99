// The safetensors reader on hostile files: open() validates the whole header, so every tensor it
// then lists must lie inside the file with exactly its shape's bytes, and read back in every dtype.
#include <cstdlib>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "fuzz/fuzz_support.h"

namespace {

using bksdm::fuzz::ScratchDir;

uint64_t header_size(const uint8_t* data) {
  uint64_t value = 0;
  for (int i = 7; i >= 0; --i) value = (value << 8) | data[i];
  return value;
}

// What open() promises about a tensor it accepted; a broken promise is a finding.
void check_bounds(const bksdm::TensorInfo& info, uint64_t data_size) {
  uint64_t bytes = bksdm::dtype_size(info.dtype);
  for (int64_t dim : info.shape) {
    if (dim < 0) std::abort();
    bytes *= uint64_t(dim);
  }
  if (info.begin > info.end || info.end > data_size || info.end - info.begin != bytes) std::abort();
}

void read_every_tensor(const bksdm::SafetensorsFile& file, uint64_t data_size) {
  for (const bksdm::TensorInfo& info : file.tensors()) {
    check_bounds(info, data_size);
    if (file.find(info.name) != &info) std::abort();
    const at::Tensor stored = file.tensor(info.name);
    if (stored.numel() != info.numel()) std::abort();
    // Every element read: a float copy touches each stored byte.
    const at::Tensor as_float = file.tensor(info.name, at::kFloat);
    (void)as_float.sum().item<float>();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const ScratchDir scratch("safetensors");
  const auto path = scratch.write("input.safetensors", bksdm::fuzz::as_text(data, size));
  try {
    const auto file = bksdm::SafetensorsFile::open(path);
    read_every_tensor(*file, size - 8 - header_size(data));
  } catch (const bksdm::Error&) {
  }
  return 0;
}
