#include "core/io/safetensors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <numeric>
#include <optional>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "core/io/excerpt.h"
#include "core/io/file_read.h"
#include "core/io/json_text.h"
#include "core/io/mapped_file_guard.h"
#include "core/io/message_text.h"

namespace bksdm {
namespace {

// A header larger than this is not a model file but an attack on the parser.
constexpr uint64_t kMaxHeaderSize = 100ull << 20;
// Larger than any checkpoint (SD's full fp32 one is 4 GiB), small enough to be a mistake.
constexpr FileLimit kWeightsFile{1ull << 40, "a weights file"};

struct DTypeEntry {
  StDType dtype;
  const char* name;
  size_t size;
  c10::ScalarType scalar;
};

constexpr DTypeEntry kDTypes[] = {
    {StDType::F64, "F64", 8, c10::ScalarType::Double},   {StDType::F32, "F32", 4, c10::ScalarType::Float},
    {StDType::F16, "F16", 2, c10::ScalarType::Half},     {StDType::BF16, "BF16", 2, c10::ScalarType::BFloat16},
    {StDType::I64, "I64", 8, c10::ScalarType::Long},     {StDType::I32, "I32", 4, c10::ScalarType::Int},
    {StDType::I16, "I16", 2, c10::ScalarType::Short},    {StDType::I8, "I8", 1, c10::ScalarType::Char},
    {StDType::U8, "U8", 1, c10::ScalarType::Byte},       {StDType::BOOL, "BOOL", 1, c10::ScalarType::Bool},
};

const DTypeEntry& entry(StDType dtype) {
  return *std::find_if(std::begin(kDTypes), std::end(kDTypes),
                       [&](const DTypeEntry& e) { return e.dtype == dtype; });
}

const DTypeEntry* entry_named(std::string_view name) {
  for (const DTypeEntry& e : kDTypes)
    if (name == e.name) return &e;
  return nullptr;
}

const DTypeEntry* entry_for(c10::ScalarType scalar) {
  for (const DTypeEntry& e : kDTypes)
    if (scalar == e.scalar) return &e;
  return nullptr;
}

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
  throw Error(path.string() + ": " + what);
}

[[noreturn]] void fail_tensor(const std::filesystem::path& path, const std::string& name,
                              const std::string& what) {
  fail(path, "tensor '" + name + "': " + what);
}

uint64_t read_u64_le(const uint8_t* bytes) {
  uint64_t value = 0;
  for (int i = 7; i >= 0; --i) value = (value << 8) | bytes[i];
  return value;
}

std::vector<int64_t> parse_shape(const std::filesystem::path& path, const std::string& name,
                                 const nlohmann::json& shape) {
  if (!shape.is_array()) fail_tensor(path, name, "'shape' is not a list");
  std::vector<int64_t> dims;
  for (const auto& dim : shape) {
    if (!dim.is_number_unsigned() || dim.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
      fail_tensor(path, name, "shape holds " + json_summary(dim) + ", not a size");
    dims.push_back(dim.get<int64_t>());
  }
  return dims;
}

// shape × itemsize, or nullopt when it does not fit in 64 bits.
std::optional<uint64_t> byte_count(const std::vector<int64_t>& shape, size_t itemsize) {
  uint64_t bytes = itemsize;
  for (int64_t dim : shape) {
    if (dim != 0 && bytes > std::numeric_limits<uint64_t>::max() / uint64_t(dim)) return std::nullopt;
    bytes *= uint64_t(dim);
  }
  return bytes;
}

TensorInfo parse_tensor(const std::filesystem::path& path, const std::string& name,
                        const nlohmann::json& spec, uint64_t data_size) {
  if (!spec.is_object()) fail_tensor(path, name, "its header entry is not an object");
  for (const char* key : {"dtype", "shape", "data_offsets"})
    if (!spec.contains(key)) fail_tensor(path, name, std::string("header entry lacks '") + key + "'");
  if (!spec["dtype"].is_string()) fail_tensor(path, name, "'dtype' is not a string");
  const std::string dtype_text = spec["dtype"].get<std::string>();
  const DTypeEntry* dtype = entry_named(dtype_text);
  if (!dtype) fail_tensor(path, name, "unknown dtype '" + dtype_text + "'");

  TensorInfo info{name, dtype->dtype, parse_shape(path, name, spec["shape"]), 0, 0};
  const auto& offsets = spec["data_offsets"];
  if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number_unsigned() ||
      !offsets[1].is_number_unsigned())
    fail_tensor(path, name, "'data_offsets' is not a pair of byte offsets");
  info.begin = offsets[0].get<uint64_t>();
  info.end = offsets[1].get<uint64_t>();
  if (info.begin > info.end) fail_tensor(path, name, "data_offsets end before they begin");
  if (info.end > data_size)
    fail_tensor(path, name, "data range [" + std::to_string(info.begin) + ", " + std::to_string(info.end) +
                                ") lies outside the " + std::to_string(data_size) + "-byte data area (truncated file?)");
  const auto expected = byte_count(info.shape, dtype->size);
  if (!expected || *expected != info.end - info.begin)
    fail_tensor(path, name, "shape " + shape_text(info.shape) + " of " + dtype_text + " does not fill its " +
                                std::to_string(info.end - info.begin) + " bytes");
  return info;
}

// Each tensor against the furthest-reaching one before it, so that no tensor in between (an empty
// one, a short one) can hide an overlap; empty tensors hold no bytes and overlap nothing.
void check_no_overlap(const std::filesystem::path& path, std::vector<TensorInfo> tensors) {
  std::erase_if(tensors, [](const TensorInfo& info) { return info.begin == info.end; });
  std::sort(tensors.begin(), tensors.end(), [](const TensorInfo& a, const TensorInfo& b) { return a.begin < b.begin; });
  const TensorInfo* furthest = nullptr;
  for (const TensorInfo& info : tensors) {
    if (furthest && info.begin < furthest->end)
      fail(path, "tensors '" + excerpt(furthest->name) + "' and '" + excerpt(info.name) + "' overlap");
    if (!furthest || info.end > furthest->end) furthest = &info;
  }
}

}  // namespace

