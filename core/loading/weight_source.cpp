#include "core/loading/weight_source.h"

#include <ATen/ATen.h>

#include "core/io/error.h"

namespace bksdm {

WeightSource::WeightSource(std::shared_ptr<const SafetensorsFile> file) : file_(std::move(file)) {
  for (const TensorInfo& info : file_->tensors()) entries_[info.name] = Entry{info.name};
}

WeightSource::WeightSource(std::shared_ptr<const SafetensorsFile> file, std::map<std::string, Entry> entries)
    : file_(std::move(file)), entries_(std::move(entries)) {}

bool WeightSource::has(const std::string& name) const { return entries_.count(name) > 0; }

const WeightSource::Entry& WeightSource::entry(const std::string& name) const {
  const auto it = entries_.find(name);
  if (it == entries_.end()) throw Error(path().string() + ": has no tensor for '" + name + "'");
  return it->second;
}

std::vector<int64_t> WeightSource::shape(const std::string& name) const {
  const Entry& at = entry(name);
  std::vector<int64_t> shape = file_->find(at.file_name)->shape;
  if (at.parts > 1 && !shape.empty() && shape[0] % at.parts == 0) shape[0] /= at.parts;
  if (at.squeeze && shape.size() == 4 && shape[2] == 1 && shape[3] == 1) shape.resize(2);
  return shape;
}

StDType WeightSource::dtype(const std::string& name) const { return file_->find(entry(name).file_name)->dtype; }

std::string WeightSource::file_name(const std::string& name) const { return entry(name).file_name; }

at::Tensor WeightSource::tensor(const std::string& name, c10::ScalarType dtype) const {
  const Entry& at = entry(name);
  at::Tensor value = file_->tensor(at.file_name, dtype);
  if (at.parts > 1) {
    const int64_t rows = value.size(0) / at.parts;
    value = value.slice(0, at.part * rows, (at.part + 1) * rows);
  }
  return value.view(shape(name));
}

std::vector<std::string> WeightSource::names() const {
  std::vector<std::string> names;
  for (const auto& [name, entry] : entries_) names.push_back(name);
  return names;
}

uint64_t WeightSource::parameter_budget() const {
  uint64_t bytes = 0;
  for (const auto& [name, entry] : entries_) bytes += uint64_t(file_->find(entry.file_name)->numel()) * 4;
  return 2 * bytes;
}

uint64_t WeightSource::tensor_budget() const { return 2 * uint64_t(entries_.size()); }

}  // namespace bksdm
