#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "core/generation/generation_request.h"
#include "core/loading/model_folder.h"
#include "core/pipeline/attention_maps.h"
#include "core/tokenizer/clip_tokenizer.h"

namespace bksdm {


struct LoadOptions {
  std::string device = "cpu";  // "cpu" or "cuda"
  std::string dtype = "fp32";  // "fp32", "fp16" or "bf16" (the last two on CUDA)
  std::string variant;         // weight file variant, e.g. "fp16"
  int threads = 0;             // intra-op threads; 0 means all cores
  // CPU only: keeps the weights in fp16 (the fp16 variant's files mapped as they are when the folder
  // has them, other files converted at load) and widens each layer's weights to fp32 only while it
  // runs. About half the memory, for the cost of those conversions.
  bool low_memory = false;
  // Off the CPU: torch's fused attention kernel where no attention maps are recorded (libtorch
  // 2.x); false for comparison.
  bool fused_attention = true;
  // The U-Net's convolutions in channels-last order (see UNet2DConditionModelImpl::to_channels_last).
  bool channels_last = false;
  // A VAE folder of its own (config.json and its weights, e.g. stabilityai/sd-vae-ft-mse) in place
  // of the model's; empty: the model's.
  std::string vae;
};

// Tensors a run starts from besides the seed, in U-Net space on any device. The description says
// where they come from (an init image, a mask, a variation seed); these are their values.
struct LatentInputs {
  // The clean latents to start from ([1 or N,4,h,w], the VAE's sample of an init image times its
  // scaling factor), noised to the start timestep by the scheduler's add_noise; undefined: pure noise.
  at::Tensor init_latents;
  // [N,4,h,w]; undefined: drawn from the seed's generator, as diffusers' prepare_latents does.
  at::Tensor noise;
  // Where in the scheduler's timesteps the run starts (diffusers' t_start for img2img); 0: the first.
  size_t start_index = 0;
  // Inpainting with a 4-channel U-Net: [1 or N,1,h,w], 1 where the run paints. After each step the
  // rest is put back as the init latents noised to the next call's level (after the last: clean).
  at::Tensor mask;
  // Inpainting at full strength starts from the noise alone (times the first sigma) where img2img
  // starts from the init latents noised to the start timestep (diffusers' is_strength_max).
  bool start_from_noise = false;
};

// What the per-step callback sees. Tensors are on the pipeline's device; copy what you keep.
struct StepInfo {
  int step = 0;   // 0-based index of the U-Net call in this run
  int total = 0;  // U-Net calls in the run (fewer than the layout's when it starts part-way)
  double timestep = 0;
  double seconds = 0;       // wall time of this step
  at::Tensor latents;       // after the scheduler step, U-Net space [N,4,h,w]
  at::Tensor denoised;      // the scheduler's estimate of the clean latents (x0) [N,4,h,w]
  at::Tensor attention;     // running maps [N,T,h,w] when attention_maps_per_step, else undefined
  // Running maps of each text of an edited prompt (GenerationResult::text_attention's order),
  // with attention_maps_per_step; undefined for a text not yet in force.
  std::vector<at::Tensor> text_attention;
  // The negative prompt's, alike, with negative_attention_maps.
  at::Tensor negative_attention;
  std::vector<at::Tensor> negative_text_attention;
};
using StepCallback = std::function<void(const StepInfo&)>;
// The stages of a run, announced as each begins, so that a progress display can name the stage that
// is running rather than the one that last reported.
enum class RunStage { EncodingPrompt, Denoising, Decoding };
using StageCallback = std::function<void(RunStage)>;

struct StageTimes {
  double text_encoder = 0, unet = 0, scheduler = 0, vae = 0, total = 0;
};

// One text of an edited prompt ([cat:dog:10], [cat|dog]) and DAAM's maps over the iterations it
// was in force (0-based iterations of the loop).
struct TextAttention {
  std::string text;
  std::vector<int> iterations;
  at::Tensor maps;  // [N,T,h,w]; undefined when it never was in force
};

struct GenerationResult {
  GenerationRequest request;  // as run: sizes and scheduler resolved
  at::Tensor images;        // [N,3,H,W] float32 in [0,1], on the CPU
  at::Tensor latents;       // final latents [N,4,H/8,W/8], on the CPU
  at::Tensor step_latents;  // [steps,N,4,h,w] when keep_step_latents
  at::Tensor attention;     // [N,T,h,w] when attention_maps: T = 77 per chunk of the prompt
  std::vector<TextAttention> text_attention;  // with attention_maps, for a prompt of several texts
  // With attention_maps_per_layer: the prompt's down/up cross-attention layers' sums over the run
  // (layer_map() turns one into that layer's or one head's map), on the CPU.
  std::vector<LayerAttention> layer_attention;
  // The negative prompt's, alike, with negative_attention_maps (T: 77 per chunk of the negative).
  at::Tensor negative_attention;
  std::vector<TextAttention> negative_text_attention;
  std::vector<double> timesteps;  // of the U-Net calls that ran
  TokenizedPrompt prompt_tokens;  // the prompt as it was encoded (Conditioning::prompt_tokens)
  // The text encoder's output, on the CPU: [texts, T, dim] for the prompt's texts (an edited
  // prompt's schedule entries in step order, else one) and the negative's; undefined without guidance.
  at::Tensor prompt_embeds;
  at::Tensor negative_prompt_embeds;
  // What the run noticed that the person should know: what each LoRA changed and skipped.
  std::vector<std::string> notes;
  // The prompts' encoding came from an earlier run of the same prompts (ConditioningCache).
  bool conditioning_reused = false;
  StageTimes times;
};

// Thrown out of generate() when the cancel flag was raised; the pipeline stays usable.
class Cancelled : public std::exception {
 public:
  const char* what() const noexcept override { return "cancelled"; }
};

class StableDiffusionPipeline {
 public:
  static std::unique_ptr<StableDiffusionPipeline> load(const ModelFolder& model,
                                                       const LoadOptions& options = {});
  virtual ~StableDiffusionPipeline() = default;

