#pragma once
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace bksdm::gallery {

// One line of the settings as people read them, e.g. {"guidance_scale", "Guidance", "7.5"}.
struct SettingsField {
  QString key;
  QString label;
  QString value;
};

// Everything that made one image, enough to make exactly that image again. The app fills it from
// its generation request; the gallery stores it as JSON in each PNG, beside the A1111 text.
struct GenerationSettings {
  Q_DECLARE_TR_FUNCTIONS(GenerationSettings)

 public:
  QString prompt;
  QString negativePrompt;
  QString modelId;                     // what the model was opened from: a Hub repo id or a folder
  QString modelName;                   // its display name, e.g. "BK-SDM-v2-Tiny"
  QMap<QString, QString> modelHashes;  // weight file (relative to the model folder) -> sha256, hex
  QString scheduler;                    // pndm, ddim, euler, euler_a, dpmpp_2m, dpmpp_2m_karras
  int steps = 25;
  double guidanceScale = 7.5;
  double eta = 0.0;  // DDIM only
  quint64 seed = 0;  // the run's seed; image `batchIndex` of the run came from it
  int width = 512;
  int height = 512;
  int batchIndex = 0;
  int numImages = 1;  // images per run
  QString appVersion;
  QDateTime created;

  QJsonObject toJson() const;
  // Missing or mistyped keys keep their defaults: the JSON may come from any file.
  static GenerationSettings fromJson(const QJsonObject& json);
  // In display order, labels translated; shared by the detail panel and the comparison.
  QList<SettingsField> displayFields() const;

  bool operator==(const GenerationSettings&) const = default;
};

// The keys of the fields (as in displayFields) whose values are not the same in all `settings`;
// "created" is left out: when an image was made does not change it.
QStringList differingFields(const QList<GenerationSettings>& settings);

}  // namespace bksdm::gallery

Q_DECLARE_METATYPE(bksdm::gallery::GenerationSettings)
