#include "app/hub/cached_models.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/loading/model_folder.h"

namespace bksdm {

namespace {

// The repo's refs/main snapshot folder; empty when it has none.
QString snapshotFolder(const QString& cacheDir, const QString& repoId) {
  try {
    const auto snapshot = hf_cached_snapshot(cacheDir.toStdString(), repoId.toStdString());
    return snapshot ? QString::fromStdString(snapshot->string()) : QString();
  } catch (const std::exception&) {
    return {};  // a damaged ref or snapshot: not usable, so not cached
  }
}

// Every cached repo's id ("org/name"), from the cache's folder names.
QStringList cachedRepos(const QString& cacheDir) {
  static const QString prefix = QStringLiteral("models--");
  QStringList repos;
  for (const QString& folder : QDir(cacheDir).entryList({prefix + QLatin1Char('*')}, QDir::Dirs)) {
    QString repoId = folder.mid(prefix.size());
    const qsizetype separator = repoId.indexOf(QLatin1String("--"));
    if (separator <= 0) continue;
    repos.append(repoId.replace(separator, 2, QLatin1Char('/')));
  }
  repos.sort(Qt::CaseInsensitive);
  return repos;
}

QString configClass(const QString& folder) {
  QFile config(QDir(folder).filePath(QStringLiteral("config.json")));
  if (!config.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(config.readAll()).object().value(QStringLiteral("_class_name")).toString();
}

}  // namespace

bool isModelCached(const QString& cacheDir, const QString& repoId) {
  const QString snapshot = snapshotFolder(cacheDir, repoId);
  if (snapshot.isEmpty()) return false;
  const QDir folder(snapshot);
  return folder.exists(QStringLiteral("model_index.json")) || folder.exists(QStringLiteral("config.json"));
}

QStringList cachedModelRepos(const QString& cacheDir) {
  QStringList repos = cachedRepos(cacheDir);
  repos.removeIf([&](const QString& repoId) { return !isModelCached(cacheDir, repoId); });
  return repos;
}

QString cachedVaeFolder(const QString& cacheDir, const QString& repoId) {
  const QString snapshot = snapshotFolder(cacheDir, repoId);
  if (snapshot.isEmpty() || QDir(snapshot).exists(QStringLiteral("model_index.json"))) return {};
  return configClass(snapshot) == QLatin1String("AutoencoderKL") ? snapshot : QString();
}

QStringList cachedVaeFolders(const QString& cacheDir) {
  QStringList folders;
  for (const QString& repoId : cachedRepos(cacheDir))
    if (const QString folder = cachedVaeFolder(cacheDir, repoId); !folder.isEmpty()) folders.append(folder);
  return folders;
}

}  // namespace bksdm
