#pragma once
#include <QString>
#include <QStringList>

namespace bksdm {

// The repo is in the cache as a model: its refs/main snapshot holds model_index.json, or for a repo
// of one component (a VAE) config.json at its top (a download of this app that is still under way
// has no ref yet).
bool isModelCached(const QString& cacheDir, const QString& repoId);
// Every such repo's id ("org/name"), sorted.
QStringList cachedModelRepos(const QString& cacheDir);

// The snapshot folder of a cached repo of one AutoencoderKL (as stabilityai/sd-vae-ft-mse): what
// LoadOptions::vae takes; empty when the repo is no such VAE or not cached.
QString cachedVaeFolder(const QString& cacheDir, const QString& repoId);
// Those of every cached repo, sorted by repo.
QStringList cachedVaeFolders(const QString& cacheDir);

}  // namespace bksdm
