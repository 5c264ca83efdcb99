#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <c10/core/ScalarType.h>

namespace at {
class Tensor;
}

namespace bksdm {

class MappingGuard;

// The dtypes of the safetensors format, by their header names.
enum class StDType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL };

std::string_view dtype_name(StDType dtype);
size_t dtype_size(StDType dtype);
c10::ScalarType to_scalar_type(StDType dtype);

struct TensorInfo {
  std::string name;
  StDType dtype;
  std::vector<int64_t> shape;
  uint64_t begin = 0;  // byte range inside the data area
  uint64_t end = 0;
  int64_t numel() const;
};

// A memory-mapped .safetensors file, validated completely when opened: any defect is a bksdm::Error
// naming the file, the tensor and what is wrong, so nothing later reads outside the mapping. The
// mapping is guarded (MappingGuard): the file truncated under it does not kill the process.
class SafetensorsFile {
 public:
  static std::shared_ptr<const SafetensorsFile> open(const std::filesystem::path& path);
  ~SafetensorsFile();
  SafetensorsFile(const SafetensorsFile&) = delete;
  SafetensorsFile& operator=(const SafetensorsFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  const std::vector<TensorInfo>& tensors() const { return tensors_; }
  const std::map<std::string, std::string>& metadata() const { return metadata_; }
  const TensorInfo* find(std::string_view name) const;
  uint64_t file_size() const { return size_; }

  // A view of the mapping (no copy) when the stored dtype is `dtype` and the data is aligned;
  // otherwise a converted copy. The view keeps the mapping alive. Throws for an unknown name.
  at::Tensor tensor(std::string_view name) const;
  at::Tensor tensor(std::string_view name, c10::ScalarType dtype) const;

 private:
  SafetensorsFile() = default;
  at::Tensor view(const TensorInfo& info) const;

  std::filesystem::path path_;
  std::weak_ptr<const SafetensorsFile> self_;
  void* mapping_ = nullptr;
  uint64_t size_ = 0;
  std::unique_ptr<MappingGuard> guard_;
  const uint8_t* data_ = nullptr;  // start of the data area
  std::vector<TensorInfo> tensors_;
  std::map<std::string, size_t> index_;
  std::map<std::string, std::string> metadata_;
};

// Writes tensors (in the given order) and string metadata; the file appears whole or not at all.
void write_safetensors(const std::filesystem::path& path,
                       const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                       const std::map<std::string, std::string>& metadata = {});

}  // namespace bksdm
