#include "app/generation_params.h"

#include <algorithm>
#include <limits>

#include <filesystem>

#include <QJsonValue>

#include "app/lora_tags.h"
#include "core/generation/a1111_run.h"
#include "core/generation/generation_request.h"
#include "core/generation/prompt_loras.h"
#include "core/io/image_file.h"

namespace bksdm {
namespace {

QString fromUtf8(const std::string& text) { return QString::fromStdString(text); }

std::map<std::string, std::string> toStdMap(const QMap<QString, QString>& map) {
  std::map<std::string, std::string> converted;
  for (auto it = map.begin(); it != map.end(); ++it) converted.emplace(it.key().toStdString(), it.value().toStdString());
  return converted;
}

QMap<QString, QString> fromStdMap(const std::map<std::string, std::string>& map) {
  QMap<QString, QString> converted;
  for (const auto& [key, value] : map) converted.insert(fromUtf8(key), fromUtf8(value));
  return converted;
}

ModelIdentity toIdentity(const QString& id, const QString& name, const QMap<QString, QString>& hashes) {
  return {id.toStdString(), name.toStdString(), toStdMap(hashes)};
}

// A LoRA's name in the prompt's tags: its file's stem.
QString loraName(const LoraSetting& lora) { return fromUtf8(std::filesystem::path(lora.file).stem().string()); }

}  // namespace

int defaultSteps() { return kDefaultSteps; }
double defaultGuidanceScale() { return kDefaultGuidanceScale; }
int maxSteps() { return kMaxSteps; }
int maxImages() { return kMaxImages; }
int promptChunkTokens() { return kPromptChunkTokens; }
int maxPromptChunks() { return kMaxPromptChunks; }
double defaultStrength() { return kDefaultStrength; }

GenerationRequest describedRequest(const GenerationParams& params) {
  GenerationRequest request;
  request.model = toIdentity(params.modelId, params.modelName, params.modelHashes);
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
  request.precision = params.precision.toStdString();
  request.attention_maps = request.attention_maps_per_step = params.attentionMaps;
  request.negative_attention_maps = params.attentionMaps && params.negativeAttentionMaps;
  request.attention_maps_per_layer = params.attentionMaps && params.layerAttentionMaps;
  request.embeddings = params.embeddingsFolder.toStdString();
  request.lora_teacher_blocks = params.loraTeacherBlocks;
  request.embedding_hashes = toStdMap(params.embeddingHashes);
  request.vae = toIdentity(params.vaeId, params.vaeName, params.vaeHashes);
  return request;
}

namespace {

// The prompt's LoRAs from the LoRA folder, each with its hash where the description has it.
std::vector<LoraSetting> promptLoras(const GenerationRequest& request, const GenerationParams& params) {
  std::vector<LoraSetting> loras = prompt_loras(request, params.loraFolder.toStdString());
  for (LoraSetting& lora : loras) lora.sha256 = params.loraHashes.value(loraName(lora)).toStdString();
  return loras;
}

RgbImage imageFile(const QString& path) { return path.isEmpty() ? RgbImage{} : read_image(path.toStdString()); }

}  // namespace

GenerationRequest toRequest(const GenerationParams& params) {
  GenerationRequest request = describedRequest(params);
  request.init_image = imageFile(params.initImage);
  request.mask = imageFile(params.mask);
  request.loras = promptLoras(request, params);
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
  params.modelId = fromUtf8(request.model.id);
  params.modelName = fromUtf8(request.model.name);
  params.modelHashes = fromStdMap(request.model.hashes);
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
  params.precision = fromUtf8(request.precision);
  params.attentionMaps = request.attention_maps;
  params.negativeAttentionMaps = request.negative_attention_maps;
  params.layerAttentionMaps = request.attention_maps_per_layer;
  params.embeddingsFolder = fromUtf8(request.embeddings);
  params.loraTeacherBlocks = request.lora_teacher_blocks;
  params.embeddingHashes = fromStdMap(request.embedding_hashes);
  for (const LoraSetting& lora : request.loras)
    if (!lora.sha256.empty()) params.loraHashes.insert(loraName(lora), fromUtf8(lora.sha256));
  params.vaeId = fromUtf8(request.vae.id);
  params.vaeName = fromUtf8(request.vae.name);
  params.vaeHashes = fromStdMap(request.vae.hashes);
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

QJsonObject mapToJson(const QMap<QString, QString>& map) {
  QJsonObject json;
  for (auto it = map.begin(); it != map.end(); ++it) json[it.key()] = it.value();
  return json;
}

QMap<QString, QString> mapFromJson(const QJsonValue& value) {
  QMap<QString, QString> map;
  const QJsonObject json = value.toObject();
  for (auto it = json.begin(); it != json.end(); ++it) map.insert(it.key(), it->toString());
  return map;
}

}  // namespace

QJsonObject paramsToJson(const GenerationParams& p) {
  return {
      {"prompt", p.prompt},
      {"negative_prompt", p.negativePrompt},
      {"model", QJsonObject{{"id", p.modelId}, {"name", p.modelName}, {"hashes", mapToJson(p.modelHashes)}}},
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
      {"precision", p.precision},
      {"lora_folder", p.loraFolder},
      {"lora_hashes", mapToJson(p.loraHashes)},
      {"lora_teacher_blocks", p.loraTeacherBlocks},
      {"embeddings_folder", p.embeddingsFolder},
      {"embedding_hashes", mapToJson(p.embeddingHashes)},
      {"vae", QJsonObject{{"id", p.vaeId}, {"name", p.vaeName}, {"hashes", mapToJson(p.vaeHashes)}}},
  };
}

GenerationParams paramsFromJson(const QJsonObject& json) {
  GenerationParams p;
  const QJsonObject model = json["model"].toObject();
  const QJsonObject vae = json["vae"].toObject();
  p.prompt = json["prompt"].toString();
  p.negativePrompt = json["negative_prompt"].toString();
  p.modelId = model["id"].toString();
  p.modelName = model["name"].toString();
  p.modelHashes = mapFromJson(model["hashes"]);
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
  p.precision = json["precision"].toString();
  p.loraFolder = json["lora_folder"].toString();
  p.loraHashes = mapFromJson(json["lora_hashes"]);
  p.loraTeacherBlocks = json["lora_teacher_blocks"].toBool();
  p.embeddingsFolder = json["embeddings_folder"].toString();
  p.embeddingHashes = mapFromJson(json["embedding_hashes"]);
  p.vaeId = vae["id"].toString();
  p.vaeName = vae["name"].toString();
  p.vaeHashes = mapFromJson(vae["hashes"]);
  return p;
}

QString a1111Text(const GenerationParams& params, int batchIndex) {
  GenerationRequest request = describedRequest(params);
  // The text says that a run started from an image, not what image: a stand-in pixel says it.
  if (!params.initImage.isEmpty()) request.init_image = RgbImage{1, 1, {0, 0, 0}};
  // A LoRA file gone since the run leaves the text without its hash, not without the text.
  try {
    request.loras = promptLoras(request, params);
  } catch (const std::exception&) {
  }
  return fromUtf8(format_a1111_parameters(a1111_parameters(request, batchIndex)));
}

namespace {

// A1111's hashes of the files a run used: read into the run's description, and still shown with the
// settings the form has no control for.
bool isFileHash(const std::string& key) {
  return key == "Model hash" || key == "VAE hash" || key == "Lora hashes" || key == "TI hashes";
}

}  // namespace

ParametersReading readA1111Text(const QString& text) {
  const A1111Parameters parameters = parse_a1111_parameters(text.toStdString());
  const A1111Reading read = read_a1111_parameters(parameters);
  ParametersReading reading{fromRequest(read.request), read.batch_pos, {}};
  reading.params.loraHashes = fromStdMap(read.lora_hashes);
  // A1111 names a checkpoint by its file's stem and the first digits of its sha256.
  if (!read.model_hash.empty())
    reading.params.modelHashes.insert(reading.params.modelName + QStringLiteral(".safetensors"), fromUtf8(read.model_hash));
  reading.params.embeddingHashes = fromStdMap(read.ti_hashes);
  if (!read.vae_hash.empty()) reading.params.vaeHashes.insert(reading.params.vaeName, fromUtf8(read.vae_hash));
  // In the text's order.
  for (const auto& [key, value] : parameters.settings) {
    const bool unread = std::find(read.other_settings.begin(), read.other_settings.end(), std::pair(key, value)) !=
                        read.other_settings.end();
    if (unread || isFileHash(key)) reading.otherSettings.append({fromUtf8(key), fromUtf8(value)});
  }
  return reading;
}

namespace {

// The name of the file among `folderHashes` whose hash starts with `hash`, or empty.
QString fileWithHash(const QMap<QString, QString>& folderHashes, const QString& hash) {
  if (hash.isEmpty()) return {};
  for (auto it = folderHashes.begin(); it != folderHashes.end(); ++it)
    if (it.value().startsWith(hash, Qt::CaseInsensitive)) return it.key();
  return {};
}

}  // namespace

GenerationParams withLorasFoundByHash(GenerationParams params, const QMap<QString, QString>& folderHashes, QStringList* missing) {
  QStringList names;
  for (const LoraTag& tag : loraTags(params.prompt) + loraTags(params.negativePrompt))
    if (!folderHashes.contains(tag.name) && !names.contains(tag.name)) names << tag.name;
  for (const QString& name : names) {
    const QString found = fileWithHash(folderHashes, params.loraHashes.value(name));
    if (found.isEmpty()) {
      if (missing) missing->append(name);
      continue;
    }
    params.prompt = withLoraRenamed(params.prompt, name, found);
    params.negativePrompt = withLoraRenamed(params.negativePrompt, name, found);
    params.loraHashes.insert(found, params.loraHashes.take(name));
  }
  return params;
}

GenerationParams withEmbeddingsFoundByHash(GenerationParams params, const QMap<QString, QString>& folderHashes,
                                           QStringList* missing) {
  const QMap<QString, QString> used = params.embeddingHashes;
  for (auto it = used.begin(); it != used.end(); ++it) {
    if (folderHashes.contains(it.key())) continue;
    const QString found = fileWithHash(folderHashes, it.value());
    if (found.isEmpty()) {
      if (missing) missing->append(it.key());
      continue;
    }
    // As the tokenizer finds the word (diffusers' maybe_convert_prompt): anywhere in the text.
    params.prompt.replace(it.key(), found);
    params.negativePrompt.replace(it.key(), found);
    params.embeddingHashes.insert(found, params.embeddingHashes.take(it.key()));
  }
  return params;
}

namespace {

// The one file a description names by its hash alone, among `candidates` (location -> sha256).
QString locationWithHash(const QMap<QString, QString>& ownHashes, const QMap<QString, QString>& candidates) {
  return ownHashes.size() == 1 ? fileWithHash(candidates, ownHashes.first()) : QString();
}

}  // namespace

QString checkpointWithHash(const GenerationParams& params, const QMap<QString, QString>& checkpointHashes) {
  return params.modelId.isEmpty() ? locationWithHash(params.modelHashes, checkpointHashes) : QString();
}

QString vaeWithHash(const GenerationParams& params, const QMap<QString, QString>& vaeHashes) {
  return locationWithHash(params.vaeHashes, vaeHashes);
}

}  // namespace bksdm
