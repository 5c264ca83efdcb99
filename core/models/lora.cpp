#include "core/models/lora.h"

#include <algorithm>
#include <set>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/io/message_text.h"
#include "core/io/pickle_file.h"

namespace bksdm {
namespace {

struct Naming {
  std::string_view prefix, component, down, up;
};
constexpr Naming kNamings[] = {
    {"lora_unet_", "unet", ".lora_down.weight", ".lora_up.weight"},
    {"lora_te_", "text_encoder", ".lora_down.weight", ".lora_up.weight"},
    {"unet.", "unet", ".lora_A.weight", ".lora_B.weight"},
    {"text_encoder.", "text_encoder", ".lora_A.weight", ".lora_B.weight"},
};

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// A module path in kohya's spelling: dots as underscores, so both formats name a weight alike.
std::string underscored(std::string_view path) {
  std::string name(path);
  std::replace(name.begin(), name.end(), '.', '_');
  return name;
}

std::string key_of(std::string_view component, std::string_view path) {
  return std::string(component) + ":" + underscored(path);
}

// down [rank, in(, kh, kw)] and up [out, rank(, 1, 1)]: the rank is the one both share.
void check_ranks(const std::filesystem::path& path, const std::string& layer, const at::Tensor& down,
                 const at::Tensor& up) {
  if (down.dim() >= 2 && up.dim() >= 2 && up.size(1) == down.size(0) && down.size(0) > 0) return;
  throw Error(path.string() + ": LoRA layer " + layer + " has down " + shape_text(down.sizes()) + " and up " +
              shape_text(up.sizes()) + ": not the matrices of one rank (down [rank, in], up [out, rank])");
}

}  // namespace

std::shared_ptr<const LoraFile> LoraFile::read(const std::filesystem::path& path) {
  if (is_pickle_file(path)) throw Error(pickle_refusal(path));
  auto lora = std::make_shared<LoraFile>();
  lora->path_ = path;
  lora->file_ = SafetensorsFile::open(path);
  const SafetensorsFile& file = *lora->file_;
  for (const TensorInfo& info : file.tensors())
    for (const Naming& naming : kNamings) {
      if (info.name.rfind(naming.prefix, 0) != 0 || !ends_with(info.name, naming.down)) continue;
      const std::string stem = info.name.substr(0, info.name.size() - naming.down.size());
      const std::string up = stem + std::string(naming.up), alpha = stem + ".alpha";
      if (!file.find(up)) throw Error(path.string() + ": LoRA layer " + stem + " has a down weight but no up weight");
      const at::Tensor down = file.tensor(info.name, at::kFloat);
      const at::Tensor up_weight = file.tensor(up, at::kFloat);
      check_ranks(path, stem, down, up_weight);
      if (file.find(alpha) && file.find(alpha)->numel() != 1)
        throw Error(path.string() + ": LoRA layer " + stem + " has an alpha of shape " +
                    shape_text(file.find(alpha)->shape) + ", not one number");
      const double rank = double(down.size(0));
      const double scale = file.find(alpha) ? file.tensor(alpha, at::kFloat).item<double>() / rank : 1.0;
      lora->layers_[key_of(naming.component, stem.substr(naming.prefix.size()))] = Layer{stem, down, up_weight, scale};
    }
  if (lora->layers_.empty())
    throw Error(path.string() + ": no LoRA layers (kohya's lora_unet_/lora_te_ or diffusers' unet./text_encoder. "
                                "names with lora_down/lora_up or lora_A/lora_B weights)");
  return lora;
}

const LoraFile::Layer* LoraFile::layer_for(std::string_view component, std::string_view parameter) const {
  if (!ends_with(parameter, ".weight")) return nullptr;
  const auto found = layers_.find(key_of(component, parameter.substr(0, parameter.size() - 7)));
  return found == layers_.end() ? nullptr : &found->second;
}

at::Tensor LoraFile::delta(const Layer& layer, double multiplier, at::IntArrayRef weight) const {
  check_fits(layer, weight);
  const int64_t rank = layer.down.size(0), out = layer.up.size(0);
  return (layer.up.reshape({out, rank}).mm(layer.down.reshape({rank, -1})) * (multiplier * layer.scale)).reshape(weight);
}

void LoraFile::check_fits(const Layer& layer, at::IntArrayRef weight) const {
  const int64_t rank = layer.down.size(0), out = layer.up.size(0);
  const int64_t weight_numel = c10::multiply_integers(weight);
  const bool fits = !weight.empty() && weight[0] == out && layer.up.numel() == out * rank &&
                    layer.down.numel() * out == weight_numel * rank;
  if (!fits)
    throw Error(path_.string() + ": LoRA layer " + layer.name + " (down " + shape_text(layer.down.sizes()) + ", up " +
                shape_text(layer.up.sizes()) + ") does not fit the model's weight of shape " + shape_text(weight) +
                ": a LoRA for another model (SD 2.x and SD 1.x differ in widths)");
}

namespace {

const LoraFile::Layer* layer_of(const LoraUse& use, std::string_view component, const std::string& parameter) {
  const bool renamed = use.unet_name && component == "unet";
  return use.file->layer_for(component, renamed ? use.unet_name(parameter) : parameter);
}

}  // namespace

at::Tensor merged_weight(const std::vector<LoraUse>& loras, std::string_view component, const std::string& parameter,
                         const at::Tensor& value) {
  at::Tensor merged;
  for (const LoraUse& use : loras) {
    const LoraFile::Layer* layer = layer_of(use, component, parameter);
    if (!layer) continue;
    if (!merged.defined()) merged = value.to(at::kFloat, /*non_blocking=*/false, /*copy=*/true);
    merged += use.file->delta(*layer, use.multiplier, value.sizes()).to(merged.device());
  }
  return merged.defined() ? merged.to(value.scalar_type()) : value;
}

std::vector<std::string> lora_report(const std::vector<LoraUse>& loras,
                                     const std::map<std::string, std::map<std::string, std::vector<int64_t>>>& weights) {
  constexpr size_t kNamed = 3;
  std::vector<std::string> lines;
  for (const LoraUse& use : loras) {
    std::map<std::string, int> matched;
    std::set<const LoraFile::Layer*> used;
    for (const auto& [component, shapes] : weights)
      for (const auto& [parameter, shape] : shapes)
        if (const LoraFile::Layer* layer = layer_of(use, component, parameter)) {
          use.file->check_fits(*layer, shape);
          ++matched[component];
          used.insert(layer);
        }
    std::vector<std::string> unmatched;
    for (const auto& [key, layer] : use.file->layers())
      if (!used.count(&layer)) unmatched.push_back(layer.name);
    std::string line = use.file->path().filename().string() + ": " +
                       std::to_string(use.file->layers().size() - unmatched.size()) + " of " +
                       std::to_string(use.file->layers().size()) + " layers merged";
    for (const auto& [component, count] : matched) line += ", " + std::to_string(count) + " in " + component;
    lines.push_back(line);
    if (unmatched.empty()) continue;
    std::string names;
    for (size_t i = 0; i < std::min(unmatched.size(), kNamed); ++i) names += (i ? ", " : "") + unmatched[i];
    lines.push_back(use.file->path().filename().string() + ": " + std::to_string(unmatched.size()) +
                    " layers name no weight of this model and are skipped: " + names +
                    (unmatched.size() > kNamed ? ", ..." : ""));
  }
  return lines;
}

}  // namespace bksdm