std::string_view dtype_name(StDType dtype) { return entry(dtype).name; }
size_t dtype_size(StDType dtype) { return entry(dtype).size; }
c10::ScalarType to_scalar_type(StDType dtype) { return entry(dtype).scalar; }

int64_t TensorInfo::numel() const {
  return std::accumulate(shape.begin(), shape.end(), int64_t{1}, std::multiplies<int64_t>());
}

std::shared_ptr<const SafetensorsFile> SafetensorsFile::open(const std::filesystem::path& path) {
  std::shared_ptr<SafetensorsFile> file(new SafetensorsFile());
  file->path_ = path;
  const int fd = open_regular_file(path, kWeightsFile, &file->size_);
  if (file->size_ < 8) {
    ::close(fd);
    fail(path, "too short for a safetensors file (" + std::to_string(file->size_) + " bytes)");
  }
  struct stat status {};
  if (::fstat(fd, &status) != 0) {
    const int error = errno;
    ::close(fd);
    fail(path, std::string("cannot read its status: ") + std::strerror(error));
  }
  // Private and writable: a tensor written to in place gets its own page, never the file's.
  void* mapping = ::mmap(nullptr, file->size_, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapping == MAP_FAILED) fail(path, std::string("cannot map: ") + std::strerror(errno));
  file->mapping_ = mapping;
  file->guard_ = std::make_unique<MappingGuard>(mapping, file->size_, path, file_identity(status));
  file->self_ = file;

  const auto* bytes = static_cast<const uint8_t*>(mapping);
  const uint64_t header_size = read_u64_le(bytes);
  if (header_size > kMaxHeaderSize) fail(path, "header claims " + std::to_string(header_size) + " bytes, more than any model needs");
  if (header_size > file->size_ - 8)
    fail(path, "header claims " + std::to_string(header_size) + " bytes but the file has " +
                   std::to_string(file->size_ - 8) + " after the length (truncated file?)");
  const uint64_t data_size = file->size_ - 8 - header_size;
  file->data_ = bytes + 8 + header_size;

  const nlohmann::json header = parse_json(std::string_view(reinterpret_cast<const char*>(bytes) + 8, header_size),
                                           path.string() + ": the header", DuplicateKeys::refuse);
  if (!header.is_object()) fail(path, "header is not a JSON object");

  for (const auto& [name, spec] : header.items()) {
    if (name == "__metadata__") {
      if (!spec.is_object()) fail(path, "__metadata__ is not an object");
      for (const auto& [key, value] : spec.items()) {
        if (!value.is_string()) fail(path, "__metadata__ value of '" + key + "' is not a string");
        file->metadata_[key] = value.get<std::string>();
      }
      continue;
    }
    file->index_[name] = file->tensors_.size();
    file->tensors_.push_back(parse_tensor(path, name, spec, data_size));
  }
  check_no_overlap(path, file->tensors_);
  return file;
}

