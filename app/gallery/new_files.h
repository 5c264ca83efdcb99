#pragma once
#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>

namespace bksdm::gallery {

struct NewFile {
  QString suffix;  // e.g. ".png"; the stem is shared by all files of one write
  QByteArray bytes;
};

// Writes `files` into `folder` under the first stem of `stem`, `stem-2`, `stem-3`, ... that none of
// their names exists with, never replacing a file. Each file is written to a hidden temporary file
// beside its final place and synced, then renamed into place in list order, so a crash or a full
// disk leaves no partial file under a final name and no earlier file is touched. Returns the stem;
// throws bksdm::Error naming the folder and the reason. (core's write_file_atomically renames over
// an existing file; a gallery must never, and its image and sidecar must share a free stem.)
QString writeNewFiles(const QString& folder, const QString& stem, const QList<NewFile>& files);

// Temporary files of writes that a crash interrupted, older than `age`, are removed.
void removeStaleTemporaryFiles(const QString& folder, std::chrono::seconds age);

bool isTemporaryFileName(const QString& fileName);

}  // namespace bksdm::gallery
