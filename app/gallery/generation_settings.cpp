#include "app/gallery/generation_settings.h"

#include <QFileInfo>
#include <QJsonValue>
#include <QLocale>
#include <QStringList>


#include "app/schedulers.h"

namespace bksdm::gallery {
namespace {

constexpr int kFormatVersion = 1;
constexpr int kUnstatedSize = 512;

}  // namespace

GenerationParams GenerationSettings::withImageSize(GenerationParams params) {
  if (params.width <= 0) params.width = kUnstatedSize;
  if (params.height <= 0) params.height = kUnstatedSize;
  return params;
}

QJsonObject GenerationSettings::toJson() const {
  QJsonObject json = paramsToJson(params);
  json["format"] = kFormatVersion;
  json["batch_index"] = batchIndex;
  json["app_version"] = appVersion;
  json["created"] = created.toString(Qt::ISODateWithMs);
  return json;
}

GenerationSettings GenerationSettings::fromJson(const QJsonObject& json) {
  GenerationSettings settings;
  settings.params = paramsFromJson(json);
  settings.batchIndex = json["batch_index"].toInt(settings.batchIndex);
  settings.appVersion = json["app_version"].toString();
  settings.created = QDateTime::fromString(json["created"].toString(), Qt::ISODateWithMs);
  return settings;
}

QList<SettingsField> GenerationSettings::displayFields() const {
  const QLocale locale;
  const GenerationParams& p = params;
  QStringList hashes;
  for (auto it = p.modelHashes.begin(); it != p.modelHashes.end(); ++it)
    hashes << QStringLiteral("%1  %2").arg(it.value().left(10), it.key());
  QString model = p.modelName;
  if (!p.modelId.isEmpty() && p.modelId != p.modelName)
    model = model.isEmpty() ? p.modelId : QStringLiteral("%1 (%2)").arg(model, p.modelId);
  QList<SettingsField> fields = {
      {"prompt", tr("Prompt"), p.prompt},
      {"negative_prompt", tr("Negative prompt"), p.negativePrompt},
      {"model", tr("Model"), model},
      {"scheduler", tr("Scheduler"), schedulerLabel(p.scheduler)},
      {"steps", tr("Steps"), QString::number(p.steps)},
      {"guidance_scale", tr("Guidance"), QString::number(p.guidanceScale)},
      {"seed", tr("Seed"), QString::number(p.seed)},
      {"size", tr("Size"), QStringLiteral("%1 × %2").arg(p.width).arg(p.height)},
  };
  const bool perImage = p.batchNoise != QLatin1String("shared");
  const quint64 offset = perImage ? quint64(batchIndex) : 0;
  if (p.numImages > 1)
    fields.append({"batch", tr("Image"),
                   perImage ? tr("image %1 of a batch of %2, seed %3").arg(batchIndex + 1).arg(p.numImages).arg(p.seed + offset)
                            : tr("batch of %1 from seed %2, image %3").arg(p.numImages).arg(p.seed).arg(batchIndex + 1)});
  if (!p.initImage.isEmpty())
    fields.append({"init_image", tr("Init image"),
                   tr("%1, strength %2").arg(QFileInfo(p.initImage).fileName(), locale.toString(p.strength))});
  if (!p.mask.isEmpty()) fields.append({"mask", tr("Mask"), QFileInfo(p.mask).fileName()});
  if (p.subseedStrength != 0.0)
    fields.append({"variation", tr("Variation"),
                   tr("toward seed %1, strength %2").arg(p.subseed + offset).arg(locale.toString(p.subseedStrength))});
  if (p.eta != 0.0) fields.append({"eta", tr("Eta"), QString::number(p.eta)});
  if (!hashes.isEmpty()) fields.append({"model_hashes", tr("Model files"), hashes.join('\n')});
  if (created.isValid())
    fields.append({"created", tr("Created"), locale.toString(created, QLocale::ShortFormat)});
  if (!appVersion.isEmpty())
    fields.append({"app_version", tr("Made with"), tr("BK-SDM Studio %1").arg(appVersion)});
  return fields;
}

QStringList differingFields(const QList<GenerationSettings>& settings) {
  QMap<QString, QStringList> values;  // key -> value in each image ("" where it has none)
  for (qsizetype i = 0; i < settings.size(); ++i)
    for (const SettingsField& field : settings[i].displayFields()) {
      QStringList& row = values[field.key];
      row.resize(settings.size());
      row[i] = field.value;
    }
  QStringList keys;
  for (auto it = values.begin(); it != values.end(); ++it) {
    const QStringList& row = it.value();
    if (it.key() != QLatin1String("created") && row.count(row.first()) != row.size()) keys.append(it.key());
  }
  return keys;
}

}  // namespace bksdm::gallery
