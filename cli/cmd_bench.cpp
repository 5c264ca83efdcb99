#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/version.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/machine_peak.h"
#include "bench/process_memory.h"
#include "bench/stopwatch.h"
#include "bench/unet_flops.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "core/device/cpu_features.h"
#include "core/io/error.h"
#include "core/io/utf8.h"
#include "core/loading/model_folder.h"
#include "core/models/autoencoder_kl.h"
#include "core/models/taesd.h"
#include "core/models/unet_2d_condition.h"
#include "core/pipeline/latent_preview.h"
#include "core/pipeline/pipeline.h"

// `bksdm bench`: where the time and memory of a generation go, on this machine, as a table and as
// JSON. Whole-pipeline parts run first (their peak RSS is the generation's); then the machine's peak
// rate is measured, the pipeline released, and the U-Net, VAE and preview are timed on their own,
// best of --repeat runs.
namespace bksdm::cli {
namespace {

using bench::Clock;
using bench::seconds_since;

const std::vector<std::string> kParts{"peak", "load", "image", "maps", "prompt", "unet", "vae", "preview"};
constexpr const char* kPrompt = "a photograph of an astronaut riding a horse";
// Two chunks in A1111's language: the second begins at BREAK.
constexpr const char* kTwoChunkPrompt = "a photograph of an astronaut riding a horse BREAK on the moon, oil painting";
constexpr const char* kTwoChunkNegative = "blurry BREAK lowres";
constexpr double kGuidance = 7.5;
constexpr int kMapSteps = 3;       // per run of the maps part: enough for a per-step minimum
constexpr int kPreviewCalls = 25;  // one image's worth of previews
constexpr double kUNetTimestep = 500;

struct Settings {
  std::string model;
  int size = 512;
  int threads = 2;
  int steps = 25;
  int repeat = 2;
  std::vector<std::string> parts = kParts;
  std::string json_file;  // empty: no JSON
  std::string device = "cpu";
  std::string dtype = "fp32";
  bool low_memory = false;  // weights kept in fp16, widened per layer (LoadOptions::low_memory)
  std::string attention = "fused";  // LoadOptions::fused_attention
  bool channels_last = false;

  bool wants(const std::string& part) const { return std::find(parts.begin(), parts.end(), part) != parts.end(); }
};

void add_options(CLI::App& command, Settings& settings) {
  command.add_option("--model", settings.model, "model folder or cached Hugging Face repo id")
      ->required()
      ->type_name("MODEL");
  command.add_option("--size", settings.size, "image width and height")
      ->check(positive_multiple_of_8())
      ->capture_default_str();
  command.add_option("--threads", settings.threads)->check(thread_count(1))->capture_default_str();
  command.add_option("--steps", settings.steps, "PNDM steps of the whole image")
      ->check(CLI::Range(1, kMaxSteps))
      ->capture_default_str();
  command.add_option("--repeat", settings.repeat, "runs of each timing, the best kept")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  command.add_option("--only", settings.parts, "parts to time, comma-separated (default: all)")
      ->delimiter(',')
      ->check(CLI::IsMember(kParts));
  command.add_option("--json", settings.json_file, "also write the figures to this JSON file")->type_name("FILE");
  command.add_option("--device", settings.device)->check(CLI::IsMember({"cpu", "cuda"}))->capture_default_str();
  command.add_option("--dtype", settings.dtype, "fp16: --device cuda; bf16: cuda, or a CPU with avx512_bf16 or AMX")
      ->check(CLI::IsMember({"fp32", "fp16", "bf16"}))
      ->capture_default_str();
  command.add_flag("--low-memory", settings.low_memory, "CPU: keep the weights in fp16, widened per layer");
  command.add_option("--attention", settings.attention,
                     "GPU: torch's fused kernel (libtorch 2.x) or the blockwise computation the CPU runs")
      ->check(CLI::IsMember({"fused", "blockwise"}))
      ->capture_default_str();
  command.add_flag("--channels-last", settings.channels_last, "the U-Net's convolutions in NHWC order");
  command.footer(
      "parts: peak (matmul and conv rate), load, image (whole image by stage), maps (attention maps'\n"
      "cost), unet (one call at batch 1 and 2), vae (decode), preview (latent colours, TAESD)");
}

// One figure of the report: printed as a table row, stored as results[part][key] in the JSON.
struct Figure {
  std::string part;
  std::string key;
  std::string label;
  double value;
  std::string unit;
};

class Report {
 public:
  void add(const std::string& part, const std::string& key, const std::string& label, double value,
           const std::string& unit) {
    figures_.push_back({part, key, label, value, unit});
    std::printf("  %-8s %-46s %10.3f  %s\n", part.c_str(), label.c_str(), value, unit.c_str());
    std::fflush(stdout);
  }
  const Figure* find(const std::string& part, const std::string& key) const {
    for (const Figure& figure : figures_)
      if (figure.part == part && figure.key == key) return &figure;
    return nullptr;
  }
  nlohmann::json results() const {
    nlohmann::json json = nlohmann::json::object();
    for (const Figure& figure : figures_) json[figure.part][figure.key] = figure.value;
    return json;
  }

