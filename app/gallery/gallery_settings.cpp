#include "app/gallery/gallery_settings.h"

#include <QDir>
#include <QStandardPaths>

namespace bksdm::gallery {

QString GallerySettings::defaultFolder() {
  return QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)).filePath(QStringLiteral("BK-SDM Studio"));
}

QStringList GallerySettings::folders() const {
  const QStringList folders = settings_.value("gallery/folders").toStringList();
  return folders.isEmpty() ? QStringList{defaultFolder()} : folders;
}

void GallerySettings::setFolders(const QStringList& folders) { settings_.setValue("gallery/folders", folders); }

QString GallerySettings::currentFolder() const {
  const QString folder = settings_.value("gallery/current").toString();
  return folders().contains(folder) ? folder : folders().first();
}

void GallerySettings::setCurrentFolder(const QString& folder) { settings_.setValue("gallery/current", folder); }

bool GallerySettings::autoSave() const { return settings_.value("gallery/auto_save", true).toBool(); }
void GallerySettings::setAutoSave(bool on) { settings_.setValue("gallery/auto_save", on); }

bool GallerySettings::saveAttentionMaps() const { return settings_.value("gallery/save_attention_maps", true).toBool(); }
void GallerySettings::setSaveAttentionMaps(bool on) { settings_.setValue("gallery/save_attention_maps", on); }

QByteArray GallerySettings::splitterState() const { return settings_.value("gallery/splitter").toByteArray(); }
void GallerySettings::setSplitterState(const QByteArray& state) { settings_.setValue("gallery/splitter", state); }

}  // namespace bksdm::gallery
