#include "core/pipeline/pipeline.h"

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <thread>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/io/mapped_file_guard.h"
#include "core/io/message_text.h"
#include "core/io/utf8.h"
#include "core/loading/model_index.h"
#include "core/models/autoencoder_kl.h"
#include "core/models/clip_text_model.h"
#include "core/models/config_reader.h"
#include "core/models/unet_2d_condition.h"
#include "core/models/weights.h"
#include "core/pipeline/attention_maps.h"
#include "core/pipeline/non_finite.h"
#include "core/schedulers/scheduler.h"
#include "core/tokenizer/clip_tokenizer.h"

namespace bksdm {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

c10::ScalarType parse_dtype(const std::string& dtype) {
  if (dtype == "fp32") return at::kFloat;
  if (dtype == "fp16") return at::kHalf;
  if (dtype == "bf16") return at::kBFloat16;
  throw Error("unknown dtype '" + dtype + "' (fp32, fp16 or bf16)");
}

c10::Device parse_device(const std::string& device) {
  if (device == "cpu") return at::kCPU;
  if (device == "cuda") {
    if (!at::hasCUDA()) throw Error("no CUDA device: this build or this machine has none (use --device cpu)");
    return at::kCUDA;
  }
  throw Error("unknown device '" + device + "' (cpu or cuda)");
}

void check_request(const GenerationRequest& request) {
  if (request.width % 8 != 0 || request.height % 8 != 0 || request.width <= 0 || request.height <= 0)
    throw Error("width and height must be positive multiples of 8, got " + std::to_string(request.width) + "x" +
                std::to_string(request.height));
  if (request.steps < 1) throw Error("steps must be at least 1, got " + std::to_string(request.steps));
  if (request.num_images < 1) throw Error("images must be at least 1, got " + std::to_string(request.num_images));
  if (!std::isfinite(request.guidance_scale))
    throw Error("guidance must be a finite number, got " + number_text(request.guidance_scale));
  if (!(request.eta >= 0 && request.eta <= 1)) throw Error("eta must be from 0 to 1, got " + number_text(request.eta));
  if (!is_valid_utf8(request.prompt)) throw Error("the prompt is not valid UTF-8");
  if (!is_valid_utf8(request.negative_prompt)) throw Error("the negative prompt is not valid UTF-8");
}

// How torch reports a failed allocation: c10::OutOfMemoryError (CUDA, and the CPU from torch 2 on),
// or on libtorch 1.x's CPU a plain c10::Error from its DefaultCPUAllocator.
bool is_out_of_memory(const c10::Error& error) {
  return dynamic_cast<const c10::OutOfMemoryError*>(&error) != nullptr ||
         std::string(error.what_without_backtrace()).find("DefaultCPUAllocator") != std::string::npos;
}

std::string not_enough_memory(const GenerationRequest& request, const c10::Device& device) {
  return std::string("not enough ") + (device.is_cpu() ? "memory" : "GPU memory") + " for " +
         std::to_string(request.num_images) + " image(s) of " + std::to_string(request.width) + "x" +
         std::to_string(request.height) + ": choose a smaller size or fewer images";
}

// Runs `work`, turning a failed allocation into a bksdm::Error that says what to change.
template <typename Work>
GenerationResult advising_on_memory(const GenerationRequest& request, const c10::Device& device, Work&& work) {
  try {
    return work();
  } catch (const c10::Error& error) {
    if (!is_out_of_memory(error)) throw;
    throw Error(not_enough_memory(request, device) + " (" + error.what_without_backtrace() + ")");
  }
}

// Linux's MemAvailable in bytes, or 0 when unknown.
uint64_t available_memory() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  uint64_t kib = 0;
  while (meminfo >> key >> kib) {
    if (key == "MemAvailable:") return kib * 1024;
    meminfo.ignore(64, '\n');
  }
  return 0;
}

// A lower bound of the memory the VAE decode needs: its last stage holds two float32 maps of
// block_out_channels[0] channels per image, at the full size or, tiled, at a tile's (the images
// themselves then add up).
double decode_bytes(const GenerationRequest& request, const AutoencoderKLConfig& vae, bool tiled) {
  const double width = tiled ? std::min<double>(request.width, vae.sample_size) : request.width;
  const double height = tiled ? std::min<double>(request.height, vae.sample_size) : request.height;
  const double images = tiled ? 3.0 * request.width * request.height : 0;
  return sizeof(float) * request.num_images * (2.0 * double(vae.block_out_channels.front()) * width * height + images);
}

