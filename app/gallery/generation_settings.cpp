#include "app/gallery/generation_settings.h"

#include <QJsonValue>
#include <QLocale>
#include <QStringList>

#include <limits>

#include "app/schedulers.h"

namespace bksdm::gallery {
namespace {

constexpr int kFormatVersion = 1;
constexpr int kUnstatedSize = 512;

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

GenerationParams GenerationSettings::withImageSize(GenerationParams params) {
  if (params.width <= 0) params.width = kUnstatedSize;
  if (params.height <= 0) params.height = kUnstatedSize;
  return params;
}

QJsonObject GenerationSettings::toJson() const {
  const GenerationParams& p = params;
  QJsonObject hashes;
  for (auto it = p.modelHashes.begin(); it != p.modelHashes.end(); ++it) hashes[it.key()] = it.value();
  return {
      {"format", kFormatVersion},
      {"prompt", p.prompt},
      {"negative_prompt", p.negativePrompt},
      {"model", QJsonObject{{"id", p.modelId}, {"name", p.modelName}, {"hashes", hashes}}},
      {"scheduler", p.scheduler},
      {"steps", p.steps},
      {"guidance_scale", p.guidanceScale},
      {"eta", p.eta},
      {"seed", seedToJson(p.seed)},
      {"width", p.width},
      {"height", p.height},
      {"batch_index", batchIndex},
      {"num_images", p.numImages},
      {"app_version", appVersion},
      {"created", created.toString(Qt::ISODateWithMs)},
  };
}

GenerationSettings GenerationSettings::fromJson(const QJsonObject& json) {
  GenerationSettings settings;
  GenerationParams& p = settings.params;
  const QJsonObject model = json["model"].toObject();
  const QJsonObject hashes = model["hashes"].toObject();
  p.prompt = json["prompt"].toString();
  p.negativePrompt = json["negative_prompt"].toString();
  p.modelId = model["id"].toString();
  p.modelName = model["name"].toString();
  for (auto it = hashes.begin(); it != hashes.end(); ++it) p.modelHashes[it.key()] = it->toString();
  p.scheduler = json["scheduler"].toString();
  p.steps = json["steps"].toInt(p.steps);
  p.guidanceScale = json["guidance_scale"].toDouble(p.guidanceScale);
  p.eta = json["eta"].toDouble(p.eta);
  p.seed = seedFromJson(json["seed"]);
  p.width = json["width"].toInt(p.width);
  p.height = json["height"].toInt(p.height);
  p.numImages = json["num_images"].toInt(p.numImages);
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
  if (p.numImages > 1)
    fields.append({"batch", tr("Image"),
                   tr("batch of %1 from seed %2, image %3").arg(p.numImages).arg(p.seed).arg(batchIndex + 1)});
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
