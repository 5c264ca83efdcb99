#include "core/models/weights.h"

#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <utility>

#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/io/message_text.h"

namespace bksdm {
namespace {

// Enough names to recognise the problem (a wrong model folder can mismatch hundreds of tensors).
constexpr size_t kMaxNamesPerList = 20;

struct Defects {
  std::vector<std::string> missing;
  std::vector<std::string> unexpected;
  std::vector<std::string> mis_shaped;
  std::vector<std::string> not_floating;
  std::vector<std::string> non_finite;

  bool empty() const {
    return missing.empty() && unexpected.empty() && mis_shaped.empty() && not_floating.empty() &&
           non_finite.empty();
  }
};

void append_list(std::ostringstream& text, const char* what, const std::vector<std::string>& names) {
  if (names.empty()) return;
  text << "\n  " << names.size() << ' ' << what << ": ";
  for (size_t i = 0; i < std::min(names.size(), kMaxNamesPerList); ++i) text << (i ? ", " : "") << names[i];
  if (names.size() > kMaxNamesPerList) text << ", ... and " << names.size() - kMaxNamesPerList << " more";
}

[[noreturn]] void throw_defects(const WeightSource& source, const Defects& defects) {
  std::ostringstream text;
  text << source.path().string() << ": the weights do not fit the model:";
  append_list(text, "missing tensor(s)", defects.missing);
  append_list(text, "unexpected tensor(s)", defects.unexpected);
  append_list(text, "mis-shaped tensor(s)", defects.mis_shaped);
  append_list(text, "tensor(s) of integers or booleans where the model has floating-point weights",
              defects.not_floating);
  append_list(text, "tensor(s) with NaN or infinite values", defects.non_finite);
  throw Error(text.str());
}

// A tensor as the file names it, and as the module does where the two differ.
std::string described(const WeightSource& source, const std::string& name) {
  const std::string in_file = source.file_name(name);
  return in_file == name ? name : in_file + " (as " + name + ")";
}

}  // namespace

void load_weights(torch::nn::Module& module, const WeightSource& source, const WeightLoadOptions& options) {
  Defects defects;
  std::set<std::string> used;
  struct Assignment {
    at::Tensor parameter;
    std::string parameter_name, name_in_source;
  };
  std::vector<Assignment> assignments;
  for (const auto& item : module.named_parameters(true)) {
    const std::string name = options.name_in_file ? options.name_in_file(item.key()) : item.key();
    if (!source.has(name)) {
      defects.missing.push_back(name);
      continue;
    }
    used.insert(name);
    const std::vector<int64_t> shape = source.shape(name);
    if (!std::equal(shape.begin(), shape.end(), item.value().sizes().begin(), item.value().sizes().end())) {
      defects.mis_shaped.push_back(described(source, name) + " (file " + shape_text(shape) + ", model " +
                                   shape_text(item.value().sizes()) + ")");
      continue;
    }
    // Integers converted to floats would load without complaint and compute garbage: a wrong file.
    const StDType dtype = source.dtype(name);
    if (item.value().is_floating_point() && !at::isFloatingType(to_scalar_type(dtype))) {
      defects.not_floating.push_back(described(source, name) + " holds " + std::string(dtype_name(dtype)));
      continue;
    }
    assignments.push_back({item.value(), item.key(), name});
  }
  for (const std::string& name : source.names()) {
    const bool known = std::find(options.known_extras.begin(), options.known_extras.end(), name) !=
                       options.known_extras.end();
    if (!used.count(name) && !known) defects.unexpected.push_back(described(source, name));
  }
  if (!defects.empty()) throw_defects(source, defects);

  std::vector<at::Tensor> values;
  values.reserve(assignments.size());
  for (const auto& [parameter, parameter_name, name] : assignments) {
    at::Tensor value = source.tensor(name, options.dtype.value_or(parameter.scalar_type()));
    if (options.device) value = value.to(*options.device);
    if (options.adjust) value = options.adjust(parameter_name, value);
    if (options.check_finite && !at::isfinite(value).all().item<bool>()) defects.non_finite.push_back(name);
    values.push_back(std::move(value));
  }
  if (!defects.empty()) throw_defects(source, defects);
  for (size_t i = 0; i < assignments.size(); ++i) assignments[i].parameter.set_data(values[i]);
}

void load_weights(torch::nn::Module& module, const std::filesystem::path& file,
                  const WeightLoadOptions& options) {
  load_weights(module, WeightSource(SafetensorsFile::open(file)), options);
}

std::vector<std::string> non_finite_tensors(const SafetensorsFile& file) {
  std::vector<std::string> names;
  for (const TensorInfo& info : file.tensors())
    if (!at::isfinite(file.tensor(info.name)).all().item<bool>()) names.push_back(info.name);
  return names;
}

}  // namespace bksdm