// Refuses at once a CPU run that cannot fit: torch only fails an allocation larger than the machine
// outright, and the U-Net at such sizes runs for hours before the VAE decoder asks for more.
void check_memory(const GenerationRequest& request, const AutoencoderKLConfig& vae, const c10::Device& device) {
  if (!device.is_cpu()) return;
  const double gib = double(1 << 30);
  const double needed = decode_bytes(request, vae, request.tiled_decode);
  const double available = double(available_memory());
  if (available > 0 && needed > available) {
    const bool tiles_would_fit = !request.tiled_decode && decode_bytes(request, vae, true) <= available;
    char amounts[96];
    std::snprintf(amounts, sizeof amounts, " (decoding alone needs over %.1f GiB; %.1f GiB are free)", needed / gib,
                  available / gib);
    throw Error(not_enough_memory(request, device) + (tiles_would_fit ? ", or decode in tiles" : "") + amounts);
  }
}

// Runs build the scheduler they ask for; building the model's own at load reports a broken
// scheduler_config.json before any run, by name.
void check_scheduler_config(const ModelFolder& model, const nlohmann::json& config) {
  try {
    make_scheduler(default_scheduler_name(config), config);
  } catch (const Error& error) {
    throw Error((model.component_dir("scheduler") / "scheduler_config.json").string() + ": " + error.what());
  }
}

// Sets the U-Net's attention observer for one run and removes it however the run ends.
class ObserverScope {
 public:
  ObserverScope(UNet2DConditionModel& unet, AttentionMapAccumulator* maps) : unet_(unet) {
    if (!maps) return;
    unet_->set_attention_observer([maps](const AttentionProbs& seen) {
      if (!AttentionMapAccumulator::uses_layer(seen.layer)) return;
      const int64_t batch = seen.probs.size(0) / seen.heads;
      maps->add(seen.layer, seen.probs.view({batch, seen.heads, seen.probs.size(1), seen.probs.size(2)}),
                seen.grid.height, seen.grid.width);
    });
  }
  ~ObserverScope() { unet_->set_attention_observer({}); }

 private:
  UNet2DConditionModel& unet_;
};

// The dtype the weights are kept in: the computation's, or fp16 in the low-memory mode.
c10::ScalarType weight_dtype(const LoadOptions& options, const c10::Device& device, c10::ScalarType compute) {
  if (!options.low_memory) return compute;
  if (!device.is_cpu()) throw Error("the low-memory mode is for the CPU; on a GPU use --dtype fp16");
  return at::kHalf;
}

// The low-memory mode maps the fp16 files where the folder has them, instead of converting.
ModelFolder weights_folder(const ModelFolder& model, const LoadOptions& options) {
  return options.low_memory && model.variant().empty() ? model.with_variant("fp16") : model;
}

// glibc keeps freed blocks below 32 MiB in its heaps for reuse; after the denoising loop they are
// free memory the VAE decoder's larger maps cannot use, about 0.5 GB at 512x512. Handing them back
// before the decode lowers the run's peak; keeping them during the loop spares each step the page
// faults of fresh memory (a fixed low mmap threshold cost 18% per step).
void release_free_heap_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

// The U-Net attends to the text encoder's hidden states: a mismatch would fail only in the first
// step's attention, with a shape error.
void check_cross_attention_width(const ModelFolder& model, const UNet2DConditionConfig& unet, int64_t text_width) {
  for (const int64_t width : unet.cross_attention_dim)
    if (width != text_width)
      throw Error((model.component_dir("unet") / "config.json").string() + ": cross_attention_dim " +
                  std::to_string(width) + " does not match the text encoder's hidden_size " +
                  std::to_string(text_width) + " (" + (model.component_dir("text_encoder") / "config.json").string() +
                  "): the two do not belong to one model");
}

