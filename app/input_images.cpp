#include "app/input_images.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include "core/io/error_text.h"
#include "core/io/image_file.h"

namespace bksdm {

QString InputImages::defaultFolder() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/inputs");
}

QString InputImages::addFile(const QString& path, QString* error) const {
  std::string bytes;
  try {
    // Read as a run reads it: special files, damaged and unknown images are refused by name.
    bytes = read_regular_file(path.toStdString(), kImageFile);
    decode_image(bytes, path.toStdString());
  } catch (const std::exception& failure) {
    *error = QString::fromStdString(user_message(failure));
    return {};
  }
  return store(QByteArray::fromStdString(bytes), error);
}

QString InputImages::addImage(const QImage& image, QString* error) const {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  if (image.isNull() || !image.save(&buffer, "PNG")) {
    *error = tr("The image could not be kept as a PNG.");
    return {};
  }
  return store(bytes, error);
}

QString InputImages::store(const QByteArray& bytes, QString* error) const {
  const QString name = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
  const QString suffix = QString::fromLatin1(image_kind(std::string_view(bytes.constData(), size_t(bytes.size()))));
  const QString path = QDir(folder_).filePath(name + QLatin1Char('.') + suffix);
  if (QFile::exists(path)) return path;
  QSaveFile file(path);
  if (!QDir().mkpath(folder_) || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
    *error = tr("Could not keep a copy of the image in %1: %2").arg(folder_, file.errorString());
    return {};
  }
  return path;
}

}  // namespace bksdm
