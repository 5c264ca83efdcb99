#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <ATen/core/Tensor.h>

#include "core/io/safetensors.h"

namespace bksdm {

// A LoRA file, in kohya's names (`lora_unet_` / `lora_te_` + the module path with `_` for `.`,
// `.lora_down.weight`, `.lora_up.weight`, `.alpha`) or diffusers/PEFT's (`unet.` / `text_encoder.`
// + the module path, `.lora_A.weight`, `.lora_B.weight`, no alpha). Each layer changes one weight
// W of a component as diffusers' fuse_lora does, in float32:
// W + multiplier · (alpha / rank) · (up @ down), reshaped to W's shape (LoCon's 3×3 convolutions too).
class LoraFile {
 public:
  // Refuses, naming the file, one that holds no LoRA layer or a layer without its down or up.
  static std::shared_ptr<const LoraFile> read(const std::filesystem::path& path);

  struct Layer {
    std::string name;  // as the file names it, without the suffix: what a report shows
    at::Tensor down, up;
    double scale;      // alpha / rank; 1 where the file gives no alpha
  };

  // The layer that changes `parameter` (a weight's name in `component`, "unet" or "text_encoder",
  // e.g. "down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q.weight"), or null.
  const Layer* layer_for(std::string_view component, std::string_view parameter) const;
  // multiplier · scale · (up @ down) in `weight`'s shape, float32; a bksdm::Error naming the file,
  // the layer and both shapes when the layer does not fit the weight (a LoRA for another model).
  at::Tensor delta(const Layer& layer, double multiplier, at::IntArrayRef weight) const;
  // delta()'s refusal alone, without computing the product.
  void check_fits(const Layer& layer, at::IntArrayRef weight) const;

  const std::filesystem::path& path() const { return path_; }
  // Every layer, by component and its path with `_` for `.`.
  const std::map<std::string, Layer>& layers() const { return layers_; }

 private:
  std::filesystem::path path_;
  std::shared_ptr<const SafetensorsFile> file_;
  std::map<std::string, Layer> layers_;
};

// The LoRAs of a run, in order, each with its multiplier.
struct LoraUse {
  std::shared_ptr<const LoraFile> file;
  double multiplier = 1.0;
  // The name a U-Net parameter's layer has in the file, where it is not the parameter's own (a
  // teacher's LoRA on a BK-SDM student: teacher_parameter); empty: its own.
  std::function<std::string(const std::string&)> unet_name;
};

// `value` (a weight `parameter` of `component` as loaded) with the LoRAs merged in, one after the
// other in float32, in value's dtype and device; `value` itself where none changes it.
at::Tensor merged_weight(const std::vector<LoraUse>& loras, std::string_view component, const std::string& parameter,
                         const at::Tensor& value);

// What the LoRAs change in a model whose components have these weights (name -> shape): lines for
// the person running them (layers matched per file and component, layers naming no weight of this
// model, the first few by name). A layer that does not fit its weight is a bksdm::Error, before
// any run (a LoRA for SD 2.x on SD 1.x: the text encoder's widths differ).
std::vector<std::string> lora_report(const std::vector<LoraUse>& loras,
                                     const std::map<std::string, std::map<std::string, std::vector<int64_t>>>& weights);

}  // namespace bksdm