class Pipeline final : public StableDiffusionPipeline {
 public:
  Pipeline(const ModelFolder& model, const LoadOptions& options)
      : model_(weights_folder(model, options)),
        device_(parse_device(options.device)),
        dtype_(parse_dtype(options.dtype)) {
    if (dtype_ != at::kFloat && device_.is_cpu())
      throw Error("--dtype " + options.dtype + " needs --device cuda: the CPU computes in fp32");
    at::set_num_threads(options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency()));
    check_model_index(model_);
    mapped_files_ = MappedFilesWatch({model_.weights("text_encoder"), model_.weights("unet"), model_.weights("vae")});
    weights_ = WeightLoadOptions{{}, weight_dtype(options, device_, dtype_), device_, {}, false};
    tokenizer_ = ClipTokenizer::load(model_.component_dir("tokenizer"));
    text_encoder_ = load_clip_text_model(model_, weights_);
    const int64_t text_width = text_encoder_->config().hidden_size;
    // Loaded once to check it. On the CPU its weights are views of the mapped files (or, in the
    // low-memory mode, conversions of them), so it is mapped again for each run's two calls instead
    // of keeping a text encoder as large as the U-Net resident while the U-Net and the VAE work.
    if (device_.is_cpu()) text_encoder_.reset();
    unet_ = load_unet(model_, weights_, &warnings_);
    check_cross_attention_width(model_, unet_->config(), text_width);
    // The low-memory mode maps the U-Net for each run as well, so that the VAE decode, the other
    // peak, does not have it resident too.
    if (options.low_memory) unet_ = UNet2DConditionModel(nullptr);
    vae_ = load_autoencoder_kl(model_, weights_);
    scheduler_config_ = model_.config("scheduler");
    check_scheduler_config(model_, scheduler_config_);
    if (const auto unimplemented = unimplemented_scheduler_class(scheduler_config_))
      warnings_.push_back((model_.component_dir("scheduler") / "scheduler_config.json").string() + ": " +
                          *unimplemented + " is not implemented here; the default scheduler is PNDM");
    sample_size_ = ConfigReader(model_.config("unet"), (model_.component_dir("unet") / "config.json").string())
                       .positive("sample_size", 64);
  }

  GenerationResult generate(const GenerationRequest& request, const StepCallback& on_step,
                            const std::atomic<bool>* cancel, const StageCallback& on_stage) override {
    mapped_files_.check();
    const GenerationRequest sized = with_defaults(request);
    check_memory(sized, vae_->config(), device_);
    const StageCallback announce = on_stage ? on_stage : [](RunStage) {};
    return advising_on_memory(sized, device_, [&] { return run(request, on_step, cancel, announce); });
  }

  GenerationResult run(const GenerationRequest& original, const StepCallback& on_step,
                       const std::atomic<bool>* cancel, const StageCallback& announce) {
    const auto start = Clock::now();
    GenerationRequest request = with_defaults(original);
    check_request(request);
    GenerationResult result;
    const bool guided = request.guidance_scale > 1.0;
    const NonFiniteCheck check_finite(model_, request, dtype_ != at::kFloat);

    announce(RunStage::EncodingPrompt);
    auto phase = Clock::now();
    const at::Tensor context = encode_prompts(request, guided, result);
    mapped_files_.check();
    check_finite(RunValues::PromptEmbeddings, context);
    result.times.text_encoder = seconds_since(phase);

    auto scheduler = make_scheduler(request.scheduler, scheduler_config_, request.eta);
    scheduler->set_timesteps(request.steps);
    result.timesteps = scheduler->timesteps();

    at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(request.seed);
    const int64_t h = request.height / vae_->downscale_factor(), w = request.width / vae_->downscale_factor();
    at::Tensor latents =
        randn_tensor({request.num_images, 4, h, w}, generator, at::kFloat, device_) * scheduler->init_noise_sigma();

    std::unique_ptr<AttentionMapAccumulator> maps;
    if (request.attention_maps || request.attention_maps_per_step)
      maps = std::make_unique<AttentionMapAccumulator>(request.num_images, guided);
    at::Tensor exact_maps;  // computed once, at the last step or the end
    const auto final_maps = [&](const AttentionMapAccumulator& accumulated) {
      if (!exact_maps.defined()) exact_maps = accumulated.maps(h, w);
      return exact_maps;
    };
    std::vector<at::Tensor> step_latents;
    UNet2DConditionModel unet = unet_.is_empty() ? load_unet(model_, weights_) : unet_;
    announce(RunStage::Denoising);
    {
      ObserverScope observing(unet, maps.get());
      for (size_t i = 0; i < result.timesteps.size(); ++i) {
        if (cancel && cancel->load()) throw Cancelled();
        const auto step_start = Clock::now();
        const at::Tensor noise_pred =
            predict_noise(*unet, *scheduler, latents, i, context, request.guidance_scale, guided);
        mapped_files_.check();
        check_finite(RunValues::NoisePrediction, noise_pred, int(i));
        result.times.unet += seconds_since(step_start);
        const auto scheduler_start = Clock::now();
        StepOutput out = scheduler->step(noise_pred, i, latents, generator);
        result.times.scheduler += seconds_since(scheduler_start);
        latents = out.prev_sample;
        check_finite(RunValues::Latents, latents, int(i));
        if (request.keep_step_latents) step_latents.push_back(latents.to(at::kCPU));
        if (on_step) {
          StepInfo info{int(i), int(result.timesteps.size()), result.timesteps[i], seconds_since(step_start),
                        latents, out.pred_original_sample, {}};
          // The last step's are the run's maps exactly; the others cost a fraction of a step.
          const bool last = i + 1 == result.timesteps.size();
          if (request.attention_maps_per_step) info.attention = last ? final_maps(*maps) : maps->running_maps(h, w);
          on_step(info);
        }
      }
    }
    unet = UNet2DConditionModel(nullptr);
    if (cancel && cancel->load()) throw Cancelled();
    check_finite(RunValues::DecoderInput, decoder_input(latents));
    release_free_heap_memory();

    announce(RunStage::Decoding);
    phase = Clock::now();
    result.images = decode(latents, request.tiled_decode);
    mapped_files_.check();
    check_finite(RunValues::Images, result.images);
    result.times.vae = seconds_since(phase);
    result.latents = latents.to(at::kCPU);
    if (request.keep_step_latents) result.step_latents = at::stack(step_latents);
    if (request.attention_maps && maps && !maps->empty()) result.attention = final_maps(*maps).to(at::kCPU);
    result.times.total = seconds_since(start);
    return result;
  }

  const ClipTokenizer& tokenizer() const override { return *tokenizer_; }
  std::vector<int> token_ids(const std::string& prompt) const override { return tokenizer_->encode(prompt); }
  int default_size() const override { return int(sample_size_ * vae_->downscale_factor()); }
  std::string default_scheduler() const override { return default_scheduler_name(scheduler_config_); }
  const ModelFolder& model() const override { return model_; }
  const std::vector<std::string>& warnings() const override { return warnings_; }

  at::Tensor decode(const at::Tensor& latents) override { return decode(latents, false); }

  at::Tensor decode(const at::Tensor& latents, bool tiled) const {
    at::NoGradGuard no_grad;
    const at::Tensor scaled = decoder_input(latents).to(device_, dtype_);
    const at::Tensor images = tiled ? vae_->tiled_decode(scaled) : vae_->decode(scaled);
    return (images.to(at::kFloat) / 2 + 0.5).clamp_(0, 1).to(at::kCPU);
  }

 private:
  GenerationRequest with_defaults(GenerationRequest request) const {
    if (request.width == 0) request.width = default_size();
    if (request.height == 0) request.height = default_size();
    return request;
  }

  // The VAE decodes latents in its own scale.
  at::Tensor decoder_input(const at::Tensor& latents) const { return latents / vae_->config().scaling_factor; }

  // [negative; prompt] embeddings, each repeated per image (the prompt alone without guidance).
  at::Tensor encode_prompts(const GenerationRequest& request, bool guided, GenerationResult& result) {
    at::NoGradGuard no_grad;
    const TokenizedPrompt prompt = tokenizer_->encode_for_model(request.prompt);
    result.prompt_ids = prompt.input_ids;
    result.prompt_truncated = prompt.truncated_tokens > 0;
    const std::shared_ptr<CLIPTextModel> encoder = text_encoder_ ? text_encoder_ : load_clip_text_model(model_, weights_);
    at::Tensor embeds = embed(*encoder, prompt.input_ids).repeat({request.num_images, 1, 1});
    if (!guided) return embeds;
    const at::Tensor negative = embed(*encoder, tokenizer_->encode_for_model(request.negative_prompt).input_ids)
                                    .repeat({request.num_images, 1, 1});
    return at::cat({negative, embeds});
  }

  at::Tensor embed(const CLIPTextModel& encoder, const std::vector<int>& ids) const {
    const at::Tensor input = at::tensor(std::vector<int64_t>(ids.begin(), ids.end()), at::kLong).unsqueeze(0);
    return encoder.forward(input.to(device_));
  }

  at::Tensor predict_noise(const UNet2DConditionModelImpl& unet, const Scheduler& scheduler, const at::Tensor& latents,
                           size_t index, const at::Tensor& context, double guidance_scale, bool guided) const {
    at::NoGradGuard no_grad;
    const at::Tensor input = scheduler.scale_model_input(guided ? at::cat({latents, latents}) : latents, index);
    const at::Tensor noise = unet.forward(input.to(dtype_), scheduler.timesteps()[index], context).to(at::kFloat);
    if (!guided) return noise;
    const auto halves = noise.chunk(2);
    return halves[0] + guidance_scale * (halves[1] - halves[0]);
  }

  ModelFolder model_;
  c10::Device device_;
  c10::ScalarType dtype_;
  std::shared_ptr<ClipTokenizer> tokenizer_;
  WeightLoadOptions weights_;
  std::shared_ptr<CLIPTextModel> text_encoder_;  // null on the CPU: loaded per run
  UNet2DConditionModel unet_{nullptr};  // empty in the low-memory mode: loaded per run
  std::shared_ptr<AutoencoderKL> vae_;
  nlohmann::json scheduler_config_;
  int64_t sample_size_ = 64;
  std::vector<std::string> warnings_;
  MappedFilesWatch mapped_files_;
};

}  // namespace

std::unique_ptr<StableDiffusionPipeline> StableDiffusionPipeline::load(const ModelFolder& model,
                                                                       const LoadOptions& options) {
  return std::make_unique<Pipeline>(model, options);
}

}  // namespace bksdm
