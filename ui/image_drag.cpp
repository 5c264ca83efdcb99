#include "ui/image_drag.h"

#include <QDir>
#include <QDrag>
#include <QFileInfo>
#include <QMimeData>
#include <QPixmap>
#include <QStandardPaths>
#include <QWidget>

#include "app/gallery/gallery_model.h"
#include "app/generated_image.h"

namespace bksdm {
namespace {

constexpr int kDragThumbnail = 96;

// Where unsaved results are written for a drag: the drop target reads the file after the drag
// ends, so the files stay until the cache is cleared.
QString dragFilePath(const GeneratedImage& generated) {
  const QDir folder(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/drag"));
  folder.mkpath(QStringLiteral("."));
  return folder.filePath(QStringLiteral("bksdm-%1-%2.png").arg(generated.params.seed).arg(generated.batchIndex + 1));
}

}  // namespace

void dragImage(QWidget* source, const GeneratedImage& generated) {
  QString path = generated.savedPath;
  if (path.isEmpty() || !QFileInfo::exists(path)) {
    path = dragFilePath(generated);
    if (!writeImage(generated, path).isEmpty()) return;
  }
  auto* drag = new QDrag(source);
  drag->setMimeData(gallery::imageMimeData({path}));
  drag->setPixmap(QPixmap::fromImage(
      generated.image.scaled(kDragThumbnail, kDragThumbnail, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
  drag->exec(Qt::CopyAction);
}

}  // namespace bksdm
