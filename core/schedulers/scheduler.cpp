#include "core/schedulers/scheduler.h"

#include <optional>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/schedulers/scheduler_config.h"
#include "core/schedulers/scheduler_table.h"
#include "core/schedulers/scheduling_ddim.h"
#include "core/schedulers/scheduling_dpmsolver_multistep.h"
#include "core/schedulers/scheduling_euler_ancestral_discrete.h"
#include "core/schedulers/scheduling_euler_discrete.h"
#include "core/schedulers/scheduling_pndm.h"

namespace bksdm {

void Scheduler::set_timesteps(int num_inference_steps) {
  if (num_inference_steps < 1 || num_inference_steps > num_train_timesteps_)
    throw Error(std::string(name()) + ": the number of steps must be between 1 and " +
                std::to_string(num_train_timesteps_) + ", got " + std::to_string(num_inference_steps));
  std::vector<double> timesteps = plan(num_inference_steps);
  for (double t : timesteps)
    if (!(t >= 0 && t <= num_train_timesteps_ - 1))
      throw Error(std::string(name()) + ": " + std::to_string(num_inference_steps) + " steps reach timestep " +
                  std::to_string(t) + ", outside the training range 0 to " + std::to_string(num_train_timesteps_ - 1) +
                  " (see steps_offset and timestep_spacing in the scheduler config)");
  timesteps_ = std::move(timesteps);
  begin_index_ = 0;
  next_step_ = 0;
}

double Scheduler::init_noise_sigma() const { return 1.0; }

at::Tensor Scheduler::scale_model_input(const at::Tensor& sample, size_t step_index) const {
  check_index(step_index);
  return sample;
}

StepOutput Scheduler::step(const at::Tensor& model_output, size_t step_index, const at::Tensor& sample,
                           NoiseSource& noise_source) {
  check_index(step_index);
  if (step_index != next_step_)
    throw Error(std::string(name()) + ": step " + std::to_string(step_index) + " called when step " +
                std::to_string(next_step_) + " was due (steps run in order after set_timesteps)");
  StepOutput output = step_at(model_output, step_index, sample, noise_source);
  ++next_step_;
  return output;
}

void Scheduler::set_begin_index(size_t k) {
  check_index(k);
  if (next_step_ != begin_index_)
    throw Error(std::string(name()) + ": set_begin_index(" + std::to_string(k) + ") after step " +
                std::to_string(next_step_ - 1) + " (a run's beginning comes before its first step)");
  begin_index_ = k;
  next_step_ = k;
}

at::Tensor Scheduler::add_noise(const at::Tensor& original, const at::Tensor& noise, size_t step_index) const {
  check_index(step_index);
  return add_noise_at(original, noise, step_index);
}

void Scheduler::check_index(size_t step_index) const {
  if (timesteps_.empty()) throw Error(std::string(name()) + ": set_timesteps must come before stepping");
  if (step_index >= timesteps_.size())
    throw Error(std::string(name()) + ": step " + std::to_string(step_index) + " is past the last of " +
                std::to_string(timesteps_.size()) + " steps");
}

at::Tensor randn_tensor(at::IntArrayRef shape, at::Generator& generator, at::ScalarType dtype, at::Device device) {
  const at::Tensor noise = at::randn(shape, generator, at::TensorOptions().dtype(dtype).device(at::kCPU));
  return noise.to(device);
}

namespace {

std::unique_ptr<Scheduler> build(const SchedulerEntry& entry, const nlohmann::json& config, double eta) {
  const std::string_view type = entry.diffusers_class;
  if (type == "PNDMScheduler") return std::make_unique<PNDMScheduler>(SchedulerConfig(config));
  if (type == "DDIMScheduler") return std::make_unique<DDIMScheduler>(SchedulerConfig(config), eta);
  if (type == "EulerDiscreteScheduler") return std::make_unique<EulerDiscreteScheduler>(SchedulerConfig(config));
  if (type == "EulerAncestralDiscreteScheduler")
    return std::make_unique<EulerAncestralDiscreteScheduler>(SchedulerConfig(config));
  if (type == "DPMSolverMultistepScheduler") {
    // The DPM-Solver names fix what they name (DPM-Solver++ of order 2, Karras sigmas or not),
    // whatever the model's config says; the rest comes from the config.
    const nlohmann::json overrides = {
        {"algorithm_type", "dpmsolver++"}, {"solver_order", 2}, {"use_karras_sigmas", entry.karras}};
    return std::make_unique<DPMSolverMultistepScheduler>(SchedulerConfig(config, overrides));
  }
  throw Error("scheduler \"" + std::string(entry.name) + "\": no implementation of " + std::string(type));
}

std::optional<std::string_view> class_name(const nlohmann::json& model_scheduler_config) {
  const auto found = model_scheduler_config.find("_class_name");
  if (found == model_scheduler_config.end() || !found->is_string()) return std::nullopt;
  return found->get_ref<const std::string&>();
}

}  // namespace

std::unique_ptr<Scheduler> make_scheduler(std::string_view name, const nlohmann::json& model_scheduler_config,
                                          double eta) {
  if (const SchedulerEntry* entry = find_scheduler(name)) return build(*entry, model_scheduler_config, eta);
  std::string known;
  for (const std::string& candidate : scheduler_names()) known += (known.empty() ? "" : ", ") + candidate;
  throw Error("unknown scheduler \"" + std::string(name) + "\" (known: " + known + ")");
}

std::vector<std::string> scheduler_names() {
  std::vector<std::string> names;
  for (const SchedulerEntry& entry : kSchedulers) names.emplace_back(entry.name);
  return names;
}

std::optional<std::string> unimplemented_scheduler_class(const nlohmann::json& model_scheduler_config) {
  const auto type = class_name(model_scheduler_config);
  if (!type) return std::nullopt;
  for (const SchedulerEntry& entry : kSchedulers)
    if (entry.diffusers_class == *type) return std::nullopt;
  return std::string(*type);
}

std::string default_scheduler_name(const nlohmann::json& model_scheduler_config) {
  const auto type = class_name(model_scheduler_config);
  const auto karras = model_scheduler_config.find("use_karras_sigmas");
  const bool uses_karras = karras != model_scheduler_config.end() && *karras == true;
  // A class with a Karras and a plain name takes the one its config asks for; Euler has one name
  // and reads use_karras_sigmas itself.
  const SchedulerEntry* match = nullptr;
  for (const SchedulerEntry& entry : kSchedulers) {
    if (!type || entry.diffusers_class != *type) continue;
    if (entry.karras == uses_karras) return std::string(entry.name);
    if (!match) match = &entry;
  }
  return std::string(match ? match->name : kSchedulers.front().name);
}

}  // namespace bksdm
