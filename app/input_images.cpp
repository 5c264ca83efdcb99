#include "app/input_images.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include "core/io/error.h"
#include "core/io/error_text.h"
#include "core/io/image_file.h"

namespace bksdm {
namespace {

// The file's kind from its first bytes, as the engine tells them.
QString suffixOf(const QByteArray& bytes) {
  if (bytes.startsWith("\x89PNG")) return QStringLiteral(".png");
  if (bytes.startsWith("\xFF\xD8\xFF")) return QStringLiteral(".jpg");
  return QStringLiteral(".webp");
}

}  // namespace

QString InputImages::defaultFolder() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/inputs");
}

QString InputImages::addFile(const QString& path, QString* error) const {
  QFile file(path);
  QByteArray bytes;
  try {
    read_image(path.toStdString());  // refuses special files, damaged and unknown images, by name
    if (!file.open(QIODevice::ReadOnly)) throw Error(path.toStdString() + ": " + file.errorString().toStdString());
    bytes = file.readAll();
  } catch (const std::exception& failure) {
    *error = QString::fromStdString(user_message(failure));
    return {};
  }
  return store(bytes, error);
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
  const QString path = QDir(folder_).filePath(name + suffixOf(bytes));
  if (QFile::exists(path)) return path;
  QSaveFile file(path);
  if (!QDir().mkpath(folder_) || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
    *error = tr("Could not keep a copy of the image in %1: %2").arg(folder_, file.errorString());
    return {};
  }
  return path;
}

}  // namespace bksdm
