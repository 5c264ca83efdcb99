#include "core/pipeline/pipeline.h"

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <thread>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include "core/device/cpu_features.h"
#include "core/device/cuda_devices.h"
#include "core/io/error.h"
#include "core/io/mapped_file_guard.h"
#include "core/io/message_text.h"
#include "core/io/utf8.h"
#include "core/loading/model_index.h"
#include "core/loading/model_summary.h"
#include "core/models/autoencoder_kl.h"
#include "core/models/clip_text_model.h"
#include "core/models/bk_sdm_copy_table.h"
#include "core/models/config_reader.h"
#include "core/models/lora.h"
#include "core/models/single_file.h"
#include "core/models/textual_inversion.h"
#include "core/models/unet_2d_condition.h"
#include "core/models/weights.h"
#include "core/pipeline/attention_maps.h"
#include "core/pipeline/conditioning.h"
#include "core/pipeline/conditioning_cache.h"
#include "core/pipeline/image_input.h"
#include "core/pipeline/memory_check.h"
#include "core/pipeline/non_finite.h"
#include "core/pipeline/prompt_encoding.h"
#include "core/pipeline/variation_noise.h"
#include "core/prompt/extra_networks.h"
#include "core/prompt/prompt_schedule.h"
#include "core/schedulers/scheduler.h"
#include "core/tokenizer/clip_tokenizer.h"

namespace bksdm {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The text encoder's token embedding, which textual inversions extend.
constexpr const char* kTokenEmbedding = "text_model.embeddings.token_embedding.weight";

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
  if (request.steps < 1 || request.steps > kMaxSteps)
    throw Error("steps must be from 1 to " + std::to_string(kMaxSteps) + ", got " + std::to_string(request.steps));
  if (request.num_images < 1 || request.num_images > kMaxImages)
    throw Error("images must be from 1 to " + std::to_string(kMaxImages) + ", got " + std::to_string(request.num_images));
  if (!std::isfinite(request.guidance_scale))
    throw Error("guidance must be a finite number, got " + number_text(request.guidance_scale));
  if (!(request.eta >= 0 && request.eta <= 1)) throw Error("eta must be from 0 to 1, got " + number_text(request.eta));
  if (!(request.subseed_strength >= 0 && request.subseed_strength <= 1))
    throw Error("the variation strength must be from 0 to 1, got " + number_text(request.subseed_strength));
  if (!is_valid_utf8(request.prompt)) throw Error("the prompt is not valid UTF-8");
  if (!is_valid_utf8(request.negative_prompt)) throw Error("the negative prompt is not valid UTF-8");
}

// How torch reports a failed allocation: c10::OutOfMemoryError (CUDA, and the CPU from torch 2 on),
// or on libtorch 1.x's CPU a plain c10::Error from its DefaultCPUAllocator.
bool is_out_of_memory(const c10::Error& error) {
  return dynamic_cast<const c10::OutOfMemoryError*>(&error) != nullptr ||
         std::string(error.what_without_backtrace()).find("DefaultCPUAllocator") != std::string::npos;
}

