#include "app/hub/cached_models.h"

#include <QDir>
#include <QFileInfo>

#include "core/loading/model_folder.h"

namespace bksdm {

bool isModelCached(const QString& cacheDir, const QString& repoId) {
  try {
    const auto snapshot = hf_cached_snapshot(cacheDir.toStdString(), repoId.toStdString());
    return snapshot && QFileInfo::exists(QString::fromStdString((*snapshot / "model_index.json").string()));
  } catch (const std::exception&) {
    return false;  // a damaged ref or snapshot: not usable, so not cached
  }
}

QStringList cachedModelRepos(const QString& cacheDir) {
  static const QString prefix = QStringLiteral("models--");
  QStringList repos;
  for (const QString& folder : QDir(cacheDir).entryList({prefix + QLatin1Char('*')}, QDir::Dirs)) {
    QString repoId = folder.mid(prefix.size());
    const qsizetype separator = repoId.indexOf(QLatin1String("--"));
    if (separator <= 0) continue;
    repoId.replace(separator, 2, QLatin1Char('/'));
    if (isModelCached(cacheDir, repoId)) repos.append(repoId);
  }
  repos.sort(Qt::CaseInsensitive);
  return repos;
}

}  // namespace bksdm
