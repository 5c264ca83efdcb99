#pragma once
#include <c10/core/ScalarType.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/io/safetensors.h"

namespace bksdm {

// One component's tensors under the names its module gives them: a safetensors file of its own
// (diffusers' folders), or the component's part of a single-file checkpoint, whose tensors have
// other names (CompVis/LDM's) and are sometimes parts of one tensor (OpenCLIP's fused q, k, v).
// Either way a tensor is a view of the memory-mapped file where its dtype allows.
class WeightSource {
 public:
  // How a module's tensor is found in a file that names it otherwise.
  struct Entry {
    std::string file_name;
    int part = 0, parts = 1;  // rows: the part-th of `parts` equal parts along the first axis
    bool squeeze = false;     // a 1×1 convolution's [out,in,1,1], read as a linear layer's [out,in]
  };

  // The file's tensors under their own names.
  explicit WeightSource(std::shared_ptr<const SafetensorsFile> file);
  // The tensors `entries` names (module name -> where in the file).
  WeightSource(std::shared_ptr<const SafetensorsFile> file, std::map<std::string, Entry> entries);

  const std::filesystem::path& path() const { return file_->path(); }
  bool has(const std::string& name) const;
  // As the module sees it; has(name) must hold.
  std::vector<int64_t> shape(const std::string& name) const;
  StDType dtype(const std::string& name) const;
  // The file's name of it, for messages: "model.diffusion_model.out.2.weight".
  std::string file_name(const std::string& name) const;
  at::Tensor tensor(const std::string& name, c10::ScalarType dtype) const;
  // Every name it offers.
  std::vector<std::string> names() const;

  // Twice the float32 bytes and twice the count of its tensors: what a model built for it may be
  // (twice, so that a config a little off still gets load_weights' tensor-by-tensor report).
  uint64_t parameter_budget() const;
  uint64_t tensor_budget() const;

 private:
  const Entry& entry(const std::string& name) const;

  std::shared_ptr<const SafetensorsFile> file_;
  std::map<std::string, Entry> entries_;  // empty: the file's own names
};

}  // namespace bksdm
