#include "app/model_catalog.h"
#include "app/pool_task.h"

#include "app/hub/cached_models.h"

#include <algorithm>
#include <filesystem>

#include <QFileInfo>
#include <qcoro/qcorofuture.h>

#include "core/io/error.h"
#include "core/loading/model_folder.h"
#include "core/loading/model_summary.h"

namespace fs = std::filesystem;

namespace bksdm {
namespace {

const QStringList kAcronyms = {"bk", "sdm", "sd", "sdxl", "xl", "vae", "lcm", "clip"};

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

bool isVersionTag(const QString& part) {
  return part.size() > 1 && part[0] == 'v' && part[1].isDigit();
}

// "models--nota-ai--bk-sdm-v2-tiny" -> "nota-ai/bk-sdm-v2-tiny"
QString repoIdOf(const QString& cacheFolderName) {
  QString id = cacheFolderName.mid(QStringLiteral("models--").size());
  const int separator = id.indexOf(QStringLiteral("--"));
  if (separator <= 0) return {};
  return id.replace(separator, 2, QStringLiteral("/"));
}

ModelEntry describeOrReport(const QString& location) {
  try {
    return describeModel(location);
  } catch (const std::exception& error) {
    ModelEntry entry;
    const QFileInfo file(location);
    entry.name = displayName(file.isFile() ? file.completeBaseName() : file.fileName());
    entry.location = location;
    entry.problems = QString::fromUtf8(error.what());
    return entry;
  }
}

// Whether the cached repo has a model snapshot to list; one whose ref or snapshot is damaged (a ref
// that holds no commit, a symlink loop) is listed too, with its problem.
bool holdsModel(const fs::path& cache, const QString& repoId) {
  try {
    const auto snapshot = hf_cached_snapshot(cache, repoId.toStdString());
    return snapshot && fs::exists(*snapshot / "model_index.json");
  } catch (const std::exception&) {
    return true;
  }
}

}  // namespace

QString displayName(const QString& rawName) {
  QStringList parts = rawName.split('-');
  for (QString& part : parts) {
    if (kAcronyms.contains(part.toLower()))
      part = part.toUpper();
    else if (!isVersionTag(part) && !part.isEmpty())
      part[0] = part[0].toUpper();
  }
  return parts.join('-');
}

ModelEntry describeModel(const QString& location) {
  const ModelFolder folder = ModelFolder::open(location.toStdString());
  const ModelSummary summary = summarize_model(folder);
  ModelEntry entry;
  entry.name = displayName(fromStd(folder.name()));
  entry.location = location;
  entry.repoId = folder.repo_id() ? fromStd(*folder.repo_id()) : QString();
  entry.family = fromStd(summary.family);
  entry.layout = fromStd(summary.layout);
  QStringList problems;
  for (const std::string& problem : summary.problems) problems << fromStd(problem);
  entry.problems = problems.join('\n');
  return entry;
}

QList<ModelEntry> scanHubCache() {
  const fs::path cache = hf_hub_cache();
  QList<ModelEntry> entries;
  std::error_code error;
  for (fs::directory_iterator it(cache, error), end; !error && it != end; it.increment(error)) {
    const QString folderName = fromStd(it->path().filename().string());
    const QString repoId = repoIdOf(folderName);
    if (!folderName.startsWith(QStringLiteral("models--")) || repoId.isEmpty()) continue;
    if (holdsModel(cache, repoId)) entries << describeOrReport(repoId);
  }
  return entries;
}

QCoro::Task<QList<ModelEntry>> discoverModels(QStringList userFolders) {
  // Named, not a temporary inside co_await: GCC 12 destroys such lambda temporaries twice.
  QFuture<QList<ModelEntry>> found = runInPool([folders = std::move(userFolders)] {
    QList<ModelEntry> entries = scanHubCache();
    for (const QString& folder : folders) entries << describeOrReport(folder);
    std::stable_sort(entries.begin(), entries.end(),
                     [](const ModelEntry& a, const ModelEntry& b) { return a.name.compare(b.name, Qt::CaseInsensitive) < 0; });
    return entries;
  });
  co_return co_await found;
}

}  // namespace bksdm
