#pragma once
#include <QImage>
#include <QString>

#include <qcoro/qcorotask.h>

#include "app/generation_job.h"

namespace bksdm {

// One image of this session's results with what made it.
struct GeneratedImage {
  QImage image;
  GenerationParams params;  // of the run; in a batch the image is number `batchIndex`
  int batchIndex = 0;
  QString savedPath;  // its file in the gallery, once saved there
};

// The settings as AUTOMATIC1111's "parameters" text, which other SD tools read from PNG files.
QString parametersText(const GeneratedImage& generated);

// Writes the image (its format from the file name; PNGs carry parametersText). Returns an empty
// string, or what went wrong.
QString writeImage(const GeneratedImage& generated, const QString& path);
// writeImage off the UI thread.
QCoro::Task<QString> saveImage(GeneratedImage generated, QString path);

}  // namespace bksdm
