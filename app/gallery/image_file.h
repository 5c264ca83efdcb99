#pragma once
#include <QByteArray>
#include <QImage>
#include <QString>

#include "app/gallery/gallery_entry.h"
#include "app/gallery/generation_settings.h"

namespace bksdm::gallery {

// The PNG text keyword of the settings JSON; A1111's text goes under "parameters".
inline constexpr char kSettingsKeyword[] = "bksdm-settings";

// What `path` says about how it was made: our settings chunk, else the A1111 `parameters` text
// (as AUTOMATIC1111, stable-diffusion.cpp and others write it), else nothing. Throws bksdm::Error
// when the file is not a PNG that can be read.
ImageMetadata readImageMetadata(const QString& path);

// The settings read from an A1111 `parameters` text; keys without a settings field are kept.
ImageMetadata metadataFromParameters(const QString& text);

// `image` as PNG bytes with the A1111 `parameters` text and the settings as JSON.
QByteArray encodeImage(const QImage& image, const GenerationSettings& settings);

// The image scaled down to fit `maxEdge` (never up); null when it cannot be read. Blocking.
QImage readScaledImage(const QString& path, int maxEdge);

// The name of a new image without suffix: when it was made, its seed and its place in the batch.
QString imageFileStem(const GenerationSettings& settings);

// Writes the image (and the attention maps file beside it, when a path is given) into `folder`
// under a new name, atomically (see writeNewFiles); settings without a creation time get the
// present one. Blocking; throws bksdm::Error.
GalleryEntry writeImageFile(const QString& folder, const QImage& image, const GenerationSettings& settings,
                            const QString& attentionMapsPath = {});

}  // namespace bksdm::gallery
