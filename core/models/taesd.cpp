#include "core/models/taesd.h"

#include <ATen/ATen.h>

#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/loading/model_folder.h"

namespace bksdm {
namespace {

namespace fs = std::filesystem;

constexpr const char* kRepoId = "madebyollin/taesd";
constexpr const char* kWeightsFile = "diffusion_pytorch_model.safetensors";

// DecoderTiny's first operation: a soft clamp of the latents to (-3, 3).
at::Tensor soft_clamp(const at::Tensor& latents) { return at::tanh(latents / 3) * 3; }

}  // namespace

AutoencoderTinyBlockImpl::AutoencoderTinyBlockImpl(int64_t in_channels, int64_t out_channels) {
  auto conv = register_module("conv", std::make_shared<torch::nn::Module>());
  for (int64_t i = 0; i < 3; ++i) {
    convs_.push_back(conv->register_module(std::to_string(2 * i),
                                           Conv2d(i == 0 ? in_channels : out_channels, out_channels, 3, 1, 1)));
  }
  if (in_channels != out_channels) skip_ = register_module("skip", Conv2d(in_channels, out_channels, 1, 1, 0, false));
}

at::Tensor AutoencoderTinyBlockImpl::forward(const at::Tensor& input) const {
  at::Tensor hidden = at::relu(convs_[0]->forward(input));
  hidden = convs_[2]->forward(at::relu(convs_[1]->forward(hidden)));
  return at::relu(hidden + (skip_ ? skip_->forward(input) : input));
}

DecoderTinyImpl::DecoderTinyImpl(const AutoencoderTinyConfig& config) {
  auto sequential = register_module("layers", std::make_shared<torch::nn::Module>());
  int64_t index = 0;
  const auto add_module = [&](auto holder) {
    sequential->register_module(std::to_string(index++), holder);
    layers_.emplace_back([holder](const at::Tensor& x) { return holder->forward(x); });
  };
  const auto add_function = [&](std::function<at::Tensor(const at::Tensor&)> function) {
    ++index;
    layers_.push_back(std::move(function));
  };
  const auto relu = [](const at::Tensor& x) { return at::relu(x); };
  const auto upsample = [factor = config.upsampling_scaling_factor](const at::Tensor& x) {
    return at::upsample_nearest2d(x, {x.size(2) * factor, x.size(3) * factor});
  };

  const std::vector<int64_t>& widths = config.decoder_block_out_channels;
  add_module(Conv2d(config.latent_channels, widths.front(), 3, 1, 1));
  add_function(relu);
  for (size_t i = 0; i < widths.size(); ++i) {
    const bool is_final_block = i + 1 == widths.size();
    for (int64_t block = 0; block < config.num_decoder_blocks[i]; ++block)
      add_module(AutoencoderTinyBlock(widths[i], widths[i]));
    if (!is_final_block) add_function(upsample);
    // Only the last convolution, the one that makes the colours, has a bias.
    add_module(Conv2d(widths[i], is_final_block ? config.out_channels : widths[i], 3, 1, 1, is_final_block));
  }
}

at::Tensor DecoderTinyImpl::forward(const at::Tensor& latents) const {
  at::Tensor hidden = soft_clamp(latents);
  for (const auto& layer : layers_) hidden = layer(hidden);
  // The layers make [0, 1] images; diffusers maps them to the [-1, 1] its other VAEs give.
  return hidden.mul(2).sub(1);
}

AutoencoderTiny::AutoencoderTiny(const AutoencoderTinyConfig& config)
    : config_(config), decoder_(register_module("decoder", DecoderTiny(config))) {}

at::Tensor AutoencoderTiny::decode(const at::Tensor& latents) const {
  if (latents.dim() != 4 || latents.size(1) != config_.latent_channels) {
    throw Error("TAESD: latents must be [N, " + std::to_string(config_.latent_channels) + ", h, w], got " +
                c10::str(latents.sizes()));
  }
  // As StableDiffusionPipeline decodes with it: latents / scaling_factor (1 for TAESD), then the
  // image processor's denormalisation (x / 2 + 0.5, clamped), which undoes DecoderTiny's last map.
  // In float32 whatever the latents' dtype: the decoder is small and its weights are float32.
  const at::Tensor images = decoder_->forward(latents.to(at::kFloat) / config_.scaling_factor);
  return (images * 0.5 + 0.5).clamp(0, 1);
}

fs::path find_taesd(const fs::path& folder) {
  if (!folder.empty()) {
    if (!fs::is_directory(folder)) throw Error("the TAESD folder " + folder.string() + " does not exist");
    return folder;
  }
  const fs::path cache = hf_hub_cache();
  if (const auto snapshot = hf_cached_snapshot(cache, kRepoId)) return *snapshot;
  throw Error(std::string("no TAESD: ") + kRepoId + " is not in the Hugging Face cache (" + cache.string() +
              ") and no TAESD folder is set");
}

std::shared_ptr<AutoencoderTiny> load_taesd(const fs::path& folder, const WeightLoadOptions& options,
                                            std::vector<std::string>* warnings) {
  const fs::path config_file = folder / "config.json";
  const AutoencoderTinyConfig config =
      AutoencoderTinyConfig::from_json(read_json_file(config_file), config_file.string());
  const fs::path weights = folder / kWeightsFile;
  if (!fs::is_regular_file(weights)) {
    throw Error(folder.string() + ": no " + kWeightsFile + " (TAESD is read only from safetensors)");
  }
  const auto file = SafetensorsFile::open(weights);
  WeightLoadOptions without_encoder = options;
  for (const TensorInfo& tensor : file->tensors())
    if (tensor.name.starts_with("encoder.")) without_encoder.known_extras.push_back(tensor.name);
  const WeightSource source(file);
  auto taesd = build_for_weights(source, [&] { return std::make_shared<AutoencoderTiny>(config); });
  load_weights(*taesd, source, without_encoder);
  if (warnings != nullptr) warnings->insert(warnings->end(), config.warnings.begin(), config.warnings.end());
  return taesd;
}

}  // namespace bksdm
