#include "app/gallery/generation_settings.h"

#include <QJsonValue>
#include <QLocale>
#include <QStringList>

#include <limits>

#include "core/io/a1111_parameters.h"

namespace bksdm::gallery {
namespace {

constexpr int kFormatVersion = 1;

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

QJsonObject GenerationSettings::toJson() const {
  QJsonObject hashes;
  for (auto it = modelHashes.begin(); it != modelHashes.end(); ++it) hashes[it.key()] = it.value();
  return {
      {"format", kFormatVersion},
      {"prompt", prompt},
      {"negative_prompt", negativePrompt},
      {"model", QJsonObject{{"id", modelId}, {"name", modelName}, {"hashes", hashes}}},
      {"scheduler", scheduler},
      {"steps", steps},
      {"guidance_scale", guidanceScale},
      {"eta", eta},
      {"seed", seedToJson(seed)},
      {"width", width},
      {"height", height},
      {"batch_index", batchIndex},
      {"num_images", numImages},
      {"app_version", appVersion},
      {"created", created.toString(Qt::ISODateWithMs)},
  };
}

GenerationSettings GenerationSettings::fromJson(const QJsonObject& json) {
  GenerationSettings settings;
  const QJsonObject model = json["model"].toObject();
  const QJsonObject hashes = model["hashes"].toObject();
  settings.prompt = json["prompt"].toString();
  settings.negativePrompt = json["negative_prompt"].toString();
  settings.modelId = model["id"].toString();
  settings.modelName = model["name"].toString();
  for (auto it = hashes.begin(); it != hashes.end(); ++it) settings.modelHashes[it.key()] = it->toString();
  settings.scheduler = json["scheduler"].toString();
  settings.steps = json["steps"].toInt(settings.steps);
  settings.guidanceScale = json["guidance_scale"].toDouble(settings.guidanceScale);
  settings.eta = json["eta"].toDouble(settings.eta);
  settings.seed = seedFromJson(json["seed"]);
  settings.width = json["width"].toInt(settings.width);
  settings.height = json["height"].toInt(settings.height);
  settings.batchIndex = json["batch_index"].toInt(settings.batchIndex);
  settings.numImages = json["num_images"].toInt(settings.numImages);
  settings.appVersion = json["app_version"].toString();
  settings.created = QDateTime::fromString(json["created"].toString(), Qt::ISODateWithMs);
  return settings;
}

QList<SettingsField> GenerationSettings::displayFields() const {
  const QLocale locale;
  QStringList hashes;
  for (auto it = modelHashes.begin(); it != modelHashes.end(); ++it)
    hashes << QStringLiteral("%1  %2").arg(it.value().left(10), it.key());
  QString model = modelName;
  if (!modelId.isEmpty() && modelId != modelName)
    model = model.isEmpty() ? modelId : QStringLiteral("%1 (%2)").arg(model, modelId);
  QList<SettingsField> fields = {
      {"prompt", tr("Prompt"), prompt},
      {"negative_prompt", tr("Negative prompt"), negativePrompt},
      {"model", tr("Model"), model},
      {"scheduler", tr("Scheduler"), QString::fromStdString(a1111_sampler_name(scheduler.toStdString()))},
      {"steps", tr("Steps"), QString::number(steps)},
      {"guidance_scale", tr("Guidance"), QString::number(guidanceScale)},
      {"seed", tr("Seed"), QString::number(seed)},
      {"size", tr("Size"), QStringLiteral("%1 × %2").arg(width).arg(height)},
  };
  if (numImages > 1)
    fields.append({"batch", tr("Image"),
                   tr("batch of %1 from seed %2, image %3").arg(numImages).arg(seed).arg(batchIndex + 1)});
  if (eta != 0.0) fields.append({"eta", tr("Eta"), QString::number(eta)});
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