 private:
  std::vector<Figure> figures_;
};

double load_average() {
  double load = 0;
  return getloadavg(&load, 1) == 1 ? load : -1;
}

std::string cpu_model() {
  const std::string model = cpuinfo_field("model name");
  return model.empty() ? "unknown" : model;
}

// The vector units that decide the kernels' speed, as /proc/cpuinfo names them: benchmarks from
// machines with other ones are not comparable by seconds.
std::string cpu_vector_flags() {
  std::istringstream flags(" " + cpuinfo_field("flags") + " ");
  std::set<std::string> present{std::istream_iterator<std::string>(flags), {}};
  std::string found;
  for (const char* flag : {"avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16", "amx_tile", "amx_bf16"})
    if (present.count(flag)) found += (found.empty() ? "" : " ") + std::string(flag);
  return found.empty() ? "none of avx2, avx512, amx" : found;
}

nlohmann::json machine_json() {
  return {{"cpu", cpu_model()},
          {"cpu_flags", cpu_vector_flags()},
          {"cores", std::thread::hardware_concurrency()},
          {"libtorch", TORCH_VERSION},
          {"mkldnn", at::hasMKLDNN() && at::globalContext().userEnabledMkldnn()},
          {"load_average_start", load_average()}};
}

double gigabytes(int64_t bytes) { return double(bytes) / 1e9; }

c10::ScalarType scalar_type_of(const std::string& dtype) {
  if (dtype == "fp16") return at::kHalf;
  if (dtype == "bf16") return at::kBFloat16;
  if (dtype == "fp32") return at::kFloat;
  throw Error("--dtype must be fp32, fp16 or bf16, not '" + dtype + "'");
}

class Bench {
 public:
  explicit Bench(const Settings& settings)
      : settings_(settings),
        folder_(ModelFolder::open(settings.model, settings.low_memory ? "fp16" : "")),
        options_(at::TensorOptions().dtype(scalar_type_of(settings.dtype)).device(settings.device)) {
    const AutoencoderKLConfig vae = AutoencoderKLConfig::from_json(folder_.config("vae"), "vae/config.json");
    latent_edge_ = settings.size >> (vae.block_out_channels.size() - 1);
  }

  void run() {
    at::set_num_threads(settings_.threads);
    // The pipeline first: the peak measurement's buffers would stay in the heap and in its peak RSS.
    if (settings_.wants("load") || settings_.wants("image") || settings_.wants("maps") || settings_.wants("prompt"))
      pipeline_parts();
    if (settings_.wants("peak")) peak();
    bench::reset_peak_rss();
    if (settings_.wants("unet")) unet();
    if (settings_.wants("vae")) vae();
    if (settings_.wants("preview")) preview();
    if (settings_.wants("unet") || settings_.wants("vae"))
      report_.add("memory", "components_peak_rss_gb", "peak RSS, components alone", gigabytes(bench::peak_rss_bytes()),
                  "GB");
  }

  const Report& report() const { return report_; }

 private:
  void peak() {
    const bench::MachinePeak peak = bench::measure_machine_peak(settings_.repeat + 2, options_);
    report_.add("peak", "matmul_gflops", "2048x2048 matmul", peak.matmul_gflops, "GFLOP/s");
    report_.add("peak", "conv_gflops", "320-channel 3x3 conv at 64x64", peak.conv_gflops, "GFLOP/s");
  }

