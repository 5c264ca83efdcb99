#pragma once
#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace bksdm::gallery {

// What the gallery remembers, in the application's QSettings under "gallery/".
class GallerySettings {
 public:
  // "BK-SDM Studio" in the user's pictures folder.
  static QString defaultFolder();

  QStringList folders() const;  // the galleries offered, the default one first when nothing is set
  void setFolders(const QStringList& folders);
  QString currentFolder() const;
  void setCurrentFolder(const QString& folder);

  bool autoSave() const;  // every finished image goes into the current gallery
  void setAutoSave(bool on);
  bool saveAttentionMaps() const;  // with its attention maps beside it, when it has them
  void setSaveAttentionMaps(bool on);

  QByteArray splitterState() const;
  void setSplitterState(const QByteArray& state);

 private:
  QSettings settings_;
};

}  // namespace bksdm::gallery
