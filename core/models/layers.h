#pragma once
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/pimpl.h>

#include <ATen/core/TensorBody.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

// The basic layers of the diffusers models, with PyTorch's parameter names and shapes.
// Unlike torch::nn's layers they leave their parameters uninitialised (at::empty): every model is
// loaded from a checkpoint right after it is built, so random initialisation would only cost time,
// and an unloaded full-size model costs no resident memory (its parameters can even be counted).
// Parameters never require gradients: the engine only runs inference.
namespace bksdm {

// A bound on the parameter bytes and the parameter tensors the layers built in its scope (on this
// thread) may take: a loader sets it from the weights it is about to load, so that a config
// describing a far larger model (layers_per_block 100000000, millions of channels) is refused as it
// is built, before memory is taken or a layer is allocated that no weight file could fill. Tensors
// are counted apart from bytes because each costs memory of its own (a module, names, the tensor):
// a million layers of one channel fit in a few MiB of parameters, yet take gigabytes to build.
class ParameterBudget {
 public:
  ParameterBudget(uint64_t bytes, uint64_t tensors, std::string weights);
  ~ParameterBudget();
  ParameterBudget(const ParameterBudget&) = delete;
  ParameterBudget& operator=(const ParameterBudget&) = delete;

  // Counts a parameter of `shape` (float32) against the budget, or throws the Error that names it.
  static void take(at::IntArrayRef shape);

 private:
  uint64_t left_;
  uint64_t bytes_;
  uint64_t tensors_left_;
  uint64_t tensors_;
  std::string weights_;
  ParameterBudget* outer_;
};

// A float32 parameter of `shape`, uninitialised, counted against the budget in scope: every
// parameter a model builds is made here, so that no config gets past the budget.
at::Tensor uninitialised_parameter(at::IntArrayRef shape);

class LinearImpl : public torch::nn::Module {
 public:
  LinearImpl(int64_t in_features, int64_t out_features, bool bias = true);
  at::Tensor forward(const at::Tensor& input) const;

  at::Tensor weight;  // [out_features, in_features]
  at::Tensor bias;    // [out_features], or undefined
};
TORCH_MODULE(Linear);

class Conv2dImpl : public torch::nn::Module {
 public:
  Conv2dImpl(int64_t in_channels, int64_t out_channels, int64_t kernel_size, int64_t stride = 1,
             int64_t padding = 0, bool bias = true);
  at::Tensor forward(const at::Tensor& input) const;

  at::Tensor weight;  // [out_channels, in_channels, kernel_size, kernel_size]
  at::Tensor bias;    // [out_channels], or undefined

 private:
  int64_t stride_;
  int64_t padding_;
};
TORCH_MODULE(Conv2d);

// Normalises groups of channels of [N, C, ...] inputs, with a per-channel affine transform.
class GroupNormImpl : public torch::nn::Module {
 public:
  GroupNormImpl(int64_t num_groups, int64_t num_channels, double eps);
  at::Tensor forward(const at::Tensor& input) const;

  at::Tensor weight;  // [num_channels]
  at::Tensor bias;    // [num_channels]

 private:
  int64_t num_groups_;
  double eps_;
};
TORCH_MODULE(GroupNorm);

// Normalises the last dimension, with an affine transform.
class LayerNormImpl : public torch::nn::Module {
 public:
  LayerNormImpl(int64_t dim, double eps);
  at::Tensor forward(const at::Tensor& input) const;

  at::Tensor weight;  // [dim]
  at::Tensor bias;    // [dim]

 private:
  double eps_;
};
TORCH_MODULE(LayerNorm);

// Registers `items` as children "0", "1", ... of a submodule `name`, the way an nn.ModuleList
// names them, and hands them back typed.
template <class Impl>
std::vector<std::shared_ptr<Impl>> register_list(torch::nn::Module& parent, const std::string& name,
                                                 std::vector<std::shared_ptr<Impl>> items) {
  auto list = parent.register_module(name, torch::nn::ModuleList());
  for (const auto& item : items) list->push_back(item);
  return items;
}

// `weight` in the dtype of `input`, which is the dtype the layer computes in. A low-memory pipeline
// keeps its weights in 16 bits and widens each one only while its layer runs: the CPU has no fp16
// matmul, and holding fp32 copies would undo the saving.
at::Tensor in_dtype_of(const at::Tensor& weight, const at::Tensor& input);

// The number of parameter values of a module, as diffusers' `num_parameters()` counts them.
int64_t count_parameters(const torch::nn::Module& module);

}  // namespace bksdm