  LoadOptions load_options() const {
    LoadOptions options;
    options.device = settings_.device;
    options.dtype = settings_.dtype;
    options.threads = settings_.threads;
    options.low_memory = settings_.low_memory;
    options.fused_attention = settings_.attention == "fused";
    options.channels_last = settings_.channels_last;
    return options;
  }

  std::unique_ptr<StableDiffusionPipeline> load_pipeline(const std::string& key, const std::string& label) {
    const auto start = Clock::now();
    auto pipeline = StableDiffusionPipeline::load(folder_, load_options());
    report_.add("load", key, label, seconds_since(start), "s");
    return pipeline;
  }

  void pipeline_parts() {
    auto pipeline = load_pipeline("first_seconds", "load, first in this process");
    if (settings_.wants("load")) {
      pipeline.reset();
      pipeline = load_pipeline("again_seconds", "load again (page cache warm)");
    }
    if (settings_.wants("image")) image(*pipeline);
    if (settings_.wants("maps")) maps(*pipeline);
    if (settings_.wants("prompt")) prompts(*pipeline);
    report_.add("memory", "pipeline_peak_rss_gb", "peak RSS, pipeline (load and runs)",
                gigabytes(bench::peak_rss_bytes()), "GB");
  }

  GenerationRequest request(int steps, bool attention_maps, bool per_step = false, int images = 1) const {
    GenerationRequest request;
    request.prompt = kPrompt;
    request.steps = steps;
    request.guidance_scale = kGuidance;
    request.width = request.height = settings_.size;
    request.scheduler = "pndm";
    request.attention_maps = attention_maps;
    request.attention_maps_per_step = per_step;
    request.num_images = images;
    return request;
  }

  // The generation's result with the wall time of each step.
  static GenerationResult generate(StableDiffusionPipeline& pipeline, const GenerationRequest& request,
                                   std::vector<double>& step_seconds) {
    step_seconds.clear();
    return pipeline.generate(request, [&](const StepInfo& info) { step_seconds.push_back(info.seconds); });
  }

  void image(StableDiffusionPipeline& pipeline) {
    std::vector<double> steps;
    const double cpu_start = bench::process_cpu_seconds();
    const StageTimes times = generate(pipeline, request(settings_.steps, false), steps).times;
    report_.add("image", "total_seconds", "whole image, " + std::to_string(settings_.steps) + " PNDM steps, guided",
                times.total, "s");
    report_.add("image", "total_cpu_seconds", "  its CPU time, all threads", bench::process_cpu_seconds() - cpu_start,
                "s");
    report_.add("image", "text_encoder_seconds", "  text encoding (prompt and negative)", times.text_encoder, "s");
    report_.add("image", "unet_seconds", "  U-Net, all steps", times.unet, "s");
    report_.add("image", "scheduler_seconds", "  scheduler, all steps", times.scheduler, "s");
    report_.add("image", "vae_seconds", "  VAE decode", times.vae, "s");
    report_.add("image", "step_mean_seconds", "  one step, mean", times.unet / settings_.steps, "s");
    report_.add("image", "step_min_seconds", "  one step, best", *std::min_element(steps.begin(), steps.end()), "s");
  }

  // The best step of a short run, from one step's end to the next's: StepInfo::seconds stops
  // before the step's maps are made.
  static double best_step(StableDiffusionPipeline& pipeline, const GenerationRequest& request) {
    std::vector<double> steps;
    std::optional<Clock::time_point> last;
    pipeline.generate(request, [&](const StepInfo&) {
      const Clock::time_point now = Clock::now();
      if (last) steps.push_back(std::chrono::duration<double>(now - *last).count());
      last = now;
    });
    return *std::min_element(steps.begin(), steps.end());
  }

