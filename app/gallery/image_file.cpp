#include "app/gallery/image_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonDocument>
#include <QSet>

#include <string>
#include <vector>

#include "app/gallery/new_files.h"
#include "core/io/error.h"
#include "core/io/png.h"

namespace bksdm::gallery {
namespace {

struct Text {
  Q_DECLARE_TR_FUNCTIONS(ImageFile)
};

const char kParametersKeyword[] = "parameters";
const char kSoftwareKeyword[] = "Software";

QString fromUtf8(const std::string& text) { return QString::fromStdString(text); }

RgbImage toRgbImage(const QImage& image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  RgbImage result{rgb.width(), rgb.height(), {}};
  const size_t rowBytes = size_t(rgb.width()) * 3;
  result.pixels.resize(rowBytes * size_t(rgb.height()));
  for (int y = 0; y < rgb.height(); ++y)
    std::copy_n(rgb.constScanLine(y), rowBytes, result.pixels.data() + rowBytes * size_t(y));
  return result;
}

QString parametersText(const GenerationSettings& settings) { return a1111Text(settings.params, settings.batchIndex); }

QString softwareText(const GenerationSettings& settings) {
  return QStringLiteral("BK-SDM Studio %1").arg(settings.appVersion).trimmed();
}

}  // namespace

ImageMetadata metadataFromParameters(const QString& text) {
  const ParametersReading read = readA1111Text(text);
  ImageMetadata metadata;
  metadata.source = ImageMetadata::Source::Parameters;
  metadata.parameters = text;
  metadata.settings.params = GenerationSettings::withImageSize(read.params);
  metadata.settings.batchIndex = read.batchIndex;
  metadata.otherParameters = read.otherSettings;
  return metadata;
}

ImageMetadata readImageMetadata(const QString& path) {
  const std::vector<PngText> texts =
      read_png_text(QFile::encodeName(path).toStdString(), {kParametersKeyword, kSettingsKeyword, kSoftwareKeyword});
  ImageMetadata metadata;
  for (const PngText& text : texts) {
    if (text.keyword == kSettingsKeyword) {
      const QJsonDocument json = QJsonDocument::fromJson(QByteArray::fromStdString(text.text));
      if (!json.isObject()) continue;
      metadata.source = ImageMetadata::Source::Studio;
      metadata.settings = GenerationSettings::fromJson(json.object());
    } else if (text.keyword == kParametersKeyword) {
      metadata.parameters = fromUtf8(text.text);
    } else if (text.keyword == kSoftwareKeyword) {
      metadata.software = fromUtf8(text.text);
    }
  }
  if (metadata.source == ImageMetadata::Source::None && !metadata.parameters.isEmpty()) {
    ImageMetadata read = metadataFromParameters(metadata.parameters);
    read.software = metadata.software;
    return read;
  }
  return metadata;
}

QByteArray encodeImage(const QImage& image, const GenerationSettings& settings) {
  const QByteArray json = QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact);
  const std::vector<PngText> texts = {
      {kParametersKeyword, parametersText(settings).toStdString()},
      {kSettingsKeyword, json.toStdString()},
      {kSoftwareKeyword, softwareText(settings).toStdString()},
  };
  return QByteArray::fromStdString(encode_png(toRgbImage(image), texts));
}

QImage readScaledImage(const QString& path, int maxEdge) {
  QImageReader reader(path);
  const QSize full = reader.size();
  if (full.isValid() && (full.width() > maxEdge || full.height() > maxEdge))
    reader.setScaledSize(full.scaled(maxEdge, maxEdge, Qt::KeepAspectRatio));
  return reader.read();
}

QString imageFileStem(const GenerationSettings& settings) {
  QString stem = QStringLiteral("%1_%2").arg(settings.created.toString(QStringLiteral("yyyyMMdd-HHmmss"))).arg(settings.params.seed);
  if (settings.params.numImages > 1) stem += QStringLiteral("_%1").arg(settings.batchIndex + 1);
  return stem;
}

GalleryEntry writeImageFile(const QString& folder, const QImage& image, const GenerationSettings& given,
                            const QString& attentionMapsPath) {
  GenerationSettings settings = given;
  if (!settings.created.isValid()) settings.created = QDateTime::currentDateTime();
  if (!QDir().mkpath(folder))
    throw Error(Text::tr("Cannot create the gallery folder %1.").arg(QDir::toNativeSeparators(folder)).toStdString());
  QList<NewFile> files;
  if (!attentionMapsPath.isEmpty()) {
    QFile maps(attentionMapsPath);
    if (!maps.open(QIODevice::ReadOnly))
      throw Error(Text::tr("Cannot read the attention maps %1: %2").arg(QDir::toNativeSeparators(attentionMapsPath), maps.errorString()).toStdString());
    // Before the image: when the image appears, its maps are already there.
    files.append({QStringLiteral(".safetensors"), maps.readAll()});
  }
  files.append({QStringLiteral(".png"), encodeImage(image, settings)});
  const QString stem = writeNewFiles(folder, imageFileStem(settings), files);

  GalleryEntry entry;
  entry.path = QDir(folder).absoluteFilePath(stem + QStringLiteral(".png"));
  const QFileInfo written(entry.path);
  entry.size = written.size();
  entry.modifiedMs = written.lastModified().toMSecsSinceEpoch();
  entry.hasAttentionMaps = !attentionMapsPath.isEmpty();
  entry.metadata = {ImageMetadata::Source::Studio, settings, parametersText(settings), {}, softwareText(settings)};
  return entry;
}

}  // namespace bksdm::gallery
