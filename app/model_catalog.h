#pragma once
#include <QList>
#include <QString>
#include <QStringList>

#include <qcoro/qcorotask.h>

namespace bksdm {

// A model the picker can offer: a folder or single-file checkpoint (.safetensors) the user added, or a
// repo in the Hugging Face cache.
struct ModelEntry {
  QString name;      // for display, e.g. "BK-SDM-v2-Tiny"
  QString location;  // what ModelFolder::open takes: the repo id for cached repos, else the folder or file
  QString repoId;    // empty for a plain folder
  QString family;    // "SD 1.x", "SD 2.x" or "unknown"
  QString layout;    // "SD", "BK-Base", "BK-Small", "BK-Tiny" or a description
  QString problems;  // what is wrong with the folder, one sentence a line; empty when usable
};

// "bk-sdm-v2-tiny" -> "BK-SDM-v2-Tiny": acronyms upper-case, version tags as written.
QString displayName(const QString& rawName);

// Reads the folder's index, configs and weight headers. Throws bksdm::Error when `location` is no
// model folder at all; lesser faults land in ModelEntry::problems.
ModelEntry describeModel(const QString& location);

// Every models--OWNER--NAME repo in hf_hub_cache() whose refs/main snapshot has a model_index.json.
QList<ModelEntry> scanHubCache();

// The cache and the user's folders and files, described off the UI thread, sorted by name; a folder that is
// no longer a model is listed with its problem.
QCoro::Task<QList<ModelEntry>> discoverModels(QStringList userFolders);

}  // namespace bksdm
