#pragma once
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <utility>

#include "app/gallery/generation_settings.h"
#include "app/gallery/thumbnail_cache.h"

namespace bksdm::gallery {

// What a PNG says about how it was made.
struct ImageMetadata {
  enum class Source {
    None,        // nothing we can read
    Studio,      // our settings chunk: everything, exactly
    Parameters,  // only an A1111 `parameters` text (AUTOMATIC1111, stable-diffusion.cpp, ...)
  };
  Source source = Source::None;
  GenerationSettings settings;  // meaningful unless source is None
  QString parameters;           // the A1111 text as stored, empty when there is none
  QList<std::pair<QString, QString>> otherParameters;  // its keys that no settings field holds, in order
  QString software;             // the PNG's "Software" text, e.g. "bksdm 0.1.0"

  bool hasSettings() const { return source != Source::None; }
  // Made by `bksdm generate`, which writes the A1111 text and names itself as the software.
  bool fromCommandLine() const;
  bool operator==(const ImageMetadata&) const = default;
};

// One image file of a gallery folder, as the index keeps it.
struct GalleryEntry {
  QString path;
  qint64 size = 0;
  qint64 modifiedMs = 0;  // mtime, ms since the epoch
  bool hasAttentionMaps = false;
  ImageMetadata metadata;

  QDateTime created() const;  // when the image was made; the file's mtime if the settings do not say
  QString attentionMapsPath() const;
  ThumbnailSource thumbnailSource() const { return {path, size, modifiedMs}; }

  QJsonObject toJson() const;
  static GalleryEntry fromJson(const QJsonObject& json);
  bool operator==(const GalleryEntry&) const = default;
};

// The sidecar of an image: the attention maps in a .safetensors file with the image's base name.
QString attentionMapsPath(const QString& imagePath);

}  // namespace bksdm::gallery

Q_DECLARE_METATYPE(bksdm::gallery::GalleryEntry)
