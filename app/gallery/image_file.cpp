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
#include "core/io/a1111_parameters.h"
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

QString parametersText(const GenerationSettings& settings) {
  const std::string model = (settings.modelName.isEmpty() ? settings.modelId : settings.modelName).toStdString();
  const std::string scheduler = settings.scheduler.toStdString();
  const A1111Run run{settings.steps, scheduler, settings.guidanceScale, settings.seed, settings.width,
                     settings.height, model, settings.numImages, settings.batchIndex};
  return fromUtf8(format_a1111_parameters({settings.prompt.toStdString(), settings.negativePrompt.toStdString(), a1111_settings(run)}));
}

QString softwareText(const GenerationSettings& settings) {
  return QStringLiteral("BK-SDM Studio %1").arg(settings.appVersion).trimmed();
}

// "512x768" -> 512, 768; anything else leaves the sizes as they are.
void readSize(const QString& text, GenerationSettings& settings) {
  const QStringList parts = text.split(QChar('x'));
  bool widthOk = false, heightOk = false;
  if (parts.size() != 2) return;
  const int width = parts[0].toInt(&widthOk), height = parts[1].toInt(&heightOk);
  if (!widthOk || !heightOk) return;
  settings.width = width;
  settings.height = height;
}

// Reads the keys that map to a settings field; says whether it did.
bool readSetting(const QString& key, const QString& value, GenerationSettings& settings) {
  bool ok = true;
  if (key == QLatin1String("Steps")) {
    const int steps = value.toInt(&ok);
    if (ok) settings.steps = steps;
  } else if (key == QLatin1String("CFG scale")) {
    const double scale = value.toDouble(&ok);
    if (ok) settings.guidanceScale = scale;
  } else if (key == QLatin1String("Seed")) {
    const quint64 seed = value.toULongLong(&ok);
    if (ok) settings.seed = seed;
  } else if (key == QLatin1String("Size")) {
    readSize(value, settings);
  } else if (key == QLatin1String("Model")) {
    settings.modelName = value;
  } else if (key == QLatin1String("Batch size")) {
    const int images = value.toInt(&ok);
    if (ok && images >= 1) settings.numImages = images;
  } else if (key == QLatin1String("Batch pos")) {
    const int index = value.toInt(&ok);
    if (ok && index >= 0) settings.batchIndex = index;
  } else {
    return false;
  }
  return ok;
}

}  // namespace

ImageMetadata metadataFromParameters(const QString& text) {
  const A1111Parameters parameters = parse_a1111_parameters(text.toStdString());
  ImageMetadata metadata;
  metadata.source = ImageMetadata::Source::Parameters;
  metadata.parameters = text;
  GenerationSettings& settings = metadata.settings;
  settings = GenerationSettings{};
  settings.prompt = fromUtf8(parameters.prompt);
  settings.negativePrompt = fromUtf8(parameters.negative_prompt);
  settings.scheduler = fromUtf8(a1111_scheduler(parameters));
  const bool knownScheduler = !settings.scheduler.isEmpty();
  for (const auto& [key, value] : parameters.settings) {
    const QString name = fromUtf8(key);
    const bool isScheduler = name == QLatin1String("Sampler") || name == QLatin1String("Schedule type");
    if ((isScheduler && knownScheduler) || readSetting(name, fromUtf8(value), settings)) continue;
    metadata.otherParameters.append({name, fromUtf8(value)});
  }
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
  QString stem = QStringLiteral("%1_%2").arg(settings.created.toString(QStringLiteral("yyyyMMdd-HHmmss"))).arg(settings.seed);
  if (settings.numImages > 1) stem += QStringLiteral("_%1").arg(settings.batchIndex + 1);
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
