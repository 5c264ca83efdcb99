#include "app/generation_params.h"

#include "core/generation/a1111_run.h"
#include "core/generation/generation_request.h"

namespace bksdm {
namespace {

QString fromUtf8(const std::string& text) { return QString::fromStdString(text); }

ModelIdentity toIdentity(const GenerationParams& params) {
  ModelIdentity identity{params.modelId.toStdString(), params.modelName.toStdString(), {}};
  for (auto it = params.modelHashes.begin(); it != params.modelHashes.end(); ++it)
    identity.hashes.emplace(it.key().toStdString(), it.value().toStdString());
  return identity;
}

void setIdentity(GenerationParams& params, const ModelIdentity& identity) {
  params.modelId = fromUtf8(identity.id);
  params.modelName = fromUtf8(identity.name);
  for (const auto& [file, hash] : identity.hashes) params.modelHashes.insert(fromUtf8(file), fromUtf8(hash));
}

}  // namespace

int defaultSteps() { return kDefaultSteps; }
double defaultGuidanceScale() { return kDefaultGuidanceScale; }
int maxSteps() { return kMaxSteps; }
int maxImages() { return kMaxImages; }

GenerationRequest toRequest(const GenerationParams& params) {
  GenerationRequest request;
  request.model = toIdentity(params);
  request.prompt = params.prompt.toStdString();
  request.negative_prompt = params.negativePrompt.toStdString();
  request.seed = params.seed;
  request.steps = params.steps;
  request.guidance_scale = params.guidanceScale;
  request.width = params.width;
  request.height = params.height;
  request.scheduler = params.scheduler.toStdString();
  request.eta = params.eta;
  request.num_images = params.numImages;
  request.tiled_decode = params.tiledDecode;
  request.attention_maps = request.attention_maps_per_step = params.attentionMaps;
  return request;
}

GenerationParams fromRequest(const GenerationRequest& request) {
  GenerationParams params;
  setIdentity(params, request.model);
  params.prompt = fromUtf8(request.prompt);
  params.negativePrompt = fromUtf8(request.negative_prompt);
  params.seed = request.seed;
  params.steps = request.steps;
  params.guidanceScale = request.guidance_scale;
  params.width = request.width;
  params.height = request.height;
  params.scheduler = fromUtf8(request.scheduler);
  params.eta = request.eta;
  params.numImages = request.num_images;
  params.tiledDecode = request.tiled_decode;
  params.attentionMaps = request.attention_maps;
  return params;
}

QString a1111Text(const GenerationParams& params, int batchIndex) {
  return fromUtf8(format_a1111_parameters(a1111_parameters(toRequest(params), batchIndex)));
}

ParametersReading readA1111Text(const QString& text) {
  const A1111Reading read = read_a1111_parameters(parse_a1111_parameters(text.toStdString()));
  ParametersReading reading{fromRequest(read.request), read.batch_pos, {}};
  for (const auto& [key, value] : read.other_settings) reading.otherSettings.append({fromUtf8(key), fromUtf8(value)});
  return reading;
}

}  // namespace bksdm
