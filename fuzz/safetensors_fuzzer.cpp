// The safetensors reader on hostile files: open() validates the whole header, so every tensor it
// then lists must lie inside the file with exactly its shape's bytes, apart from every other
// tensor, under a name the header gives once, and read back in every dtype.
#include <algorithm>
#include <cstdlib>
#include <set>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

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

// The tensors' byte ranges, empty ones aside, are disjoint (an empty one between two overlapping
// ones must not hide them).
void check_disjoint(std::vector<bksdm::TensorInfo> tensors) {
  std::erase_if(tensors, [](const bksdm::TensorInfo& info) { return info.begin == info.end; });
  std::sort(tensors.begin(), tensors.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  for (size_t i = 1; i < tensors.size(); ++i)
    if (tensors[i].begin < tensors[i - 1].end) std::abort();
}

// A header that names a key twice was accepted: its top-level keys, counted by a parser of our own
// (nlohmann keeps the last of duplicates silently), must all differ.
void check_unique_names(std::string_view header) {
  std::set<std::string> keys;
  bool duplicate = false;
  const nlohmann::json::parser_callback_t count_keys = [&](int depth, nlohmann::json::parse_event_t event,
                                                           nlohmann::json& parsed) {
    if (depth == 1 && event == nlohmann::json::parse_event_t::key) duplicate |= !keys.insert(parsed.get<std::string>()).second;
    return true;
  };
  const nlohmann::json parsed = nlohmann::json::parse(header, count_keys);
  if (duplicate || !parsed.is_object()) std::abort();
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
    check_disjoint(file->tensors());
    check_unique_names(bksdm::fuzz::as_text(data + 8, header_size(data)));
  } catch (const bksdm::Error&) {
  }
  return 0;
}
