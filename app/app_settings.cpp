#include "app/app_settings.h"

#include <algorithm>
#include <iterator>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bksdm {
namespace {

const QString kPreviewNames[] = {QStringLiteral("off"), QStringLiteral("fast"), QStringLiteral("full"),
                                 QStringLiteral("taesd")};

QJsonObject jobToJson(const GenerationJob& job) {
  QJsonObject json = paramsToJson(job.params);
  json["preview_mode"] = previewModeName(job.preview.mode);
  json["preview_interval"] = job.preview.interval;
  json["taesd_folder"] = job.preview.taesdFolder;
  return json;
}

GenerationJob jobFromJson(const QJsonObject& json) {
  GenerationJob job;
  job.params = paramsFromJson(json);
  job.preview = {previewModeFromName(json["preview_mode"].toString()), std::max(1, json["preview_interval"].toInt(1)),
                 json["taesd_folder"].toString()};
  return job;
}

}  // namespace

QString previewModeName(PreviewMode mode) { return kPreviewNames[static_cast<int>(mode)]; }

PreviewMode previewModeFromName(const QString& name) {
  for (int i = 0; i < int(std::size(kPreviewNames)); ++i)
    if (kPreviewNames[i] == name) return static_cast<PreviewMode>(i);
  return PreviewOptions{}.mode;
}

QString AppSettings::lastModel() const { return settings_.value("model/last").toString(); }
void AppSettings::setLastModel(const QString& location) { settings_.setValue("model/last", location); }
QStringList AppSettings::modelFolders() const { return settings_.value("model/folders").toStringList(); }
void AppSettings::setModelFolders(const QStringList& folders) { settings_.setValue("model/folders", folders); }
QString AppSettings::loraFolder() const { return settings_.value("resources/lora_folder").toString(); }
void AppSettings::setLoraFolder(const QString& folder) { settings_.setValue("resources/lora_folder", folder); }
QString AppSettings::embeddingsFolder() const { return settings_.value("resources/embeddings_folder").toString(); }
void AppSettings::setEmbeddingsFolder(const QString& folder) { settings_.setValue("resources/embeddings_folder", folder); }

GenerationParams AppSettings::params() const {
  const GenerationParams defaults;
  GenerationParams params;
  params.prompt = settings_.value("generation/prompt", defaults.prompt).toString();
  params.negativePrompt = settings_.value("generation/negative_prompt", defaults.negativePrompt).toString();
  params.scheduler = settings_.value("generation/scheduler", defaults.scheduler).toString();
  params.steps = settings_.value("generation/steps", defaults.steps).toInt();
  params.guidanceScale = settings_.value("generation/guidance_scale", defaults.guidanceScale).toDouble();
  params.width = settings_.value("generation/width", defaults.width).toInt();
  params.height = settings_.value("generation/height", defaults.height).toInt();
  params.seed = settings_.value("generation/seed", defaults.seed).toULongLong();
  params.numImages = settings_.value("generation/num_images", defaults.numImages).toInt();
  params.promptSyntax = settings_.value("generation/prompt_syntax", defaults.promptSyntax).toString();
  params.clipSkip = settings_.value("generation/clip_skip", defaults.clipSkip).toInt();
  return params;
}

void AppSettings::setParams(const GenerationParams& params) {
  settings_.setValue("generation/prompt", params.prompt);
  settings_.setValue("generation/negative_prompt", params.negativePrompt);
  settings_.setValue("generation/scheduler", params.scheduler);
  settings_.setValue("generation/steps", params.steps);
  settings_.setValue("generation/guidance_scale", params.guidanceScale);
  settings_.setValue("generation/width", params.width);
  settings_.setValue("generation/height", params.height);
  settings_.setValue("generation/seed", params.seed);
  settings_.setValue("generation/num_images", params.numImages);
  settings_.setValue("generation/prompt_syntax", params.promptSyntax);
  settings_.setValue("generation/clip_skip", params.clipSkip);
}

