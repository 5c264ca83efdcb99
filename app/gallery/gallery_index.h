#pragma once
#include <QFileInfo>
#include <QHash>
#include <QList>
#include <QString>

#include "app/gallery/gallery_entry.h"

namespace bksdm::gallery {

// What a gallery folder holds, by path, as last read. The index is a cache: it lives in the cache
// folder (the images' folder may be read-only) and anything in it is checked against the files.
using KnownEntries = QHash<QString, GalleryEntry>;

// Reads one image file; a file without readable metadata still makes an entry (without settings).
GalleryEntry readEntry(const QFileInfo& file, bool hasAttentionMaps);

struct FolderScan {
  QList<GalleryEntry> entries;  // every PNG of the folder
  QList<GalleryEntry> updated;  // those new or changed since `known`
  bool removed = false;         // some of `known` are gone

  bool changed() const { return removed || !updated.isEmpty(); }
};

// The folder's PNG images. Entries of `known` whose file has the same size and mtime are kept;
// the other files are read. Blocking: call it off the UI thread.
FolderScan scanFolder(const QString& folder, const KnownEntries& known);

// The folder's PNG images by name, size and mtime only, without reading them: what the grid can
// show (thumbnails need no more) while the first scan of a folder without index reads them.
QList<GalleryEntry> listFolder(const QString& folder);

// Where the index of `folder` lives: a file in the cache location named by a hash of the folder.
QString indexPath(const QString& folder);
// An index that is missing, unreadable, of another format or of another folder reads as empty.
KnownEntries readIndex(const QString& indexPath, const QString& folder);
// Written whole or not at all; a failure only costs the next start a rescan.
bool writeIndex(const QString& indexPath, const QString& folder, const QList<GalleryEntry>& entries);

}  // namespace bksdm::gallery