// Runs `work`, turning a failed allocation into a bksdm::Error that says what to change.
template <typename Work>
GenerationResult advising_on_memory(const GenerationRequest& request, const MemoryPlace& place, Work&& work) {
  try {
    return work();
  } catch (const c10::Error& error) {
    if (!is_out_of_memory(error)) throw;
    throw Error(not_enough_memory(request, place, false) + " (" + error.what_without_backtrace() + ")");
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

// A result's tensor on the CPU; undefined stays undefined.
at::Tensor on_cpu(const at::Tensor& values) { return values.defined() ? values.to(at::kCPU) : values; }

// Watches the denoising loop: sees each step's result once the scheduler has made it.
class LoopObserver {
 public:
  virtual ~LoopObserver() = default;
  virtual void after_step(StepInfo& step) = 0;
};

// DAAM's maps of one prompt of a run (the prompt's, or the negative's): over the whole run, and,
// for an edited prompt, each text's over the iterations it was in force.
class PromptMaps {
 public:
  PromptMaps(int64_t images, int64_t first_row, const Conditioning::Texts& texts)
      : maps_(images, first_row), text_at_(texts.at) {
    if (texts.texts.size() > 1) texts_.assign(texts.texts.size(), maps_);
  }

  void add(size_t iteration, const AttentionProbs& seen, const at::Tensor& probs) {
    maps_.add(seen.layer, probs, seen.grid.height, seen.grid.width);
    if (texts_.empty()) return;
    const size_t text = iteration < text_at_.size() ? text_at_[iteration] : 0;
    texts_[text].add(seen.layer, probs, seen.grid.height, seen.grid.width);
  }

  // The running maps after a step, into `maps` and `texts`; after the last, the exact ones.
  void put_running(bool last, int64_t h, int64_t w, at::Tensor& maps, std::vector<at::Tensor>& texts) {
    maps = last ? final_maps(h, w) : maps_.running_maps(h, w);
    for (size_t t = 0; t < texts_.size(); ++t)
      texts.push_back(last ? final_text_maps(h, w)[t].maps : texts_[t].running_maps(h, w));
  }

  std::vector<LayerAttention> layer_sums() const { return maps_.layer_sums(); }

  // Undefined when no layer was seen (a U-Net without cross-attention in its down and up blocks).
  at::Tensor final_maps(int64_t h, int64_t w) {
    if (!exact_.defined() && !maps_.empty()) exact_ = maps_.maps(h, w);
    return exact_;
  }

  // Each text's maps, in Conditioning::Texts' order; none for a prompt of one text. A text never in
  // force has undefined maps.
  const std::vector<TextAttention>& final_text_maps(int64_t h, int64_t w) {
    if (exact_texts_.empty() && !texts_.empty()) {
      for (size_t t = 0; t < texts_.size(); ++t) {
        TextAttention text{{}, {}, texts_[t].empty() ? at::Tensor() : texts_[t].maps(h, w)};
        for (size_t i = 0; i < text_at_.size(); ++i)
          if (text_at_[i] == t) text.iterations.push_back(int(i));
        exact_texts_.push_back(std::move(text));
      }
    }
    return exact_texts_;
  }

 private:
  AttentionMapAccumulator maps_;
  std::vector<AttentionMapAccumulator> texts_;  // one per text of an edited prompt
  std::vector<size_t> text_at_;
  at::Tensor exact_;  // computed once, at the last step or the end
  std::vector<TextAttention> exact_texts_;
};

// The U-Net calls that follow: the guided batch in one (or an unguided call), or, where the
// negative and the prompt differ in length, the negative's call or the prompt's.
enum class UNetCall { Batch, NegativeAlone, PromptAlone };

// DAAM's maps of one run: it watches the U-Net's cross-attention while it exists, and puts the
// running maps into each step it sees when asked to; the negative's on request.
class AttentionRecorder final : public LoopObserver {
 public:
  AttentionRecorder(UNet2DConditionModel& unet, const GenerationRequest& request, int64_t h, int64_t w,
                    const Conditioning& conditioning)
      : unet_(unet),
        prompt_(request.num_images, conditioning.guided_in_one_batch() ? request.num_images : 0,
                conditioning.prompt_texts),
        per_step_(request.attention_maps_per_step),
        per_layer_(request.attention_maps_per_layer),
        h_(h),
        w_(w) {
    if (request.negative_attention_maps && !conditioning.negative_texts.texts.empty())
      negative_.emplace(request.num_images, 0, conditioning.negative_texts);
    unet_->set_attention_observer([this](const AttentionProbs& seen) {
      if (!AttentionMapAccumulator::uses_layer(seen.layer)) return;
      const int64_t batch = seen.probs.size(0) / seen.heads;
      const at::Tensor probs = seen.probs.view({batch, seen.heads, seen.probs.size(1), seen.probs.size(2)});
      if (call_ != UNetCall::NegativeAlone) prompt_.add(iteration_, seen, probs);
      if (negative_ && call_ != UNetCall::PromptAlone) negative_->add(iteration_, seen, probs);
    });
  }
  ~AttentionRecorder() override { unet_->set_attention_observer({}); }

  void listen(UNetCall call) { call_ = call; }

  // The last step's are the run's maps exactly; the others cost a fraction of a step.
  void after_step(StepInfo& step) override {
    ++iteration_;
    if (!per_step_) return;
    const bool last = step.step + 1 == step.total;
    prompt_.put_running(last, h_, w_, step.attention, step.text_attention);
    if (negative_) negative_->put_running(last, h_, w_, step.negative_attention, step.negative_text_attention);
  }

  // The run's maps into `result`, on the CPU, each text of an edited prompt named.
  void put_final(GenerationResult& result, const Conditioning& conditioning) {
    result.attention = on_cpu(prompt_.final_maps(h_, w_));
    result.text_attention = named(prompt_.final_text_maps(h_, w_), conditioning.prompt_texts);
    if (per_layer_)
      for (LayerAttention layer : prompt_.layer_sums()) {
        layer.sums = on_cpu(layer.sums);
        result.layer_attention.push_back(std::move(layer));
      }
    if (!negative_) return;
    result.negative_attention = on_cpu(negative_->final_maps(h_, w_));
    result.negative_text_attention = named(negative_->final_text_maps(h_, w_), conditioning.negative_texts);
  }

 private:
  static std::vector<TextAttention> named(std::vector<TextAttention> maps, const Conditioning::Texts& texts) {
    for (size_t t = 0; t < maps.size(); ++t) {
      maps[t].text = texts.texts[t];
      maps[t].maps = on_cpu(maps[t].maps);
    }
    return maps;
  }

  UNet2DConditionModel& unet_;
  PromptMaps prompt_;
  std::optional<PromptMaps> negative_;
  size_t iteration_ = 0;
  UNetCall call_ = UNetCall::Batch;
  bool per_step_;
  bool per_layer_;
  int64_t h_, w_;
};

// The caller's step callback, last in line so that it sees what the other observers added.
class StepCallbackObserver final : public LoopObserver {
 public:
  explicit StepCallbackObserver(const StepCallback& on_step) : on_step_(on_step) {}
  void after_step(StepInfo& step) override { on_step_(step); }

 private:
  const StepCallback& on_step_;
};

// What prepare_latents made: the first latents, and the init latents (undefined without an init
// image) and the noise they were made from, which inpainting keeps using.
struct PreparedLatents {
  at::Tensor latents, init, noise;
};

// Inpainting with a 4-channel U-Net (diffusers' StableDiffusionInpaintPipeline): after each step the
// region outside the mask is the init latents at the next call's noise level, so that the painted
// region grows into an image that stays what it was elsewhere.
class KeptRegion {
 public:
  KeptRegion(at::Tensor init, at::Tensor noise, at::Tensor mask)
      : init_(std::move(init)), noise_(std::move(noise)), mask_(std::move(mask)) {}

  at::Tensor put_back(const Scheduler& scheduler, const at::Tensor& latents, size_t step_index) const {
    const bool last = step_index + 1 == scheduler.timesteps().size();
    const at::Tensor outside = last ? init_ : scheduler.add_noise(init_, noise_, step_index + 1);
    return (1 - mask_) * outside + mask_ * latents;
  }

 private:
  at::Tensor init_, noise_, mask_;
};

// The dtype the weights are kept in: the computation's, or fp16 in the low-memory mode.
c10::ScalarType weight_dtype(const LoadOptions& options, const c10::Device& device, c10::ScalarType compute) {
  if (!options.low_memory) return compute;
  if (!device.is_cpu()) throw Error("the low-memory mode is for the CPU; on a GPU use --dtype fp16");
  if (compute != at::kFloat)
    throw Error("the low-memory mode computes in fp32 from 16-bit weights; --dtype bf16 keeps its weights in bf16, "
                "half the memory already: use one or the other");
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
        dtype_(parse_dtype(options.dtype)),
        fused_attention_(options.fused_attention),
        channels_last_(options.channels_last) {
    if (dtype_ == at::kHalf && device_.is_cpu())
      throw Error("--dtype fp16 needs --device cuda: the CPU computes in fp32 or, where it has bf16 units, bf16");
    if (dtype_ == at::kBFloat16 && device_.is_cpu() && !cpu_has_bf16())
      throw Error("--dtype bf16 on the CPU needs its bf16 units (avx512_bf16 or AMX), which this CPU lacks: bf16 "
                  "would run many times slower than fp32 here");
    at::set_num_threads(options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency()));
    check_model_index(model_);
    const std::filesystem::path vae_file = options.vae.empty() ? model_.weights("vae") : vae_weights(options.vae);
    mapped_files_ = MappedFilesWatch({model_.weights("text_encoder"), model_.weights("unet"), vae_file});
    weights_ = WeightLoadOptions{{}, weight_dtype(options, device_, dtype_), device_, {}, false, {}};
    tokenizer_ = ClipTokenizer::load(model_.component_dir("tokenizer"));
    run_tokenizer_ = tokenizer_;
    text_encoder_ = load_clip_text_model(model_, weights_);
    weight_shapes_["text_encoder"] = parameter_shapes(*text_encoder_);
    const int64_t text_width = text_encoder_->config().hidden_size;
    text_encoder_layers_ = int(text_encoder_->config().num_hidden_layers);
    // Loaded once to check it. On the CPU its weights are views of the mapped files (or, in the
    // low-memory mode, conversions of them), so it is mapped again for each run's two calls instead
    // of keeping a text encoder as large as the U-Net resident while the U-Net and the VAE work.
    if (device_.is_cpu()) text_encoder_.reset();
    unet_ = configured(load_unet(model_, weights_, &warnings_));
    if (!model_.single_file().empty()) warn_of_unread_tensors(SingleFileCheckpoint::open(model_.single_file()));
    weight_shapes_["unet"] = parameter_shapes(*unet_);
    unet_layout_ = unet_layout(model_.config("unet"));
    check_cross_attention_width(model_, unet_->config(), text_width);
    const int64_t unet_channels = unet_->config().in_channels;
    // The low-memory mode maps the U-Net for each run as well, so that the VAE decode, the other
    // peak, does not have it resident too.
    if (options.low_memory) unet_ = UNet2DConditionModel(nullptr);
    // The encoder stays in the mapping until an image input needs it: on a GPU it would hold memory
    // that text-to-image never uses.
    WeightLoadOptions vae_options = weights_;
    vae_options.device = at::kCPU;
    vae_ = options.vae.empty() ? load_autoencoder_kl(model_, vae_options) : load_autoencoder_kl(options.vae, model_, vae_options);
    if (!options.vae.empty() && vae_->config().latent_channels != unet_channels)
      throw Error(options.vae + ": a VAE of " + std::to_string(vae_->config().latent_channels) +
                  " latent channels, and this model's U-Net takes " + std::to_string(unet_channels) +
                  ": it belongs to another kind of model");
    vae_->move_decoder(device_);
    if (!device_.is_cpu()) gpu_bytes_ = gpu_memory(device_);
    scheduler_config_ = model_.config("scheduler");
    check_scheduler_config(model_, scheduler_config_);
    if (const auto unimplemented = unimplemented_scheduler_class(scheduler_config_))
      warnings_.push_back((model_.component_dir("scheduler") / "scheduler_config.json").string() + ": " +
                          *unimplemented + " is not implemented here; the default scheduler is PNDM");
    sample_size_ = ConfigReader(model_.config("unet"), (model_.component_dir("unet") / "config.json").string())
                       .positive("sample_size", 64);
  }

  GenerationResult generate(const GenerationRequest& request, const StepCallback& on_step,
                            const std::atomic<bool>* cancel, const StageCallback& on_stage,
                            const LatentInputs& inputs) override {
    mapped_files_.check();
    const GenerationRequest resolved = this->resolved(request);
    check_request(resolved);
    check_image_inputs(resolved);
    if (!resolved.init_image.empty() && (inputs.init_latents.defined() || inputs.start_index > 0))
      throw Error("a run starts from an init image or from given latents, not both");
    const MemoryPlace place = memory_place();
    check_decode_memory(resolved, vae_->config(), place);
    const std::vector<std::string> notes = apply_adapters(resolved);
    const StageCallback announce = on_stage ? on_stage : [](RunStage) {};
    GenerationResult result =
        advising_on_memory(resolved, place, [&] { return run(resolved, inputs, on_step, cancel, announce); });
    result.notes = notes;
    return result;
  }

  // diffusers' StableDiffusionPipeline.__call__, stage by stage.
  GenerationResult run(const GenerationRequest& request, const LatentInputs& inputs, const StepCallback& on_step,
                       const std::atomic<bool>* cancel, const StageCallback& announce) {
    const auto start = Clock::now();
    GenerationResult result;
    result.request = request;
    const bool guided = request.guidance_scale > 1.0;
    NonFiniteCheck check_finite(model_, request, dtype_ != at::kFloat);

    // 1. The timesteps, which a prompt's schedule is laid onto; an init image's strength says where
    // the run starts
    const size_t start_index =
        request.init_image.empty() ? inputs.start_index : strength_start_index(request.steps, request.strength);
    const std::unique_ptr<Scheduler> scheduler = prepare_timesteps(request, start_index);
    result.timesteps = run_timesteps(*scheduler, start_index);

    // 2. The prompt and the negative prompt
    announce(RunStage::EncodingPrompt);
    const ConditioningCache::Key key =
        ConditioningCache::key_of(request, guided, result.timesteps.size(), text_encoder_version_);
    const Conditioning conditioning = conditionings_.get(
        key, [&] { return encode_prompt(request, guided, result.timesteps.size()); }, &result.conditioning_reused);
    mapped_files_.check();
    for (const Conditioning::Embeddings& embeddings : conditioning.entries)
      for (const at::Tensor& values : {embeddings.prompt, embeddings.negative})
        if (values.defined()) check_finite(RunValues::PromptEmbeddings, values);
    result.prompt_tokens = conditioning.prompt_tokens;
    result.prompt_embeds = on_cpu(conditioning.prompt_embeds);
    result.negative_prompt_embeds = on_cpu(conditioning.negative_prompt_embeds);
    result.times.text_encoder = seconds_since(start);

    // 3. The image inputs' latents, then the first latents, drawn in diffusers' order: the init image's
    // VAE sample, the noise, and for inpainting the masked image's sample
    NoiseSource noise = noise_source(request, request.seed);
    const LatentInputs image_inputs = request.init_image.empty() ? inputs : encode_image_inputs(request, noise);
    const PreparedLatents prepared = prepare_latents(request, *scheduler, noise, image_inputs);
    at::Tensor latents = prepared.latents;
    std::optional<KeptRegion> kept;
    if (image_inputs.mask.defined()) kept.emplace(prepared.init, prepared.noise, given_mask(image_inputs.mask, latents));
    if (!request.mask.empty()) draw_masked_image_sample(request, noise);

    // 4. The denoising loop
    announce(RunStage::Denoising);
    UNet2DConditionModel unet = unet_.is_empty() ? configured(load_unet(model_, load_options("unet"))) : unet_;
    std::optional<AttentionRecorder> attention;
    if (request.attention_maps || request.attention_maps_per_step)
      attention.emplace(unet, request, latents.size(2), latents.size(3), conditioning);
    std::optional<StepCallbackObserver> callback;
    if (on_step) callback.emplace(on_step);
    std::vector<LoopObserver*> observers;
    if (attention) observers.push_back(&*attention);
    if (callback) observers.push_back(&*callback);
    std::vector<at::Tensor> step_latents;
    latents = denoise(*unet, *scheduler, conditioning, std::move(latents), start_index, request, noise,
                      kept ? &*kept : nullptr, attention ? &*attention : nullptr, observers, cancel, check_finite,
                      result.times,
                      request.keep_step_latents ? &step_latents : nullptr);
    if (attention && request.attention_maps) attention->put_final(result, conditioning);
    attention.reset();
    unet = UNet2DConditionModel(nullptr);
    if (cancel && cancel->load()) throw Cancelled();
    check_finite(RunValues::DecoderInput, decoder_input(latents));
    release_free_heap_memory();

    // 5. The decode
    announce(RunStage::Decoding);
    const auto decode_start = Clock::now();
    result.images = decode(latents, request.tiled_decode);
    mapped_files_.check();
    check_finite(RunValues::Images, result.images);
    result.times.vae = seconds_since(decode_start);
    result.latents = latents.to(at::kCPU);
    if (request.keep_step_latents) result.step_latents = at::stack(step_latents);
    result.times.total = seconds_since(start);
    return result;
  }

  GenerationRequest resolved(const GenerationRequest& given) const override {
    GenerationRequest request = with_image_size(given, int(vae_->downscale_factor()));
    if (request.width == 0) request.width = default_size();
    if (request.height == 0) request.height = default_size();
    if (request.scheduler.empty()) request.scheduler = default_scheduler();
    request.precision = dtype_ == at::kFloat ? "" : dtype_ == at::kHalf ? "fp16" : "bf16";
    return request;
  }

  const ClipTokenizer& tokenizer() const override { return *tokenizer_; }
  TokenizedPrompt prompt_tokens(const std::string& prompt) const override { return tokenizer_->encode_for_model(prompt); }
  std::shared_ptr<const ClipTokenizer> tokenizer_with_embeddings(const std::string& embeddings) const override {
    if (embeddings.empty()) return tokenizer_;
    return tokenizer_with(read_textual_inversions(embeddings, token_width()));
  }
  int text_encoder_layers() const override { return text_encoder_layers_; }
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
  static std::map<std::string, std::vector<int64_t>> parameter_shapes(const torch::nn::Module& module) {
    std::map<std::string, std::vector<int64_t>> shapes;
    for (const auto& item : module.named_parameters(true)) shapes[item.key()] = item.value().sizes().vec();
    return shapes;
  }

  // The request's LoRAs and textual inversions as the components load from now on, each file read
  // once; the resident components loaded again from their mappings when they changed, which also
  // takes a removed LoRA out exactly. What each LoRA changes, for the result; a LoRA or an embedding
  // that does not fit this model is refused here, before any work.
  std::vector<std::string> apply_adapters(const GenerationRequest& request) {
    std::vector<LoraUse> loras;
    for (const LoraSetting& setting : request.loras) {
      std::shared_ptr<const LoraFile>& file = lora_files_[setting.file];
      if (!file) file = LoraFile::read(setting.file);
      loras.push_back({file, setting.multiplier, {}});
      if (request.lora_teacher_blocks)
        loras.back().unet_name = [layout = unet_layout_](const std::string& name) { return teacher_parameter(layout, name); };
    }
    std::vector<std::string> notes = reported(loras, request.lora_teacher_blocks);
    if (request.lora_teacher_blocks && !request.loras.empty() && !has_copy_table(unet_layout_))
      notes.push_back("the U-Net is not BK-SDM's (" + unet_layout_ + "): its LoRAs merge by their own names");
    if (request.loras == merged_loras_ && request.lora_teacher_blocks == merged_teacher_blocks_ &&
        request.embeddings == embeddings_dir_)
      return notes;
    if (request.embeddings != embeddings_dir_) {
      textual_inversions_ = request.embeddings.empty() ? std::vector<TextualInversion>{}
                                                       : read_textual_inversions(request.embeddings, token_width());
      run_tokenizer_ = tokenizer_with(textual_inversions_);
      embeddings_dir_ = request.embeddings;
    }
    ++text_encoder_version_;
    loras_ = std::move(loras);
    merged_loras_ = request.loras;
    merged_teacher_blocks_ = request.lora_teacher_blocks;
    if (text_encoder_) text_encoder_ = load_clip_text_model(model_, load_options("text_encoder"));
    if (!unet_.is_empty()) unet_ = configured(load_unet(model_, load_options("unet")));
    return notes;
  }

  // A single file's tensors that no component reads, beyond the LDM leftovers every such file has.
  void warn_of_unread_tensors(const SingleFileCheckpoint& checkpoint) {
    constexpr size_t kNamed = 5;
    const std::vector<std::string> unread = checkpoint.unread_tensors();
    if (unread.empty()) return;
    std::string names;
    for (size_t i = 0; i < std::min(unread.size(), kNamed); ++i) names += (i ? ", " : "") + unread[i];
    warnings_.push_back(checkpoint.path().string() + ": " + std::to_string(unread.size()) +
                        " tensor(s) that no component reads, ignored: " + names +
                        (unread.size() > kNamed ? ", ..." : ""));
  }

  // lora_report's lines; a LoRA that does not fit a BK-SDM model by its own names may be its teacher's.
  std::vector<std::string> reported(const std::vector<LoraUse>& loras, bool teacher_blocks) const {
    try {
      return lora_report(loras, weight_shapes_);
    } catch (const Error& error) {
      if (teacher_blocks || !has_copy_table(unet_layout_)) throw;
      throw Error(std::string(error.what()) + ". On this BK-SDM model (" + unet_layout_ +
                  "), a LoRA trained on its teacher merges by BK-SDM's copy table (--lora-teacher-blocks)");
    }
  }

  // The real tokenizer with the inversions' words added as the tokens of their vectors.
  std::shared_ptr<ClipTokenizer> tokenizer_with(const std::vector<TextualInversion>& inversions) const {
    return inversions.empty() ? tokenizer_ : tokenizer_->with_added_tokens(textual_inversion_tokens(inversions));
  }

  // The text encoder's token width, which a textual inversion's vectors must have.
  int64_t token_width() const { return weight_shapes_.at("text_encoder").at(kTokenEmbedding).at(1); }

  // The weights' load options for `component`: the run's LoRAs merged in as they load, and the
  // textual inversions' vectors appended to the token embedding (diffusers' ids from the vocabulary's
  // end on, in the tokens' order).
  WeightLoadOptions load_options(const std::string& component) const {
    WeightLoadOptions options = weights_;
    at::Tensor added;
    if (component == "text_encoder" && !textual_inversions_.empty()) added = textual_inversion_vectors(textual_inversions_);
    if (loras_.empty() && !added.defined()) return options;
    options.adjust = [loras = loras_, component, added](const std::string& parameter, const at::Tensor& value) {
      const at::Tensor merged = merged_weight(loras, component, parameter, value);
      if (!added.defined() || parameter != kTokenEmbedding) return merged;
      return at::cat({merged, added.to(merged.device(), merged.scalar_type())});
    };
    return options;
  }

  // The U-Net as the load options ask it to compute.
  UNet2DConditionModel configured(UNet2DConditionModel unet) const {
    unet->set_fused_attention(fused_attention_);
    if (channels_last_) unet->to_channels_last();
    return unet;
  }

  // The CPU's free memory now, or the GPU's whole memory: what torch's cache holds on a GPU counts
  // as used there, so only a need beyond the card is known to fail.
  MemoryPlace memory_place() const {
    return {!device_.is_cpu(), dtype_ != at::kFloat, device_.is_cpu() ? available_system_memory() : gpu_bytes_};
  }

  static uint64_t gpu_memory(const c10::Device& device) {
    for (const CudaDevice& gpu : cuda_devices())
      if (gpu.index == std::max<int>(device.index(), 0)) return gpu.total_bytes;
    return 0;
  }

  // The VAE decodes latents in its own scale.
  at::Tensor decoder_input(const at::Tensor& latents) const { return latents / vae_->config().scaling_factor; }

  // The only place that tokenizes for the model: the prompt's tokens travel with its embeddings.
  // Without guidance there is no negative.
  Conditioning encode_prompt(const GenerationRequest& request, bool guided, size_t iterations) const {
    at::NoGradGuard no_grad;
    const std::shared_ptr<CLIPTextModel> encoder =
        text_encoder_ ? text_encoder_ : load_clip_text_model(model_, load_options("text_encoder"));
    // A1111's <lora:...> tags choose files; the model never reads them. A textual inversion of
    // several vectors is written out as its tokens, as diffusers does.
    const ClipTokenizer& tokenizer = *run_tokenizer_;
    const bool a1111 = request.prompt_syntax == PromptSyntax::A1111;
    const std::string prompt = tokenizer.expand_added_tokens(a1111 ? take_extra_networks(request.prompt).prompt : request.prompt);
    const std::string negative_prompt = tokenizer.expand_added_tokens(request.negative_prompt);
    Conditioning conditioning;
    conditioning.prompt_tokens = tokenizer.encode_for_model(prompt);
    if (!a1111) {
      conditioning.prompt_texts.texts = {request.prompt};
      if (guided) conditioning.negative_texts.texts = {request.negative_prompt};
      // diffusers applies clip_skip to the prompt alone.
      Conditioning::Embeddings embeddings{embed(*encoder, conditioning.prompt_tokens.input_ids, request.clip_skip), {}};
      if (guided) embeddings.negative = embed(*encoder, tokenizer.encode_for_model(negative_prompt).input_ids, 1);
      conditioning.prompt_embeds = embeddings.prompt;
      conditioning.negative_prompt_embeds = embeddings.negative;
      conditioning.entries.push_back(std::move(embeddings));
      return conditioning;
    }
    const ScheduledPrompt scheduled = encode_scheduled(*encoder, prompt, request);
    const ScheduledPrompt negative = guided ? encode_scheduled(*encoder, negative_prompt, request) : ScheduledPrompt{};
    conditioning.prompt_embeds = scheduled.embeddings;
    conditioning.negative_prompt_embeds = negative.embeddings;
    // One entry per pair of texts in force together.
    std::map<std::pair<size_t, size_t>, size_t> entry_of;
    for (size_t iteration = 0; iteration < iterations; ++iteration) {
      const size_t p = schedule_entry(scheduled.schedule, int(iteration));
      const size_t n = guided ? schedule_entry(negative.schedule, int(iteration)) : 0;
      const auto [entry, added] = entry_of.emplace(std::pair{p, n}, conditioning.entries.size());
      if (added)
        conditioning.entries.push_back({scheduled.embeddings.slice(0, int64_t(p), int64_t(p) + 1),
                                        guided ? negative.embeddings.slice(0, int64_t(n), int64_t(n) + 1) : at::Tensor()});
      conditioning.schedule.push_back(entry->second);
      conditioning.prompt_texts.at.push_back(text_index(conditioning.prompt_texts.texts, scheduled.schedule[p].text));
      if (guided)
        conditioning.negative_texts.at.push_back(text_index(conditioning.negative_texts.texts, negative.schedule[n].text));
    }
    return conditioning;
  }

  // Where `text` is in `texts`, added at the end when it is new.
  static size_t text_index(std::vector<std::string>& texts, const std::string& text) {
    const auto found = std::find(texts.begin(), texts.end(), text);
    if (found != texts.end()) return size_t(found - texts.begin());
    texts.push_back(text);
    return texts.size() - 1;
  }

  // A prompt's schedule and its texts' embeddings, encoded as one batch, as A1111 does.
  struct ScheduledPrompt {
    std::vector<ScheduledText> schedule;
    at::Tensor embeddings;  // [entries, 77 * chunks, dim]
  };

  ScheduledPrompt encode_scheduled(const CLIPTextModel& encoder, const std::string& text,
                                   const GenerationRequest& request) const {
    ScheduledPrompt scheduled{prompt_schedule(text, request.steps), {}};
    std::vector<std::string> texts;
    for (const ScheduledText& entry : scheduled.schedule) texts.push_back(entry.text);
    scheduled.embeddings = encode_weighted(encoder, *run_tokenizer_, texts, request.clip_skip, device_);
    return scheduled;
  }

  at::Tensor embed(const CLIPTextModel& encoder, const std::vector<int>& ids, int clip_skip) const {
    const at::Tensor input = at::tensor(std::vector<int64_t>(ids.begin(), ids.end()), at::kLong).unsqueeze(0);
    return encoder.forward(input.to(device_), clip_skip);
  }

  // The run's scheduler, laid out for its steps and, for a run that starts part-way, positioned at
  // `start_index` (diffusers' get_timesteps and set_begin_index).
  std::unique_ptr<Scheduler> prepare_timesteps(const GenerationRequest& request, size_t start_index) const {
    auto scheduler = make_scheduler(request.scheduler, scheduler_config_, request.eta);
    scheduler->set_timesteps(request.steps);
    if (start_index >= scheduler->timesteps().size())
      throw Error("the run cannot start at step " + std::to_string(start_index) + " of " +
                  std::to_string(scheduler->timesteps().size()));
    scheduler->set_begin_index(start_index);
    return scheduler;
  }

  static std::vector<double> run_timesteps(const Scheduler& scheduler, size_t start_index) {
    return {scheduler.timesteps().begin() + long(start_index), scheduler.timesteps().end()};
  }

  // diffusers' prepare_latents: the seed's noise scaled to the scheduler's first sigma, or an init
  // image's latents noised to the start timestep; the init latents and the noise stay for inpainting.
  PreparedLatents prepare_latents(const GenerationRequest& request, const Scheduler& scheduler, NoiseSource& noise,
                                  const LatentInputs& inputs) const {
    const std::vector<int64_t> shape = {request.num_images, 4, request.height / vae_->downscale_factor(),
                                        request.width / vae_->downscale_factor()};
    PreparedLatents prepared;
    prepared.noise = inputs.noise.defined() ? given_latents(inputs.noise, shape, "noise") : seed_noise(request, shape, noise);
    if (!inputs.init_latents.defined()) {
      if (inputs.start_index > 0) throw Error("a run that starts part-way needs the latents to start from");
      if (inputs.mask.defined()) throw Error("a mask needs the init latents whose unmasked part it keeps");
      prepared.latents = prepared.noise * scheduler.init_noise_sigma();
      return prepared;
    }
    std::vector<int64_t> one = shape;
    one[0] = inputs.init_latents.size(0) == 1 ? 1 : shape[0];
    prepared.init = given_latents(inputs.init_latents, one, "init latents").expand(shape);
    prepared.latents = inputs.start_from_noise ? prepared.noise * scheduler.init_noise_sigma()
                                               : scheduler.add_noise(prepared.init, prepared.noise, inputs.start_index);
    return prepared;
  }

  // The run's random numbers from `seed`: one generator for the batch or one per image.
  static NoiseSource noise_source(const GenerationRequest& request, uint64_t seed) {
    return request.batch_noise == BatchNoise::Shared ? NoiseSource::shared(seed)
                                                     : NoiseSource::per_image(seed, request.num_images);
  }

  // The seed's noise, moved toward the subseed's for a variation. Both are drawn on the CPU, as
  // every noise is, and mixed there in fp32 as A1111 mixes them; the run goes on with the seed's
  // generators.
  at::Tensor seed_noise(const GenerationRequest& request, const std::vector<int64_t>& shape, NoiseSource& noise) const {
    const at::Tensor seeds = noise.randn(shape, at::kFloat, at::kCPU);
    if (request.subseed_strength == 0) return seeds.to(device_);
    const at::Tensor subseeds = noise_source(request, request.subseed).randn(shape, at::kFloat, at::kCPU);
    return variation_noise(seeds, subseeds, request.subseed_strength).to(device_);
  }

  // The shape of the VAE's samples of one image: one for the batch, or one per image.
  std::vector<int64_t> sample_shape(const GenerationRequest& request, const NoiseSource& noise) const {
    return {noise.is_per_image() ? request.num_images : 1, vae_->config().latent_channels,
            request.height / vae_->downscale_factor(), request.width / vae_->downscale_factor()};
  }

  // The init image's latents (the VAE's sample, the run's first draw, times the scaling factor), where
  // its strength starts the run, and the mask at the latents' size (diffusers' prepare_latents and
  // prepare_mask_latents). The encoder moves to the device with the first image input.
  LatentInputs encode_image_inputs(const GenerationRequest& request, NoiseSource& noise) {
    at::NoGradGuard no_grad;
    vae_->move_encoder(device_);
    const at::Tensor pixels = init_image_pixels(request.init_image, request.width, request.height).to(device_, dtype_);
    const DiagonalGaussianDistribution posterior =
        request.tiled_decode ? DiagonalGaussianDistribution(vae_->tiled_encode(pixels)) : vae_->encode(pixels);
    const at::Tensor eps = noise.randn(sample_shape(request, noise), dtype_, device_);
    LatentInputs inputs;
    inputs.init_latents = ((posterior.mean + posterior.std * eps) * vae_->config().scaling_factor).to(at::kFloat);
    inputs.start_index = strength_start_index(request.steps, request.strength);
    if (request.mask.empty()) return inputs;
    inputs.mask = mask_latents(request.mask, request.width, request.height, vae_->downscale_factor());
    inputs.start_from_noise = request.strength == 1.0;
    return inputs;
  }

  // diffusers' inpainting encodes the masked image with the run's generator too: a 4-channel U-Net
  // never reads it, but Euler a's draws come after it, so the draw is made and the encode spared.
  void draw_masked_image_sample(const GenerationRequest& request, NoiseSource& noise) const {
    noise.randn(sample_shape(request, noise), dtype_, device_);
  }

  at::Tensor given_latents(const at::Tensor& latents, const std::vector<int64_t>& shape, const char* what) const {
    if (latents.sizes() != at::IntArrayRef(shape))
      throw Error(std::string(what) + " of shape " + c10::str(latents.sizes()) + " do not fit this run, which needs " +
                  c10::str(at::IntArrayRef(shape)));
    return latents.to(device_, at::kFloat);
  }

  // [1 or N,1,h,w] for latents [N,4,h,w], on the pipeline's device.
  at::Tensor given_mask(const at::Tensor& mask, const at::Tensor& latents) const {
    const bool fits = mask.dim() == 4 && (mask.size(0) == 1 || mask.size(0) == latents.size(0)) && mask.size(1) == 1 &&
                      mask.size(2) == latents.size(2) && mask.size(3) == latents.size(3);
    if (!fits)
      throw Error("a mask of shape " + c10::str(mask.sizes()) + " does not fit this run, which needs [1, 1, " +
                  std::to_string(latents.size(2)) + ", " + std::to_string(latents.size(3)) + "]");
    return mask.to(device_, at::kFloat);
  }

  // Each iteration: the U-Net on the guided batch, guidance, the scheduler's step, the kept region
  // put back when inpainting, the observers.
  at::Tensor denoise(const UNet2DConditionModelImpl& unet, Scheduler& scheduler, const Conditioning& conditioning,
                     at::Tensor latents, size_t start_index, const GenerationRequest& request, NoiseSource& noise,
                     const KeptRegion* kept, AttentionRecorder* attention, const std::vector<LoopObserver*>& observers,
                     const std::atomic<bool>* cancel,
                     NonFiniteCheck& check_finite, StageTimes& times, std::vector<at::Tensor>* step_latents) {
    const std::vector<double>& timesteps = scheduler.timesteps();
    const int total = int(timesteps.size() - start_index);
    for (size_t i = start_index; i < timesteps.size(); ++i) {
      if (cancel && cancel->load()) throw Cancelled();
      const auto step_start = Clock::now();
      const size_t iteration = i - start_index;
      const at::Tensor noise_pred =
          predict_noise(unet, scheduler, latents, i, conditioning, iteration, request.guidance_scale, attention);
      mapped_files_.check();
      check_finite(RunValues::NoisePrediction, noise_pred, int(iteration));
      times.unet += seconds_since(step_start);
      const auto scheduler_start = Clock::now();
      StepOutput out = scheduler.step(noise_pred, i, latents, noise);
      times.scheduler += seconds_since(scheduler_start);
      latents = kept ? kept->put_back(scheduler, out.prev_sample, i) : out.prev_sample;
      check_finite(RunValues::Latents, latents, int(iteration));
      if (step_latents) step_latents->push_back(latents.to(at::kCPU));
      StepInfo info;
      info.step = int(iteration);
      info.total = total;
      info.timestep = timesteps[i];
      info.seconds = seconds_since(step_start);
      info.latents = latents;
      info.denoised = out.pred_original_sample;
      for (LoopObserver* observer : observers) observer->after_step(info);
    }
    return latents;
  }

  // The guided prediction: the negative and the prompt in one batch (the negative half first), or,
  // of different lengths, a call each, the attention maps watching the prompt's.
  at::Tensor predict_noise(const UNet2DConditionModelImpl& unet, const Scheduler& scheduler, const at::Tensor& latents,
                           size_t index, const Conditioning& conditioning, size_t iteration, double guidance_scale,
                           AttentionRecorder* attention) const {
    at::NoGradGuard no_grad;
    const int64_t images = latents.size(0);
    const Conditioning::Embeddings& embeddings = conditioning.at_iteration(iteration);
    if (!embeddings.negative.defined() || conditioning.guided_in_one_batch()) {
      const at::Tensor context = conditioning.context(iteration, images);
      const bool guided = context.size(0) != images;
      const at::Tensor noise = call_unet(unet, scheduler, guided ? at::cat({latents, latents}) : latents, index, context);
      if (!guided) return noise;
      const auto halves = noise.chunk(2);
      return halves[0] + guidance_scale * (halves[1] - halves[0]);
    }
    if (attention) attention->listen(UNetCall::NegativeAlone);
    const at::Tensor unconditional = call_unet(unet, scheduler, latents, index, embeddings.negative.repeat({images, 1, 1}));
    if (attention) attention->listen(UNetCall::PromptAlone);
    const at::Tensor conditional = call_unet(unet, scheduler, latents, index, embeddings.prompt.repeat({images, 1, 1}));
    if (attention) attention->listen(UNetCall::Batch);
    return unconditional + guidance_scale * (conditional - unconditional);
  }

  at::Tensor call_unet(const UNet2DConditionModelImpl& unet, const Scheduler& scheduler, const at::Tensor& latents,
                       size_t index, const at::Tensor& context) const {
    at::Tensor input = scheduler.scale_model_input(latents, index).to(dtype_);
    if (channels_last_) input = input.contiguous(at::MemoryFormat::ChannelsLast);
    return unet.forward(input, scheduler.timesteps()[index], context).to(at::kFloat);
  }

  ModelFolder model_;
  c10::Device device_;
  c10::ScalarType dtype_;
  bool fused_attention_;
  bool channels_last_;
  std::shared_ptr<ClipTokenizer> tokenizer_;
  WeightLoadOptions weights_;
  std::shared_ptr<CLIPTextModel> text_encoder_;  // null on the CPU: loaded per run
  int text_encoder_layers_ = 0;
  UNet2DConditionModel unet_{nullptr};  // empty in the low-memory mode: loaded per run
  std::shared_ptr<AutoencoderKL> vae_;
  nlohmann::json scheduler_config_;
  int64_t sample_size_ = 64;
  uint64_t gpu_bytes_ = 0;  // the GPU's memory, 0 on the CPU or when the driver does not say
  std::vector<std::string> warnings_;
  MappedFilesWatch mapped_files_;
  // The weights' names and shapes by component, which LoRAs are matched against before a run.
  std::map<std::string, std::map<std::string, std::vector<int64_t>>> weight_shapes_;
  std::map<std::string, std::shared_ptr<const LoraFile>> lora_files_;  // read once, by path
  std::vector<LoraSetting> merged_loras_;  // what the resident components have merged
  bool merged_teacher_blocks_ = false;     // and whether by BK-SDM's copy table
  std::string unet_layout_;                // "SD", "BK-Tiny", ...: which copy table applies
  std::vector<LoraUse> loras_;             // and the files, for what loads per run
  std::string embeddings_dir_;             // the textual inversions' folder, and what it held
  std::vector<TextualInversion> textual_inversions_;
  std::shared_ptr<ClipTokenizer> run_tokenizer_;  // the tokenizer with their tokens added
  uint64_t text_encoder_version_ = 0;  // counts the changes of LoRAs and embeddings, which conditionings depend on
  ConditioningCache conditionings_;
};

}  // namespace

std::unique_ptr<StableDiffusionPipeline> StableDiffusionPipeline::load(const ModelFolder& model,
                                                                       const LoadOptions& options) {
  return std::make_unique<Pipeline>(model, options);
}

}  // namespace bksdm