bool AppSettings::seedLocked() const { return settings_.value("generation/seed_locked", false).toBool(); }
void AppSettings::setSeedLocked(bool locked) { settings_.setValue("generation/seed_locked", locked); }
bool AppSettings::attentionMaps() const { return settings_.value("generation/attention_maps", false).toBool(); }
void AppSettings::setAttentionMaps(bool record) { settings_.setValue("generation/attention_maps", record); }
bool AppSettings::negativeAttentionMaps() const {
  return settings_.value("generation/negative_attention_maps", false).toBool();
}
void AppSettings::setNegativeAttentionMaps(bool record) {
  settings_.setValue("generation/negative_attention_maps", record);
}
bool AppSettings::tiledDecode() const { return settings_.value("generation/tiled_decode", false).toBool(); }
void AppSettings::setTiledDecode(bool tiled) { settings_.setValue("generation/tiled_decode", tiled); }

QList<GenerationJob> AppSettings::savedQueue() const {
  QList<GenerationJob> jobs;
  for (const QJsonValue& job : QJsonDocument::fromJson(settings_.value("queue/jobs").toByteArray()).array())
    if (job.isObject()) jobs.append(jobFromJson(job.toObject()));
  return jobs;
}

void AppSettings::setSavedQueue(const QList<GenerationJob>& jobs) {
  QJsonArray array;
  for (const GenerationJob& job : jobs) array.append(jobToJson(job));
  settings_.setValue("queue/jobs", QJsonDocument(array).toJson(QJsonDocument::Compact));
}

PreviewOptions AppSettings::preview() const {
  const PreviewOptions defaults;
  return {previewModeFromName(settings_.value("preview/mode", previewModeName(defaults.mode)).toString()),
          std::max(1, settings_.value("preview/interval", defaults.interval).toInt()),
          settings_.value("preview/taesd_folder").toString()};
}

void AppSettings::setPreview(const PreviewOptions& preview) {
  settings_.setValue("preview/mode", previewModeName(preview.mode));
  settings_.setValue("preview/interval", preview.interval);
  settings_.setValue("preview/taesd_folder", preview.taesdFolder);
}

EngineOptions AppSettings::engine() const {
  const EngineOptions defaults;
  return {settings_.value("engine/device", defaults.device).toString(),
          settings_.value("engine/threads", defaults.threads).toInt(),
          settings_.value("engine/lowMemory", defaults.lowMemory).toBool(),
          settings_.value("engine/precision", defaults.precision).toString(),
          settings_.value("engine/vae", defaults.vae).toString(),
          settings_.value("engine/cpuBf16", defaults.cpuBf16).toBool()};
}

void AppSettings::setEngine(const EngineOptions& engine) {
  settings_.setValue("engine/device", engine.device);
  settings_.setValue("engine/threads", engine.threads);
  settings_.setValue("engine/lowMemory", engine.lowMemory);
  settings_.setValue("engine/precision", engine.precision);
  settings_.setValue("engine/vae", engine.vae);
  settings_.setValue("engine/cpuBf16", engine.cpuBf16);
}

QString AppSettings::theme() const { return settings_.value("ui/theme", "system").toString(); }
void AppSettings::setTheme(const QString& theme) { settings_.setValue("ui/theme", theme); }

QByteArray AppSettings::windowGeometry() const { return settings_.value("ui/geometry").toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray& geometry) { settings_.setValue("ui/geometry", geometry); }
QByteArray AppSettings::windowState() const { return settings_.value("ui/state").toByteArray(); }
void AppSettings::setWindowState(const QByteArray& state) { settings_.setValue("ui/state", state); }

QByteArray AppSettings::splitterState(const QString& name) const {
  return settings_.value("ui/splitter_" + name).toByteArray();
}

void AppSettings::setSplitterState(const QString& name, const QByteArray& state) {
  settings_.setValue("ui/splitter_" + name, state);
}

}  // namespace bksdm
