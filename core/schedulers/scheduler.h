#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>
#include <nlohmann/json_fwd.hpp>

#include "core/schedulers/noise_source.h"

namespace bksdm {

struct StepOutput {
  at::Tensor prev_sample;           // the latents for the next U-Net call
  at::Tensor pred_original_sample;  // the step's estimate of the clean latents (x0), for previews
};

// A diffusers noise scheduler, with diffusers' arithmetic (float32 tensors, float64 layouts).
// A run: set_timesteps(n); then for each index i of timesteps() in order: the U-Net sees
// scale_model_input(latents, i) at timesteps()[i], and step(noise_pred, i, latents, noise_source)
// gives the next latents. The first latents are noise * init_noise_sigma(), or for a run that
// starts from an image at position k (img2img): set_begin_index(k) and add_noise(image, noise, k).
class Scheduler {
 public:
  virtual ~Scheduler() = default;
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // The engine's name for it: pndm, ddim, euler, euler_a, dpmpp_2m or dpmpp_2m_karras.
  virtual std::string_view name() const = 0;

  // Lays out a run of `num_inference_steps` (1 to num_train_timesteps) and clears the state of
  // any previous run.
  void set_timesteps(int num_inference_steps);
  // The timestep of each U-Net call, in order (PNDM makes one call more than it has steps).
  const std::vector<double>& timesteps() const { return timesteps_; }
  int num_train_timesteps() const { return num_train_timesteps_; }

  // The standard deviation of the initial noise.
  virtual double init_noise_sigma() const;
  virtual at::Tensor scale_model_input(const at::Tensor& sample, size_t step_index) const;
  // Calls must come in order, 0, 1, 2, ... (or k, k + 1, ... after set_begin_index(k)): multistep
  // schedulers keep a history. Noise, where the scheduler adds some, is drawn from `noise_source`
  // (per image where it has a generator per image) as diffusers' randn_tensor.
  StepOutput step(const at::Tensor& model_output, size_t step_index, const at::Tensor& sample,
                  NoiseSource& noise_source);
  // A run that starts at position k of timesteps() (diffusers' img2img t_start): the first step is
  // step k, with an empty history, as diffusers' loop over timesteps[t_start:]. Between
  // set_timesteps and the first step.
  void set_begin_index(size_t k);
  // `original` with `noise` added to the level of the U-Net call at position `step_index` of
  // timesteps(), as diffusers' add_noise(original, noise, timesteps[step_index]), in original's dtype.
  at::Tensor add_noise(const at::Tensor& original, const at::Tensor& noise, size_t step_index) const;

 protected:
  explicit Scheduler(int num_train_timesteps) : num_train_timesteps_(num_train_timesteps) {}

  // The timesteps of a run; also resets any multistep history.
  virtual std::vector<double> plan(int num_inference_steps) = 0;
  virtual StepOutput step_at(const at::Tensor& model_output, size_t step_index, const at::Tensor& sample,
                             NoiseSource& noise_source) = 0;
  virtual at::Tensor add_noise_at(const at::Tensor& original, const at::Tensor& noise, size_t step_index) const = 0;
  // Throws unless set_timesteps() came first and `step_index` is one of its calls.
  void check_index(size_t step_index) const;

 private:
  int num_train_timesteps_;
  std::vector<double> timesteps_;
  size_t begin_index_ = 0;
  size_t next_step_ = 0;
};

// Noise as diffusers' randn_tensor draws it with a CPU generator: torch.randn on the CPU in
// `dtype`, then moved to `device`. With torch.Generator("cpu").manual_seed(seed) and
// at::make_generator<at::CPUGeneratorImpl>(seed) the numbers are the same.
at::Tensor randn_tensor(at::IntArrayRef shape, at::Generator& generator, at::ScalarType dtype, at::Device device);

// The scheduler `name` (see scheduler_names()) built as diffusers'
// `Class.from_config(model_scheduler_config)`: keys the model's config has are used, the rest take
// the class's defaults. `eta` is DDIM's noise weight (0: deterministic); the others ignore it.
// An unknown name or an unsupported config value is a bksdm::Error naming it.
std::unique_ptr<Scheduler> make_scheduler(std::string_view name, const nlohmann::json& model_scheduler_config,
                                          double eta = 0.0);
// The names of kSchedulers (core/schedulers/scheduler_table.h), in its order.
std::vector<std::string> scheduler_names();
// The name matching the config's `_class_name` (PNDMScheduler: pndm, ...; DPM-Solver with
// use_karras_sigmas: dpmpp_2m_karras); pndm, the Stable Diffusion default, for classes this engine
// does not implement.
std::string default_scheduler_name(const nlohmann::json& model_scheduler_config);

// The `_class_name` of a model's scheduler_config.json when no scheduler here implements it (e.g.
// "LMSDiscreteScheduler"), which default_scheduler_name replaces by PNDM.
std::optional<std::string> unimplemented_scheduler_class(const nlohmann::json& model_scheduler_config);

}  // namespace bksdm
