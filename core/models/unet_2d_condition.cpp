#include "core/models/unet_2d_condition.h"

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/loading/model_folder.h"
#include "core/models/single_file.h"
#include "core/models/unet_2d_blocks.h"
#include "core/io/message_text.h"

namespace bksdm {
namespace {

ResnetStackOptions stack_options(const UNet2DConditionConfig& config, size_t level, int64_t num_layers,
                                 bool cross_attention) {
  ResnetStackOptions stack;
  stack.num_layers = num_layers;
  stack.temb_channels = config.time_embed_dim();
  stack.groups = config.norm_num_groups;
  stack.eps = config.norm_eps;
  if (cross_attention) {
    stack.cross_attention =
        BlockAttentionOptions{.num_attention_heads = config.num_attention_heads[level],
                              .cross_attention_dim = config.cross_attention_dim[level],
                              .transformer_layers = config.transformer_layers_per_block[level],
                              .use_linear_projection = config.use_linear_projection,
                              .upcast_attention = config.upcast_attention};
  }
  return stack;
}

}  // namespace

UNet2DConditionModelImpl::UNet2DConditionModelImpl(const UNet2DConditionConfig& config) : config_(config) {
  const std::vector<int64_t>& channels = config.block_out_channels;
  const size_t levels = channels.size();
  conv_in_ = register_module("conv_in", Conv2d(config.in_channels, channels[0], config.conv_in_kernel, 1,
                                               (config.conv_in_kernel - 1) / 2));
  time_embedding_ =
      register_module("time_embedding", TimestepEmbedding(channels[0], config.time_embed_dim()));

  std::vector<std::shared_ptr<UNetDownBlockImpl>> down_blocks;
  for (size_t i = 0; i < levels; ++i) {
    down_blocks.push_back(std::make_shared<UNetDownBlockImpl>(
        DownBlockOptions{.stack = stack_options(config, i, config.layers_per_block[i],
                                                config.down_block_types[i] == "CrossAttnDownBlock2D"),
                         .in_channels = channels[i == 0 ? 0 : i - 1],
                         .out_channels = channels[i],
                         .add_downsample = i + 1 < levels,
                         .downsample_padding = config.downsample_padding}));
  }
  down_blocks_ = register_list(*this, "down_blocks", std::move(down_blocks));

  if (config.mid_block_type) {
    mid_block_ = register_module("mid_block", std::make_shared<UNetMidBlock2DCrossAttnImpl>(
                                                  channels.back(), stack_options(config, levels - 1, 1, true),
                                                  config.mid_block_scale_factor));
  }

  std::vector<std::shared_ptr<UNetUpBlockImpl>> up_blocks;
  for (size_t i = 0; i < levels; ++i) {
    const size_t level = levels - 1 - i;  // the down level this up block mirrors
    up_blocks.push_back(std::make_shared<UNetUpBlockImpl>(
        UpBlockOptions{.stack = stack_options(config, level, config.layers_per_block[level] + 1,
                                              config.up_block_types[i] == "CrossAttnUpBlock2D"),
                       .in_channels = channels[level == 0 ? 0 : level - 1],
                       .prev_output_channel = channels[i == 0 ? level : level + 1],
                       .out_channels = channels[level],
                       .add_upsample = i + 1 < levels}));
  }
  up_blocks_ = register_list(*this, "up_blocks", std::move(up_blocks));

  conv_norm_out_ =
      register_module("conv_norm_out", GroupNorm(config.norm_num_groups, channels[0], config.norm_eps));
  conv_out_ = register_module("conv_out", Conv2d(channels[0], config.out_channels, config.conv_out_kernel, 1,
                                                 (config.conv_out_kernel - 1) / 2));
}

void UNet2DConditionModelImpl::check_inputs(const at::Tensor& sample,
                                            const at::Tensor& encoder_hidden_states) const {
  if (sample.dim() != 4 || sample.size(1) != config_.in_channels) {
    throw Error("U-Net: the latents must be [batch, " + std::to_string(config_.in_channels) +
                ", height, width], not " + shape_text(sample.sizes()));
  }
  const int64_t cross_attention_dim = config_.cross_attention_dim.front();
  if (encoder_hidden_states.dim() != 3 || encoder_hidden_states.size(0) != sample.size(0) ||
      encoder_hidden_states.size(2) != cross_attention_dim) {
    throw Error("U-Net: the text embeddings must be [" + std::to_string(sample.size(0)) + ", tokens, " +
                std::to_string(cross_attention_dim) + "], not " + shape_text(encoder_hidden_states.sizes()));
  }
}

at::Tensor UNet2DConditionModelImpl::forward(const at::Tensor& sample, double timestep,
                                             const at::Tensor& encoder_hidden_states) const {
  check_inputs(sample, encoder_hidden_states);
  // The sinusoidal embedding is computed in float32 whatever the model's dtype, as in diffusers.
  const at::Tensor t_emb = timestep_embedding(timestep, sample.size(0), config_.block_out_channels[0],
                                              config_.flip_sin_to_cos, config_.freq_shift, sample.device());
  const at::Tensor emb = time_embedding_->forward(t_emb.to(sample.scalar_type()));

  at::Tensor hidden = conv_in_->forward(config_.center_input_sample ? sample * 2 - 1.0 : sample);
  std::vector<at::Tensor> skips{hidden};
  for (const auto& block : down_blocks_) hidden = block->forward(hidden, emb, encoder_hidden_states, skips);
  if (mid_block_) hidden = mid_block_->forward(hidden, emb, encoder_hidden_states);

  for (size_t i = 0; i < up_blocks_.size(); ++i) {
    const auto first_skip = skips.end() - static_cast<std::ptrdiff_t>(up_blocks_[i]->num_resnets());
    const std::vector<at::Tensor> block_skips(first_skip, skips.end());
    skips.erase(first_skip, skips.end());
    // Upsampling to the next skip connection's size, not by a plain factor 2, lets odd sizes
    // round-trip (8x12 latents: 12 -> 6 -> 3 -> 2 and back 2 -> 3 -> 6 -> 12), as diffusers does.
    std::optional<std::array<int64_t, 2>> upsample_size;
    if (!skips.empty()) upsample_size = std::array{skips.back().size(2), skips.back().size(3)};
    hidden = up_blocks_[i]->forward(hidden, block_skips, emb, encoder_hidden_states, upsample_size);
  }
  return conv_out_->forward(at::silu(conv_norm_out_->forward(hidden)));
}

void UNet2DConditionModelImpl::set_attention_observer(AttentionObserver observer) {
  std::shared_ptr<const AttentionObserver> shared;
  if (observer) shared = std::make_shared<const AttentionObserver>(std::move(observer));
  for (const auto& item : named_modules("", false)) {
    auto* attention = dynamic_cast<AttentionImpl*>(item.value().get());
    if (attention != nullptr && item.key().ends_with(".attn2")) attention->set_observer(shared, item.key());
  }
}

void UNet2DConditionModelImpl::set_fused_attention(bool fused) {
  for (const auto& item : named_modules("", false))
    if (auto* attention = dynamic_cast<AttentionImpl*>(item.value().get())) attention->set_fused(fused);
}

void UNet2DConditionModelImpl::to_channels_last() {
  at::NoGradGuard no_grad;
  for (auto& parameter : parameters())
    if (parameter.dim() == 4) parameter.set_data(parameter.contiguous(at::MemoryFormat::ChannelsLast));
}

UNet2DConditionModel load_unet(const UNet2DConditionConfig& config, const WeightSource& source,
                               const WeightLoadOptions& options) {
  UNet2DConditionModel unet = build_for_weights(source, [&] { return UNet2DConditionModel(config); });
  load_weights(*unet, source, options);
  return unet;
}

UNet2DConditionModel load_unet(const ModelFolder& model, const WeightLoadOptions& options,
                               std::vector<std::string>* warnings) {
  ParsedUNetConfig parsed =
      parse_unet_config(model.config("unet"), (model.component_dir("unet") / "config.json").string());
  if (warnings != nullptr) warnings->insert(warnings->end(), parsed.warnings.begin(), parsed.warnings.end());
  return load_unet(parsed.config, component_weights(model, "unet", parsed.config), options);
}

}  // namespace bksdm
