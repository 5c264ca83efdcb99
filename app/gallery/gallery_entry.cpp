#include "app/gallery/gallery_entry.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace bksdm::gallery {
namespace {

const QString kSourceNames[] = {QStringLiteral("none"), QStringLiteral("studio"), QStringLiteral("parameters")};

QJsonObject metadataToJson(const ImageMetadata& metadata) {
  QJsonObject json{{"source", kSourceNames[int(metadata.source)]}};
  if (metadata.hasSettings()) json["settings"] = metadata.settings.toJson();
  if (!metadata.parameters.isEmpty()) json["parameters"] = metadata.parameters;
  if (!metadata.software.isEmpty()) json["software"] = metadata.software;
  if (!metadata.otherParameters.isEmpty()) {
    QJsonArray other;
    for (const auto& [key, value] : metadata.otherParameters) other.append(QJsonArray{key, value});
    json["other_parameters"] = other;
  }
  return json;
}

ImageMetadata metadataFromJson(const QJsonObject& json) {
  ImageMetadata metadata;
  const QString source = json["source"].toString();
  for (int i = 0; i < 3; ++i)
    if (source == kSourceNames[i]) metadata.source = ImageMetadata::Source(i);
  // As metadataToJson writes them: settings only where there are some, so that an entry reads
  // back as it was written (a damaged index's "settings" without a source are not taken).
  if (metadata.hasSettings()) metadata.settings = GenerationSettings::fromJson(json["settings"].toObject());
  metadata.parameters = json["parameters"].toString();
  metadata.software = json["software"].toString();
  for (const QJsonValue& pair : json["other_parameters"].toArray())
    metadata.otherParameters.append({pair[0].toString(), pair[1].toString()});
  return metadata;
}

}  // namespace

bool ImageMetadata::fromCommandLine() const {
  return source == Source::Parameters && software.startsWith(QLatin1String("bksdm "));
}

QDateTime GalleryEntry::created() const {
  if (metadata.hasSettings() && metadata.settings.created.isValid()) return metadata.settings.created;
  return QDateTime::fromMSecsSinceEpoch(modifiedMs);
}

QString GalleryEntry::attentionMapsPath() const { return gallery::attentionMapsPath(path); }

QString attentionMapsPath(const QString& imagePath) {
  const QFileInfo image(imagePath);
  return image.dir().filePath(image.completeBaseName() + QStringLiteral(".safetensors"));
}

QJsonObject GalleryEntry::toJson() const {
  return {
      {"path", path},
      {"size", size},
      {"modified_ms", modifiedMs},
      {"attention_maps", hasAttentionMaps},
      {"metadata", metadataToJson(metadata)},
  };
}

GalleryEntry GalleryEntry::fromJson(const QJsonObject& json) {
  GalleryEntry entry;
  entry.path = json["path"].toString();
  entry.size = json["size"].toInteger();
  entry.modifiedMs = json["modified_ms"].toInteger();
  entry.hasAttentionMaps = json["attention_maps"].toBool();
  entry.metadata = metadataFromJson(json["metadata"].toObject());
  return entry;
}

}  // namespace bksdm::gallery
