// The Hub's answers from a hostile server (or HF_ENDPOINT pointed at one): the input is the body of
// GET /api/models/REPO/revision/REV, then after a line "%%" the headers of a HEAD resolve answer, one
// "Name: value" a line. Each is parsed as the downloader parses it (app/hub/hub_client.h), the
// files to fetch are picked from the listing, and everything that becomes a path in the cache (the
// commit, the ETag, each picked file) must stay inside the repo's folder there. Failures are
// HubErrors; nothing else may escape.
#include <QByteArray>
#include <QDir>
#include <QList>
#include <QString>

#include <cstdlib>

#include "app/hub/hub_cache_repo.h"
#include "app/hub/hub_client.h"
#include "app/hub/hub_error.h"
#include "app/hub/model_files.h"
#include "fuzz/fuzz_support.h"

namespace {

using bksdm::HubCacheRepo;

const QString kUrl = QStringLiteral("https://hub.invalid/api/models/org/name/revision/main");
const QString kRepoId = QStringLiteral("org/name");

// `path` below `folder`, once both are cleaned ("a/../.." is not).
bool isInside(const QString& path, const QString& folder) {
  const QString cleanFolder = QDir::cleanPath(folder) + QLatin1Char('/');
  return QDir::cleanPath(path).startsWith(cleanFolder);
}

void checkName(const HubCacheRepo& repo, const QString& folder, const QString& path) {
  if (!isInside(path, repo.folder() + QLatin1Char('/') + folder)) std::abort();
}

void checkListing(const HubCacheRepo& repo, std::string_view body) {
  try {
    const bksdm::RepoRevision revision = bksdm::parseRepoRevision(QByteArray(body.data(), qsizetype(body.size())), kUrl);
    checkName(repo, QStringLiteral("snapshots"), repo.snapshotPath(revision.commit));
    for (const QString& variant : {QString(), QStringLiteral("fp16")})
      for (const QString& file : bksdm::selectModelFiles(revision.files, variant, kRepoId))
        if (!isInside(repo.pointerPath(revision.commit, file), repo.snapshotPath(revision.commit))) std::abort();
  } catch (const bksdm::HubError&) {
  }
}

QList<std::pair<QByteArray, QByteArray>> headerLines(std::string_view text) {
  QList<std::pair<QByteArray, QByteArray>> headers;
  for (const QByteArray& line : QByteArray(text.data(), qsizetype(text.size())).split('\n')) {
    const qsizetype colon = line.indexOf(':');
    if (colon > 0) headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
  }
  return headers;
}

void checkMetadata(const HubCacheRepo& repo, std::string_view text) {
  const QList<std::pair<QByteArray, QByteArray>> headers = headerLines(text);
  // As QNetworkReply::rawHeader: names compared without case, the first of repeated ones.
  const auto header = [&](const QByteArray& name) {
    for (const auto& [key, value] : headers)
      if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
    return QByteArray();
  };
  try {
    const bksdm::FileMetadata metadata = bksdm::parseFileMetadata(header, kUrl);
    checkName(repo, QStringLiteral("snapshots"), repo.snapshotPath(metadata.commit));
    checkName(repo, QStringLiteral("blobs"), repo.blobPath(metadata.etag));
    checkName(repo, QStringLiteral("blobs"), repo.incompletePath(metadata.etag));
    if (!isInside(repo.lockPath(metadata.etag), QStringLiteral("/cache/.locks/models--org--name"))) std::abort();
  } catch (const bksdm::HubError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const HubCacheRepo repo(QStringLiteral("/cache"), kRepoId);  // paths only: nothing is written
  const std::vector<std::string_view> parts = bksdm::fuzz::split_parts(bksdm::fuzz::as_text(data, size));
  checkListing(repo, parts[0]);
  if (parts.size() > 1) checkMetadata(repo, parts[1]);
  return 0;
}
