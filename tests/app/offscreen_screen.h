#pragma once
// The offscreen platform with one screen of the given size instead of its 800×600, so that a
// window's default or restored size can be what a desktop gives it. Call before the QApplication.
#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSize>
#include <QTemporaryDir>
#include <QtGlobal>

namespace bksdm::testing {

inline void useOffscreenScreen(QSize size) {
  static QTemporaryDir folder;  // read when the QApplication starts
  const QJsonObject screen{{"name", "desktop"}, {"x", 0},           {"y", 0},   {"width", size.width()},
                           {"height", size.height()}, {"logicalDpi", 96}, {"dpr", 1}};
  QFile file(folder.filePath(QStringLiteral("screens.json")));
  if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(QJsonObject{{"screens", QJsonArray{screen}}}).toJson()) < 0)
    qFatal("cannot write the offscreen screen's configuration");
  qputenv("QT_QPA_PLATFORM", ("offscreen:configfile=" + file.fileName()).toLocal8Bit());
}

}  // namespace bksdm::testing