  // Attention maps cost what the observer adds to a step, and the running maps after every step
  // what the app records for its step slider: best step of short runs without maps, with the final
  // maps, and with the maps of every step, at batch 1 and 2.
  void maps(StableDiffusionPipeline& pipeline) {
    for (int images : {1, 2}) {
      const std::string batch = images == 1 ? "" : "_batch2";
      const std::string label = images == 1 ? "" : ", batch 2";
      const double without = best_step(pipeline, request(kMapSteps, false, false, images));
      const double with = best_step(pipeline, request(kMapSteps, true, false, images));
      const double every_step = best_step(pipeline, request(kMapSteps, true, true, images));
      report_.add("maps", "step_without" + batch + "_seconds", "step without attention maps, best" + label, without, "s");
      report_.add("maps", "step_with" + batch + "_seconds", "step with attention maps, best" + label, with, "s");
      report_.add("maps", "overhead" + batch + "_percent", "attention maps' cost" + label, 100 * (with / without - 1), "%");
      report_.add("maps", "step_every" + batch + "_seconds", "step with the maps of every step, best" + label,
                  every_step, "s");
      report_.add("maps", "every_step_overhead" + batch + "_percent", "maps of every step, cost" + label,
                  100 * (every_step / without - 1), "%");
    }
  }

  // What a prompt of two chunks (A1111's language) costs a step against one of one chunk: with a
  // negative of one chunk the U-Net runs the two halves of the guided batch apart (A1111's default),
  // with a negative of two chunks in one batch with twice the context.
  void prompts(StableDiffusionPipeline& pipeline) {
    const GenerationRequest one = request(kMapSteps, false);
    GenerationRequest two = one;
    two.prompt = kTwoChunkPrompt;
    GenerationRequest both = two;
    both.negative_prompt = kTwoChunkNegative;
    const double one_step = best_step(pipeline, one);
    const double two_step = best_step(pipeline, two);
    const double both_step = best_step(pipeline, both);
    report_.add("prompt", "one_chunk_step_seconds", "step, prompt of 1 chunk, best", one_step, "s");
    report_.add("prompt", "two_chunks_step_seconds", "step, prompt of 2 chunks (negative 1), best", two_step, "s");
    report_.add("prompt", "two_chunks_ratio", "  against 1 chunk", two_step / one_step, "x");
    report_.add("prompt", "two_and_two_step_seconds", "step, prompt and negative of 2 chunks, best", both_step, "s");
    report_.add("prompt", "two_and_two_ratio", "  against 1 chunk", both_step / one_step, "x");
  }

  WeightLoadOptions weight_options() const {
    WeightLoadOptions options;
    options.dtype = settings_.low_memory ? at::kHalf : options_.dtype().toScalarType();
    options.device = options_.device();
    return options;
  }

  void unet() {
    at::NoGradGuard no_grad;
    UNet2DConditionModel unet = load_unet(folder_, weight_options());
    unet->set_fused_attention(settings_.attention == "fused");
    if (settings_.channels_last) unet->to_channels_last();
    const UNet2DConditionConfig& config = unet->config();
    const auto memory_format = settings_.channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
    for (const int64_t batch : {1, 2}) {
      const at::Tensor latents =
          at::randn({batch, config.in_channels, latent_edge_, latent_edge_}, options_).contiguous(memory_format);
      const at::Tensor context = at::randn({batch, 77, config.cross_attention_dim.front()}, options_);
      const auto call = [&] { return unet->forward(latents, kUNetTimestep, context); };
      bench::wait_for(call());  // first touch of the mapped weights, oneDNN primitives
      const bench::Timing timing = bench::best_of(settings_.repeat, call);
      const double seconds = timing.seconds;
      const bench::UNetFlops flops = bench::unet_flops(config, batch, latent_edge_, latent_edge_);
      const std::string b = std::to_string(batch);
      report_.add("unet", "batch" + b + "_seconds", "one call, batch " + b, seconds, "s");
      report_.add("unet", "batch" + b + "_cpu_seconds", "  its CPU time, all threads", timing.cpu_seconds, "s");
      report_.add("unet", "batch" + b + "_gflop",
                  "  arithmetic (conv " + std::to_string(int(flops.convolution / 1e9)) + ", linear " +
                      std::to_string(int(flops.linear / 1e9)) + ", attention " +
                      std::to_string(int(flops.attention / 1e9)) + ")",
                  flops.total() / 1e9, "GFLOP");
      const double rate = flops.total() / seconds / 1e9;
      report_.add("unet", "batch" + b + "_gflops", "  achieved", rate, "GFLOP/s");
      for (const char* kernel : {"matmul", "conv"}) {
        if (const Figure* peak = report_.find("peak", std::string(kernel) + "_gflops")) {
          report_.add("unet", "batch" + b + "_of_" + kernel + "_peak_percent",
                      std::string("  of the ") + kernel + " peak", 100 * rate / peak->value, "%");
        }
      }
    }
  }

