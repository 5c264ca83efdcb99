#include "core/pipeline/non_finite.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "core/io/error.h"
#include "core/io/message_text.h"
#include "core/io/safetensors.h"
#include "core/models/weights.h"

namespace bksdm {
namespace {

// The first few names, and how many there are in all.
std::string some_of(const std::vector<std::string>& names) {
  constexpr size_t kShown = 3;
  std::string text;
  for (size_t i = 0; i < std::min(names.size(), kShown); ++i) text += (i ? ", " : "") + names[i];
  if (names.size() > kShown) text += ", ... (" + std::to_string(names.size()) + " in all)";
  return text;
}

std::string config_file(const ModelFolder& model, const char* component) {
  const char* name = std::string_view(component) == "scheduler" ? "scheduler_config.json" : "config.json";
  return (model.component_dir(component) / name).string();
}

// The message naming the component's weights file when it holds NaN or infinite values.
std::optional<std::string> broken_weights(const ModelFolder& model, const char* component) {
  const std::filesystem::path file = model.weights(component);
  const std::vector<std::string> broken = non_finite_tensors(*SafetensorsFile::open(file));
  if (broken.empty()) return std::nullopt;
  return file.string() + ": the run produced NaN or infinite values; the " + component + " weights hold some (" +
         some_of(broken) + ")";
}

}  // namespace

NonFiniteCheck::NonFiniteCheck(const ModelFolder& model, const GenerationRequest& request, bool sixteen_bit)
    : model_(model), request_(request), sixteen_bit_(sixteen_bit) {}

void NonFiniteCheck::operator()(RunValues stage, const at::Tensor& values, int step) {
  const bool in_loop = stage == RunValues::NoisePrediction || stage == RunValues::Latents;
  if (in_loop && !values.is_cpu()) {
    pending_.push_back({stage, step, at::isfinite(values).all()});
    return;
  }
  settle();
  if (!at::isfinite(values).all().item<bool>()) throw Error(cause(stage, step));
}

void NonFiniteCheck::settle() {
  if (pending_.empty()) return;
  std::vector<at::Tensor> flags;
  for (const Pending& check : pending_) flags.push_back(check.finite);
  const at::Tensor finite = at::stack(flags).cpu();
  const std::vector<Pending> checks = std::move(pending_);
  pending_.clear();
  for (size_t i = 0; i < checks.size(); ++i)
    if (!finite[int64_t(i)].item<bool>()) throw Error(cause(checks[i].stage, checks[i].step));
}

std::string NonFiniteCheck::with_settings(int step, const std::string& where) const {
  const std::string eta = request_.scheduler == "ddim" ? " and eta " + number_text(request_.eta) : "";
  return model_.root().string() + ": the run produced NaN or infinite values with guidance " +
         number_text(request_.guidance_scale) + eta + " in " + where + " (step " + std::to_string(step + 1) + ")";
}

std::string NonFiniteCheck::cause(RunValues stage, int step) const {
  const std::string overflow = sixteen_bit_ ? ", or the computation overflowed in 16 bits (try fp32)" : "";
  switch (stage) {
    case RunValues::PromptEmbeddings:
      if (auto broken = broken_weights(model_, "text_encoder")) return *broken;
      return config_file(model_, "text_encoder") +
             ": the text encoder's output holds NaN or infinite values though its weights are finite, so its "
             "config may cause it" + overflow;
    case RunValues::NoisePrediction:
      if (auto broken = broken_weights(model_, "unet")) return *broken;
      return with_settings(step, "the U-Net's prediction") +
             "; the weights are finite, so the settings may cause it, or the U-Net's config (" +
             config_file(model_, "unet") + ")" + overflow;
    case RunValues::Latents:
      return with_settings(step, "the " + request_.scheduler + " scheduler's output") +
             " from a finite prediction, so the settings may cause it, or the scheduler's config (" +
             config_file(model_, "scheduler") + ")";
    case RunValues::DecoderInput:
      return config_file(model_, "vae") +
             ": its scaling_factor is so small that the final latents divided by it are not finite (the VAE "
             "decodes latents / scaling_factor)";
    case RunValues::Images:
      if (auto broken = broken_weights(model_, "vae")) return *broken;
      return config_file(model_, "vae") +
             ": the VAE decoder made NaN or infinite values from finite latents though its weights are finite, so "
             "its config may cause it" + overflow;
  }
  return model_.root().string() + ": the run produced NaN or infinite values";
}

}  // namespace bksdm
