#pragma once
#include <QString>
#include <QStringList>

namespace bksdm {

// The repo is in the cache as a model: its refs/main snapshot holds model_index.json (a download
// of this app that is still under way has no ref yet).
bool isModelCached(const QString& cacheDir, const QString& repoId);
// Every such repo's id ("org/name"), sorted.
QStringList cachedModelRepos(const QString& cacheDir);

}  // namespace bksdm