  void vae() {
    at::NoGradGuard no_grad;
    const std::shared_ptr<AutoencoderKL> vae = load_autoencoder_kl(folder_, weight_options());
    const at::Tensor latents = at::randn({1, vae->config().latent_channels, latent_edge_, latent_edge_}, options_);
    const bench::Timing timing = bench::best_of(settings_.repeat, [&] { return vae->decode(latents); });
    report_.add("vae", "decode_seconds", "decode, one image", timing.seconds, "s");
    report_.add("vae", "decode_cpu_seconds", "  its CPU time, all threads", timing.cpu_seconds, "s");
  }

  void preview() {
    const at::Tensor latents = at::randn({1, 4, latent_edge_, latent_edge_}, options_);
    std::vector<double> seconds;
    for (int i = 0; i < kPreviewCalls; ++i) {
      const auto start = Clock::now();
      latent_preview_rgb(latents);
      seconds.push_back(seconds_since(start));
    }
    const double mean = std::accumulate(seconds.begin(), seconds.end(), 0.0) / double(seconds.size());
    report_.add("preview", "mean_ms", "latent preview, one step, mean", 1000 * mean, "ms");
    preview_taesd(latents);
  }

  // TAESD's decoder at its real size; its weights are random, which does not change its cost.
  void preview_taesd(const at::Tensor& latents) {
    at::NoGradGuard no_grad;
    AutoencoderTiny taesd{AutoencoderTinyConfig{}};
    for (at::Tensor& parameter : taesd.parameters()) parameter.normal_(0.0, 0.02);
    taesd.to(options_.device());
    const bench::Timing timing = bench::best_of(settings_.repeat, [&] { return taesd.decode(latents); });
    report_.add("preview", "taesd_ms", "TAESD preview, one step", 1000 * timing.seconds, "ms");
  }

  Settings settings_;
  ModelFolder folder_;
  at::TensorOptions options_;
  int64_t latent_edge_ = 0;
  Report report_;
};

int bench(const Settings& settings) {
  nlohmann::json machine = machine_json();
  std::printf("bksdm bench: %s, %dx%d, %d thread(s), %s %s%s, %s attention%s; %s (%s), %u cores, libtorch %s, load "
              "average %.2f\n",
              settings.model.c_str(), settings.size, settings.size, settings.threads, settings.device.c_str(),
              settings.dtype.c_str(), settings.low_memory ? " (low-memory: fp16 weights)" : "",
              settings.attention.c_str(), settings.channels_last ? ", channels-last" : "", cpu_model().c_str(),
              cpu_vector_flags().c_str(), std::thread::hardware_concurrency(), TORCH_VERSION, load_average());
  Bench bench(settings);
  bench.run();
  machine["load_average_end"] = load_average();
  std::printf("load average at the end: %.2f (above about 0.5 the timings are shared with other work)\n",
              load_average());
  if (!settings.json_file.empty()) {
    const nlohmann::json json = {
        {"model", utf8_escaped(settings.model)}, {"size", settings.size},     {"threads", settings.threads},
        {"steps", settings.steps}, {"repeat", settings.repeat}, {"device", settings.device},
        {"dtype", settings.dtype}, {"low_memory", settings.low_memory}, {"attention", settings.attention},
        {"channels_last", settings.channels_last}, {"machine", machine},
        {"results", bench.report().results()}};
    std::ofstream(settings.json_file) << json.dump(2) << '\n';
  }
  return 0;
}

}  // namespace

Command add_bench(CLI::App& bksdm) {
  CLI::App* command =
      bksdm.add_subcommand("bench", "time load, U-Net, VAE and a whole image; peak memory; GFLOP/s");
  auto settings = std::make_shared<Settings>();
  add_options(*command, *settings);
  return {command, [settings] { return bench(*settings); }};
}

}  // namespace bksdm::cli
