#pragma once
#include <QString>
#include <QStringList>

namespace bksdm {

// The files of a diffusers repo that the app reads, picked from the repo's file list: model_index.json,
// each component's config.json, the scheduler config, the tokenizer's JSON files and merges.txt, and
// the safetensors weights of text_encoder, unet and vae (`*.VARIANT.safetensors` where the repo has
// that variant for the component, else the plain file). Pickles are never picked. model_index.json
// comes last, since its presence is what marks a folder as a model. A repo of one component (a VAE
// such as stabilityai/sd-vae-ft-mse or madebyollin/taesd: config.json and
// diffusion_pytorch_model.safetensors at its top) gives those two, config.json last. A repo that is
// neither, or a component without safetensors weights, is a HubError::Kind::NotFound naming it.
QStringList selectModelFiles(const QStringList& repoFiles, const QString& variant, const QString& repoId);

}  // namespace bksdm
