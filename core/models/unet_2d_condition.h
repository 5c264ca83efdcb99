#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/models/attention.h"
#include "core/models/embeddings.h"
#include "core/models/layers.h"
#include "core/models/unet_config.h"
#include "core/models/weights.h"

// diffusers' UNet2DConditionModel (models/unets/unet_2d_condition.py) for text-to-image: Stable
// Diffusion 1.x/2.x and the BK-SDM U-Nets (fewer blocks per stage, no mid block, fewer stages).
// Its parameters are named as in diffusers' checkpoints, so it loads unet/*.safetensors as is.
namespace bksdm {

class ModelFolder;
class UNetDownBlockImpl;
class UNetUpBlockImpl;
class UNetMidBlock2DCrossAttnImpl;

class UNet2DConditionModelImpl : public torch::nn::Module {
 public:
  explicit UNet2DConditionModelImpl(const UNet2DConditionConfig& config);

  // The noise prediction [B, out_channels, h, w] for latents `sample` [B, in_channels, h, w] at
  // `timestep` (the same for the whole batch; fractional ones too, as Euler schedulers pass them)
  // with text embeddings `encoder_hidden_states` [B, tokens, cross_attention_dim]. Any h and w:
  // upsampling follows the skip connections' sizes, so odd sizes work. Runs in the dtype and on the
  // device of `sample`, which must match the parameters'.
  at::Tensor forward(const at::Tensor& sample, double timestep,
                     const at::Tensor& encoder_hidden_states) const;

  // Every cross-attention layer (`attn2`) shows its attention probabilities to `observer` from now
  // on; an empty function removes it. Without an observer the layers skip that step entirely.
  void set_attention_observer(AttentionObserver observer);
  // AttentionImpl::set_fused on every attention layer.
  void set_fused_attention(bool fused);
  // Convolution weights in channels-last order (NHWC), which cuDNN's tensor-core kernels prefer;
  // inputs in that order then keep it through the network.
  void to_channels_last();

  const UNet2DConditionConfig& config() const { return config_; }

 private:
  void check_inputs(const at::Tensor& sample, const at::Tensor& encoder_hidden_states) const;

  UNet2DConditionConfig config_;
  Conv2d conv_in_{nullptr};
  TimestepEmbedding time_embedding_{nullptr};
  std::vector<std::shared_ptr<UNetDownBlockImpl>> down_blocks_;
  std::shared_ptr<UNetMidBlock2DCrossAttnImpl> mid_block_;  // null: none (BK-SDM Small, Tiny)
  std::vector<std::shared_ptr<UNetUpBlockImpl>> up_blocks_;
  GroupNorm conv_norm_out_{nullptr};
  Conv2d conv_out_{nullptr};
};
TORCH_MODULE(UNet2DConditionModel);

// Builds the U-Net of `config` and loads its weights from `source`.
UNet2DConditionModel load_unet(const UNet2DConditionConfig& config, const WeightSource& source,
                               const WeightLoadOptions& options = {});
// The same for a model's U-Net (its unet/ folder, or its part of a single file); the config's
// warnings (unknown keys) are appended to `warnings` when given.
UNet2DConditionModel load_unet(const ModelFolder& model, const WeightLoadOptions& options = {},
                               std::vector<std::string>* warnings = nullptr);

}  // namespace bksdm
