#include "app/generated_image.h"
#include "app/pool_task.h"

#include <QCoreApplication>
#include <QImageWriter>
#include <qcoro/qcorofuture.h>

namespace bksdm {

QString parametersText(const GeneratedImage& generated) { return a1111Text(generated.params, generated.batchIndex); }

QString writeImage(const GeneratedImage& generated, const QString& path) {
  QImageWriter writer(path);
  writer.setText(QStringLiteral("parameters"), parametersText(generated));
  writer.setText(QStringLiteral("Software"), QCoreApplication::applicationName());
  if (writer.write(generated.image)) return QString();
  return QCoreApplication::translate("bksdm::saveImage", "Cannot save %1: %2").arg(path, writer.errorString());
}

QCoro::Task<QString> saveImage(GeneratedImage generated, QString path) {
  // Named, not a temporary inside co_await: GCC 12 destroys such lambda temporaries twice.
  QFuture<QString> saved = runInPool([generated = std::move(generated), path = std::move(path)] {
    return writeImage(generated, path);
  });
  co_return co_await saved;
}

}  // namespace bksdm
