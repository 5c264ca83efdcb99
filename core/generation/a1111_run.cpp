#include "core/generation/a1111_run.h"

#include <charconv>
#include <filesystem>
#include <limits>
#include <string_view>

#include "core/io/file_digest.h"

namespace bksdm {
namespace {

// Sets `value` only when all of `text` is a number of its type, at least `minimum`.
template <typename Number>
bool parse_number(const std::string& text, Number& value, Number minimum = std::numeric_limits<Number>::lowest()) {
  Number parsed{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (error != std::errc() || end != text.data() + text.size() || !(parsed >= minimum)) return false;
  value = parsed;
  return true;
}

// "512x768": width and height, both set or neither.
bool parse_size(const std::string& text, GenerationRequest& request) {
  const size_t x = text.find('x');
  if (x == std::string::npos) return false;
  int width = 0, height = 0;
  if (!parse_number(text.substr(0, x), width) || !parse_number(text.substr(x + 1), height)) return false;
  request.width = width;
  request.height = height;
  return true;
}

// A1111's "name: hash, name: hash" of `Lora hashes` and `TI hashes`, with 12-digit hashes.
std::string hash_list(const std::map<std::string, std::string>& hashes) {
  std::string text;
  for (const auto& [name, hash] : hashes) text += (text.empty() ? "" : ", ") + name + ": " + a1111_short_hash(hash, 12);
  return text;
}

std::string trimmed(std::string_view text) {
  const size_t begin = text.find_first_not_of(' ');
  if (begin == std::string_view::npos) return "";
  return std::string(text.substr(begin, text.find_last_not_of(' ') - begin + 1));
}

std::map<std::string, std::string> read_hash_list(std::string_view text) {
  std::map<std::string, std::string> hashes;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    const size_t colon = item.rfind(':');
    if (colon != std::string_view::npos) hashes[trimmed(item.substr(0, colon))] = trimmed(item.substr(colon + 1));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return hashes;
}

// Reads a key that maps to a field of the description; says whether it did.
bool read_setting(const std::string& key, const std::string& value, A1111Reading& reading) {
  GenerationRequest& request = reading.request;
  if (key == "Steps") return parse_number(value, request.steps);
  if (key == "CFG scale") return parse_number(value, request.guidance_scale);
  if (key == "Seed") return parse_number(value, request.seed);
  if (key == "Size") return parse_size(value, request);
  if (key == "Eta DDIM") return parse_number(value, request.eta);
  if (key == "Clip skip") return parse_number(value, request.clip_skip, 1);
  if (key == "Variation seed") return parse_number(value, request.subseed);
  if (key == "Variation seed strength") return parse_number(value, request.subseed_strength, 0.0);
  if (key == "Denoising strength") return parse_number(value, request.strength);
  if (key == "Batch noise") {
    const auto mode = batch_noise_named(value);
    if (mode) request.batch_noise = *mode;
    return mode.has_value();
  }
  if (key == "Prompt syntax") {
    const auto syntax = prompt_syntax_named(value);
    if (syntax) request.prompt_syntax = *syntax;
    return syntax.has_value();
  }
  if (key == "Batch size") return parse_number(value, request.num_images, 1);
  if (key == "Batch pos") return parse_number(value, reading.batch_pos, 0);
  if (key == "Model") {
    request.model.name = value;
    return true;
  }
  if (key == "Lora blocks") return (request.lora_teacher_blocks = value == "teacher") || value == "own";
  if (key == "VAE") {
    request.vae.name = value;
    return true;
  }
  if (key == "Precision") return (value == "fp16" || value == "bf16") && !(request.precision = value).empty();
  if (key == "Model hash") return !(reading.model_hash = value).empty();
  if (key == "VAE hash") return !(reading.vae_hash = value).empty();
  if (key == "Lora hashes") return !(reading.lora_hashes = read_hash_list(value)).empty();
  if (key == "TI hashes") return !(reading.ti_hashes = read_hash_list(value)).empty();
  return false;
}

}  // namespace

A1111Parameters a1111_parameters(const GenerationRequest& request, int batch_pos) {
  const std::string& model = request.model.name.empty() ? request.model.id : request.model.name;
  // A per-image batch's image is its own seed's, as A1111 writes it; a shared batch's needs its place.
  const bool per_image = request.batch_noise == BatchNoise::PerImage;
  const uint64_t offset = per_image ? uint64_t(batch_pos) : 0;
  A1111Parameters parameters{request.prompt, request.negative_prompt, {
      {"Steps", std::to_string(request.steps)},
      {"Sampler", a1111_sampler_name(request.scheduler)},
      {"CFG scale", a1111_number(request.guidance_scale)},
      {"Seed", std::to_string(request.seed + offset)},
      {"Size", std::to_string(request.width) + "x" + std::to_string(request.height)},
  }};
  // A1111 hashes a checkpoint, which is one file; a diffusers folder's components have no such hash.
  if (request.model.hashes.size() == 1)
    parameters.settings.emplace_back("Model hash", a1111_short_hash(request.model.hashes.begin()->second, 10));
  parameters.settings.emplace_back("Model", model);
  if (!request.vae.id.empty()) {
    if (!request.vae.hashes.empty())
      parameters.settings.emplace_back("VAE hash", a1111_short_hash(request.vae.hashes.begin()->second, 10));
    parameters.settings.emplace_back("VAE", request.vae.name);
  }
  if (!request.init_image.empty()) parameters.settings.emplace_back("Denoising strength", a1111_number(request.strength));
  if (request.num_images > 1) {
    parameters.settings.emplace_back("Batch size", std::to_string(request.num_images));
    parameters.settings.emplace_back("Batch pos", std::to_string(batch_pos));
    if (!per_image) parameters.settings.emplace_back("Batch noise", std::string(batch_noise_name(request.batch_noise)));
  }
  if (request.subseed_strength != 0.0) {
    parameters.settings.emplace_back("Variation seed", std::to_string(request.subseed + offset));
    parameters.settings.emplace_back("Variation seed strength", a1111_number(request.subseed_strength));
  }
  if (request.scheduler == "ddim" && request.eta != 0.0) parameters.settings.emplace_back("Eta DDIM", a1111_number(request.eta));
  if (request.clip_skip != 1) parameters.settings.emplace_back("Clip skip", std::to_string(request.clip_skip));
  if (!request.precision.empty()) parameters.settings.emplace_back("Precision", request.precision);
  // A1111 always reads its own syntax; a run that read brackets as text says so, in a key of its own.
  if (request.prompt_syntax != PromptSyntax::A1111)
    parameters.settings.emplace_back("Prompt syntax", std::string(prompt_syntax_name(request.prompt_syntax)));
  std::map<std::string, std::string> lora_hashes;
  for (const LoraSetting& lora : request.loras)
    if (!lora.sha256.empty()) lora_hashes[std::filesystem::path(lora.file).stem().string()] = lora.sha256;
  if (!lora_hashes.empty()) parameters.settings.emplace_back("Lora hashes", hash_list(lora_hashes));
  // Not A1111's: a run that merged by BK-SDM's copy table says so, in a key of its own.
  if (request.lora_teacher_blocks) parameters.settings.emplace_back("Lora blocks", "teacher");
  if (!request.embedding_hashes.empty()) parameters.settings.emplace_back("TI hashes", hash_list(request.embedding_hashes));
  return parameters;
}

A1111Reading read_a1111_parameters(const A1111Parameters& parameters) {
  A1111Reading reading;
  reading.request.prompt = parameters.prompt;
  reading.request.negative_prompt = parameters.negative_prompt;
  reading.request.scheduler = a1111_scheduler(parameters);
  const bool known_scheduler = !reading.request.scheduler.empty();
  for (const auto& [key, value] : parameters.settings) {
    const bool names_scheduler = key == "Sampler" || key == "Schedule type";
    if ((names_scheduler && known_scheduler) || read_setting(key, value, reading)) continue;
    reading.other_settings.emplace_back(key, value);
  }
  return reading;
}

}  // namespace bksdm
