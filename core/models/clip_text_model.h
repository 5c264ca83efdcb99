#pragma once
#include <torch/nn/module.h>

#include <memory>

#include "core/models/clip_text_config.h"
#include "core/models/weights.h"

namespace bksdm {

class ModelFolder;
class CLIPTextTransformer;

// transformers' CLIPTextModel (4.44) as Stable Diffusion uses it: token and position embeddings,
// pre-LN transformer layers under a causal mask (no padding mask, as the SD pipelines run it) and
// the final layer norm. Parameter names are the checkpoint's ("text_model.encoder.layers.0...").
// Built uninitialised, like the layers of layers.h: load weights next.
class CLIPTextModel : public torch::nn::Module {
 public:
  explicit CLIPTextModel(const CLIPTextConfig& config);

  // input_ids [batch, length <= max_position_embeddings], any integer dtype, any device ->
  // [batch, length, hidden_size] on the model's device, in its dtype: with `clip_skip` 1 the
  // last_hidden_state; N in A1111's numbering takes the output of the N-th layer from the end
  // (transformers' hidden_states[-N]), then the final layer norm, as A1111 and diffusers' clip_skip
  // (N - 1 there) do.
  at::Tensor forward(const at::Tensor& input_ids, int clip_skip = 1) const;

  const CLIPTextConfig& config() const { return config_; }

 private:
  CLIPTextConfig config_;
  std::shared_ptr<CLIPTextTransformer> text_model_;
};

// The folder's text encoder (text_encoder/config.json and its weights), loaded with `options`;
// the checkpoint's `text_model.embeddings.position_ids` buffer is accepted and ignored.
std::shared_ptr<CLIPTextModel> load_clip_text_model(const ModelFolder& folder,
                                                    const WeightLoadOptions& options = {});

}  // namespace bksdm
