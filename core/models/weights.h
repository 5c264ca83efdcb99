#pragma once
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/loading/weight_source.h"
#include "core/models/layers.h"

namespace torch::nn {
class Module;
}

namespace bksdm {


struct WeightLoadOptions {
  // Tensors the file may hold that the module has no parameter for, and that are fine to ignore
  // (e.g. the CLIP buffer `text_model.embeddings.position_ids`).
  std::vector<std::string> known_extras;
  // The dtype the parameters get; by default each keeps its own (float32 as built). A tensor
  // already of this dtype is used in place, as a view of the memory-mapped file.
  std::optional<c10::ScalarType> dtype;
  // Where the parameters go; by default they stay on the CPU, in the mapping.
  std::optional<c10::Device> device;
  // The file's name for a parameter, for checkpoints with older key names; the identity by default.
  std::function<std::string(const std::string& parameter)> name_in_file;
  // Refuse weights holding NaN or infinite values (reads every value once).
  bool check_finite = false;
  // Where an adapter changes weights as they load (a LoRA merged in): given the module's name for a
  // parameter and its loaded value (possibly a view of the read-only mapping), the value to use.
  std::function<at::Tensor(const std::string& parameter, const at::Tensor& value)> adjust;
};

// Loads every parameter of `module` from `source`, matching the module's parameter names to the
// source's. All defects are reported together in one bksdm::Error that names the file and each
// missing, unexpected (beyond `known_extras`) and mis-shaped tensor; the module is left unchanged then.
void load_weights(torch::nn::Module& module, const WeightSource& source, const WeightLoadOptions& options = {});
void load_weights(torch::nn::Module& module, const std::filesystem::path& file,
                  const WeightLoadOptions& options = {});

// The names of the file's tensors that hold NaN or infinite values (reads every value once).
std::vector<std::string> non_finite_tensors(const SafetensorsFile& file);

// `build()`, the model for `source`'s weights, built within its parameter and tensor budgets.
template <class Build>
auto build_for_weights(const WeightSource& source, Build&& build) {
  const ParameterBudget budget(source.parameter_budget(), source.tensor_budget(), source.path().string());
  return build();
}

}  // namespace bksdm
