#pragma once
#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace bksdm {

// The images runs start from (init images, masks), kept as files of their own so that a queued job,
// a gallery entry and its Reuse find them again after the original is moved, changed or deleted:
// under one folder, each named by the SHA-256 of its bytes, so the same image is stored once.
class InputImages {
  Q_DECLARE_TR_FUNCTIONS(InputImages)

 public:
  // QStandardPaths' AppDataLocation/inputs.
  static QString defaultFolder();
  explicit InputImages(QString folder = defaultFolder()) : folder_(std::move(folder)) {}

  // A copy of an image file the engine reads (PNG, JPEG or WebP, checked by reading it as a run
  // would). Empty, with `error` saying what is wrong with the file, when it cannot be used.
  QString addFile(const QString& path, QString* error) const;
  // The image as a PNG (lossless: a mask's pixels reach the run as they were painted).
  QString addImage(const QImage& image, QString* error) const;

  const QString& folder() const { return folder_; }

 private:
  QString store(const QByteArray& bytes, QString* error) const;

  QString folder_;
};

}  // namespace bksdm
