#include <chrono>
#include <cstdio>
#include <random>

#include <ATen/ATen.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/image_output.h"
#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/pipeline/pipeline.h"

namespace bksdm::cli {
namespace {

const char* const kUsage =
    "usage: bksdm generate --model MODEL --prompt TEXT [--negative TEXT] [--seed N] [--steps N]\n"
    "         [--guidance F] [--width W] [--height H]\n"
    "         [--scheduler pndm|ddim|euler|euler_a|dpmpp_2m|dpmpp_2m_karras] [--eta F] [--images N]\n"
    "         [--device cpu|cuda] [--dtype fp32|fp16|bf16] [--threads N] [--variant fp16] [--low-memory]\n"
    "         [--tiled-decode]\n"
    "         [--output FILE.png] [--save-tensors FILE.safetensors] [--attention-maps]\n"
    "         [--attention-dir DIR] [--quiet]";

uint64_t random_seed() {
  std::random_device device;
  return (uint64_t(device()) << 32 | device()) % 4294967296ull;  // A1111-style 32-bit seeds
}

uint64_t parse_seed(const std::string& text) {
  try {
    size_t used = 0;
    const unsigned long long seed = std::stoull(text, &used);
    if (used == text.size() && text.find('-') == std::string::npos) return seed;
  } catch (const std::exception&) {
  }
  throw Error("--seed expects a whole number from 0 to 18446744073709551615, got '" + text + "'");
}

GenerationRequest request_from(const Args& args) {
  GenerationRequest request;
  request.prompt = args.require("prompt");
  request.negative_prompt = args.get_or("negative", "");
  request.seed = args.get("seed") ? parse_seed(*args.get("seed")) : random_seed();
  request.steps = args.get_int("steps", 50);
  request.guidance_scale = args.get_double("guidance", 7.5);
  request.width = args.get_int("width", 0);
  request.height = args.get_int("height", 0);
  request.scheduler = args.get_or("scheduler", "pndm");
  request.eta = args.get_double("eta", 0.0);
  request.num_images = args.get_int("images", 1);
  request.attention_maps = args.flag("attention-maps") || args.get("attention-dir").has_value();
  request.tiled_decode = args.flag("tiled-decode");
  return request;
}

void save_tensors(const std::string& path, const GenerationResult& result) {
  std::vector<std::pair<std::string, at::Tensor>> tensors = {{"image", result.images}, {"latents", result.latents}};
  if (result.attention.defined()) tensors.emplace_back("attention", result.attention);
  write_safetensors(path, tensors);
}

}  // namespace

int generate(const std::vector<std::string>& words) {
  const Args args(words,
                  {"model", "prompt", "negative", "seed", "steps", "guidance", "width", "height", "scheduler", "eta",
                   "images", "device", "dtype", "threads", "variant", "output", "save-tensors", "attention-dir"},
                  {"attention-maps", "quiet", "low-memory", "tiled-decode", "help"});
  if (args.flag("help")) {
    std::printf("%s\n", kUsage);
    return 0;
  }
  if (!args.positional().empty()) throw Error(std::string("unexpected '") + args.positional()[0] + "'\n" + kUsage);
  GenerationRequest request = request_from(args);
  const bool quiet = args.flag("quiet");

  LoadOptions options;
  options.device = args.get_or("device", "cpu");
  options.dtype = args.get_or("dtype", "fp32");
  options.threads = args.get_int("threads", 0);
  options.low_memory = args.flag("low-memory");
  const auto load_start = std::chrono::steady_clock::now();
  auto pipeline = StableDiffusionPipeline::load(ModelFolder::open(args.require("model"), args.get_or("variant", "")),
                                                options);
  if (!args.get("scheduler")) request.scheduler = pipeline->default_scheduler();
  if (!quiet) {
    for (const std::string& warning : pipeline->warnings()) std::fprintf(stderr, "warning: %s\n", warning.c_str());
    std::fprintf(stderr, "loaded %s in %.2f s; seed %llu\n", pipeline->model().name().c_str(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count(),
                 static_cast<unsigned long long>(request.seed));
  }

  const GenerationResult result = pipeline->generate(request, [&](const StepInfo& step) {
    if (!quiet)
      std::fprintf(stderr, "step %d/%d  t=%g  %.2f s\n", step.step + 1, step.total, step.timestep, step.seconds);
  });
  if (result.prompt_truncated)
    std::fprintf(stderr, "warning: the prompt is longer than 75 tokens; the rest was cut\n");
  if (!quiet)
    std::fprintf(stderr, "done in %.2f s (text %.2f, unet %.2f, scheduler %.2f, vae %.2f)\n", result.times.total,
                 result.times.text_encoder, result.times.unet, result.times.scheduler, result.times.vae);

  if (auto path = args.get("save-tensors")) save_tensors(*path, result);
  const std::string output = args.get_or("output", args.get("save-tensors") ? "" : "bksdm.png");
  if (!output.empty())
    for (const std::string& written : write_images(output, result.images, request, pipeline->model().name()))
      std::printf("%s\n", written.c_str());
  if (auto dir = args.get("attention-dir"))
    for (const std::string& written :
         write_attention_overlays(*dir, result.images, result.attention, pipeline->tokenizer(), request.prompt))
      std::printf("%s\n", written.c_str());
  return 0;
}

}  // namespace bksdm::cli
