#include "app/generation_params.h"

#include <algorithm>
#include <limits>

#include <QJsonValue>

#include "core/generation/a1111_run.h"
#include "core/generation/generation_request.h"
#include "core/io/image_file.h"

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
int promptChunkTokens() { return kPromptChunkTokens; }
int maxPromptChunks() { return kMaxPromptChunks; }
double defaultStrength() { return kDefaultStrength; }

namespace {

// Every field but the image inputs' pixels.
GenerationRequest describedRequest(const GenerationParams& params) {
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
  request.prompt_syntax = prompt_syntax_named(params.promptSyntax.toStdString()).value_or(PromptSyntax::A1111);
  request.clip_skip = params.clipSkip;
  request.num_images = params.numImages;
  request.batch_noise = batch_noise_named(params.batchNoise.toStdString()).value_or(BatchNoise::PerImage);
  request.strength = params.strength;
  request.subseed = params.subseed;
  request.subseed_strength = params.subseedStrength;
  request.tiled_decode = params.tiledDecode;
  request.attention_maps = request.attention_maps_per_step = params.attentionMaps;
  request.negative_attention_maps = params.attentionMaps && params.negativeAttentionMaps;
  return request;
}

RgbImage imageFile(const QString& path) { return path.isEmpty() ? RgbImage{} : read_image(path.toStdString()); }

}  // namespace

GenerationRequest toRequest(const GenerationParams& params) {
  GenerationRequest request = describedRequest(params);
  request.init_image = imageFile(params.initImage);
  request.mask = imageFile(params.mask);
  return request;
}

GenerationParams variationOf(const GenerationParams& params, int batchIndex, quint64 subseed, double strength) {
  GenerationParams varied = params;
  if (params.batchNoise != QLatin1String("shared")) {
    varied.seed = params.seed + quint64(batchIndex);
    varied.numImages = 1;
  }
  varied.subseed = subseed;
  varied.subseedStrength = strength;
  return varied;
}

int stepsThatRun(const GenerationParams& params) {
  if (params.initImage.isEmpty()) return params.steps;
  return params.steps - int(strength_start_index(params.steps, params.strength));
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
  params.promptSyntax = fromUtf8(std::string(prompt_syntax_name(request.prompt_syntax)));
  params.clipSkip = request.clip_skip;
  params.numImages = request.num_images;
  params.batchNoise = fromUtf8(std::string(batch_noise_name(request.batch_noise)));
  params.strength = request.strength;
  params.subseed = request.subseed;
  params.subseedStrength = request.subseed_strength;
  params.tiledDecode = request.tiled_decode;
  params.attentionMaps = request.attention_maps;
  params.negativeAttentionMaps = request.negative_attention_maps;
  return params;
}

namespace {

// JSON numbers are exact to 2^53 in most readers; Qt keeps 64-bit integers, and a seed past
// int64 goes as a decimal string so no reader rounds it.
QJsonValue seedToJson(quint64 seed) {
  if (seed <= quint64(std::numeric_limits<qint64>::max())) return QJsonValue(qint64(seed));
  return QJsonValue(QString::number(seed));
}

quint64 seedFromJson(const QJsonValue& value) {
  if (value.isString()) return value.toString().toULongLong();
  return quint64(value.toInteger());
}

}  // namespace

QJsonObject paramsToJson(const GenerationParams& p) {
  QJsonObject hashes;
  for (auto it = p.modelHashes.begin(); it != p.modelHashes.end(); ++it) hashes[it.key()] = it.value();
  return {
      {"prompt", p.prompt},
      {"negative_prompt", p.negativePrompt},
      {"model", QJsonObject{{"id", p.modelId}, {"name", p.modelName}, {"hashes", hashes}}},
      {"scheduler", p.scheduler},
      {"steps", p.steps},
      {"guidance_scale", p.guidanceScale},
      {"eta", p.eta},
      {"prompt_syntax", p.promptSyntax},
      {"clip_skip", p.clipSkip},
      {"seed", seedToJson(p.seed)},
      {"width", p.width},
      {"height", p.height},
      {"num_images", p.numImages},
      {"batch_noise", p.batchNoise},
      {"init_image", p.initImage},
      {"mask", p.mask},
      {"strength", p.strength},
      {"subseed", seedToJson(p.subseed)},
      {"subseed_strength", p.subseedStrength},
      {"attention_maps", p.attentionMaps},
      {"negative_attention_maps", p.negativeAttentionMaps},
      {"tiled_decode", p.tiledDecode},
  };
}

GenerationParams paramsFromJson(const QJsonObject& json) {
  GenerationParams p;
  const QJsonObject model = json["model"].toObject();
  const QJsonObject hashes = model["hashes"].toObject();
  p.prompt = json["prompt"].toString();
  p.negativePrompt = json["negative_prompt"].toString();
  p.modelId = model["id"].toString();
  p.modelName = model["name"].toString();
  for (auto it = hashes.begin(); it != hashes.end(); ++it) p.modelHashes[it.key()] = it->toString();
  p.scheduler = json["scheduler"].toString();
  p.steps = std::max(1, json["steps"].toInt(p.steps));
  p.guidanceScale = json["guidance_scale"].toDouble(p.guidanceScale);
  p.eta = json["eta"].toDouble(p.eta);
  // Runs stored before the prompt syntax existed read their prompts as plain text.
  p.promptSyntax = json["prompt_syntax"].toString(QStringLiteral("plain"));
  p.clipSkip = std::max(1, json["clip_skip"].toInt(p.clipSkip));
  p.seed = seedFromJson(json["seed"]);
  p.width = json["width"].toInt(p.width);
  p.height = json["height"].toInt(p.height);
  p.numImages = std::max(1, json["num_images"].toInt(p.numImages));
  // Batches stored before per-image noise existed were drawn from one generator.
  const QString batchNoise = json["batch_noise"].toString(p.numImages > 1 ? QStringLiteral("shared") : p.batchNoise);
  if (batch_noise_named(batchNoise.toStdString())) p.batchNoise = batchNoise;
  p.initImage = json["init_image"].toString();
  p.mask = json["mask"].toString();
  const double strength = json["strength"].toDouble(p.strength);
  if (strength > 0 && strength <= 1) p.strength = strength;
  p.subseed = seedFromJson(json["subseed"]);
  p.subseedStrength = std::clamp(json["subseed_strength"].toDouble(p.subseedStrength), 0.0, 1.0);
  p.attentionMaps = json["attention_maps"].toBool();
  p.negativeAttentionMaps = json["negative_attention_maps"].toBool();
  p.tiledDecode = json["tiled_decode"].toBool();
  return p;
}

QString a1111Text(const GenerationParams& params, int batchIndex) {
  GenerationRequest request = describedRequest(params);
  // The text says that a run started from an image, not what image: a stand-in pixel says it.
  if (!params.initImage.isEmpty()) request.init_image = RgbImage{1, 1, {0, 0, 0}};
  return fromUtf8(format_a1111_parameters(a1111_parameters(request, batchIndex)));
}

ParametersReading readA1111Text(const QString& text) {
  const A1111Reading read = read_a1111_parameters(parse_a1111_parameters(text.toStdString()));
  ParametersReading reading{fromRequest(read.request), read.batch_pos, {}};
  for (const auto& [key, value] : read.other_settings) reading.otherSettings.append({fromUtf8(key), fromUtf8(value)});
  return reading;
}

}  // namespace bksdm