  // A run as `request` describes it, starting from `inputs` where given.
  virtual GenerationResult generate(const GenerationRequest& request,
                                    const StepCallback& on_step = {},
                                    const std::atomic<bool>* cancel = nullptr,
                                    const StageCallback& on_stage = {},
                                    const LatentInputs& inputs = {}) = 0;
  // The run as generate() makes it: sizes (the init image's, else the model's) and scheduler filled in.
  virtual GenerationRequest resolved(const GenerationRequest& request) const = 0;
  // The real tokenizer, for token counting and the prompt's words in the UI.
  virtual const ClipTokenizer& tokenizer() const = 0;
  // The prompt as a run tokenizes it for the model (encode_prompt's own tokenization): what the
  // token counter and the prompt's words show.
  virtual TokenizedPrompt prompt_tokens(const std::string& prompt) const = 0;
  // The tokenizer a run with GenerationRequest::embeddings = `embeddings` uses: each textual
  // inversion's word added as the tokens of its vectors, so that counts include them. Reads the
  // folder (an embedding that does not fit this model is a bksdm::Error); the real one when empty.
  virtual std::shared_ptr<const ClipTokenizer> tokenizer_with_embeddings(const std::string& embeddings) const = 0;
  virtual int default_size() const = 0;                 // sample_size * 8
  virtual std::string default_scheduler() const = 0;    // from the model's scheduler config
  virtual int text_encoder_layers() const = 0;          // the largest clip_skip the model takes
  virtual const ModelFolder& model() const = 0;
  // What loading noticed but did not refuse (config keys diffusers does not know), one line each.
  virtual const std::vector<std::string>& warnings() const = 0;
  // Decodes U-Net-space latents [N,4,h,w] to images [N,3,H,W] in [0,1] with the real VAE.
  virtual at::Tensor decode(const at::Tensor& latents) = 0;
};

}  // namespace bksdm