SafetensorsFile::~SafetensorsFile() {
  guard_.reset();  // before the pages go: another mapping may take their addresses
  if (mapping_) ::munmap(mapping_, size_);
}

const TensorInfo* SafetensorsFile::find(std::string_view name) const {
  auto it = index_.find(std::string(name));
  return it == index_.end() ? nullptr : &tensors_[it->second];
}

at::Tensor SafetensorsFile::view(const TensorInfo& info) const {
  auto* start = const_cast<uint8_t*>(data_ + info.begin);
  const auto options = at::TensorOptions().dtype(to_scalar_type(info.dtype));
  if (reinterpret_cast<uintptr_t>(start) % dtype_size(info.dtype) != 0) {
    // Unaligned data cannot be viewed as its dtype: copy it out. An empty tensor has no storage
    // (a null data pointer, which memcpy must not get even for no bytes).
    at::Tensor copy = at::empty(info.shape, options);
    if (info.end > info.begin) std::memcpy(copy.data_ptr(), start, info.end - info.begin);
    return copy;
  }
  std::shared_ptr<const SafetensorsFile> keep_alive = self_.lock();
  return at::from_blob(start, info.shape, [keep_alive](void*) {}, options);
}

at::Tensor SafetensorsFile::tensor(std::string_view name) const {
  const TensorInfo* info = find(name);
  if (!info) fail(path_, "has no tensor '" + std::string(name) + "'");
  return view(*info);
}

at::Tensor SafetensorsFile::tensor(std::string_view name, c10::ScalarType dtype) const {
  at::Tensor stored = tensor(name);
  return stored.scalar_type() == dtype ? stored : stored.to(dtype);
}

void write_safetensors(const std::filesystem::path& path,
                       const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                       const std::map<std::string, std::string>& metadata) {
  nlohmann::json header = nlohmann::json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::vector<at::Tensor> contiguous;
  uint64_t offset = 0;
  for (const auto& [name, tensor] : tensors) {
    const DTypeEntry* dtype = entry_for(tensor.scalar_type());
    if (!dtype) fail_tensor(path, name, "dtype has no safetensors equivalent");
    contiguous.push_back(tensor.to(at::kCPU).contiguous());
    const uint64_t bytes = uint64_t(contiguous.back().nbytes());
    header[name] = {{"dtype", dtype->name}, {"shape", tensor.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
  }
  std::string text = header.dump();
  text.append((8 - text.size() % 8) % 8, ' ');  // keeps the data area 8-byte aligned

  std::string length(8, '\0');
  for (int i = 0; i < 8; ++i) length[size_t(i)] = char(uint64_t(text.size()) >> (8 * i));
  std::vector<std::string_view> parts = {length, text};
  for (const at::Tensor& tensor : contiguous)
    parts.emplace_back(static_cast<const char*>(tensor.data_ptr()), tensor.nbytes());
  write_file_atomically(path, parts);
}

}  // namespace bksdm
