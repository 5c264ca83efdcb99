#pragma once
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "app/generation_params.h"

namespace bksdm::gallery {

// One line of the settings as people read them, e.g. {"guidance_scale", "Guidance", "7.5"}.
struct SettingsField {
  QString key;
  QString label;
  QString value;
};

// Everything that made one image, enough to make exactly that image again: the run's description
// and what only a saved image has. The gallery stores it as JSON in each PNG, beside the A1111 text.
struct GenerationSettings {
  Q_DECLARE_TR_FUNCTIONS(GenerationSettings)

 public:
  GenerationParams params = withImageSize({});  // image `batchIndex` of this run
  int batchIndex = 0;
  QString appVersion;
  QDateTime created;

  // A saved image has a size: where its file does not say (a zero, "the model's"), SD 1.x's 512 × 512.
  static GenerationParams withImageSize(GenerationParams params);

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
