#pragma once
#include <qcoro/qcorotask.h>

#include <QNetworkRequest>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <chrono>
#include <functional>
#include <memory>

#include "app/hub/hub_config.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace bksdm {

// A repo at one commit: huggingface_hub's model_info(revision=...) reduced to what a download needs.
struct RepoRevision {
  QString commit;
  QStringList files;  // every file's path in the repo ("unet/config.json")
};

// What the Hub's answer to HEAD resolve/REVISION/FILE says, as huggingface_hub's get_hf_file_metadata.
struct FileMetadata {
  QString commit;  // X-Repo-Commit
  QString etag;    // X-Linked-Etag (LFS files: the content's sha256), else ETag (git's blob id)
  qint64 size = -1;
  QUrl location;  // where to GET the content: the CDN for LFS files, else the resolve URL
};

// The Hub's answers read from their bytes alone, as the requests below read them (and the fuzz
// target hub_answers does): an answer the Hub does not give is a HubError::Kind::Protocol naming
// `url`. The commit and the ETag become file names in the cache, so only plain tokens pass.
RepoRevision parseRepoRevision(const QByteArray& body, const QString& url);
// A HEAD answer's commit, ETag and size; `header` gives a header's raw value (empty when absent).
// The location is the caller's to fill.
FileMetadata parseFileMetadata(const std::function<QByteArray(const QByteArray&)>& header, const QString& url);

struct ReplyDeleter {
  void operator()(QNetworkReply* reply) const;
};
using ReplyPtr = std::unique_ptr<QNetworkReply, ReplyDeleter>;

// Requests to the Hub: the token (only to the Hub itself, never to the CDN it redirects to), no
// compression (so byte ranges mean bytes of the file), a stall timeout, and one cancel() for
// whatever is in flight. Every failure is a HubError.
class HubClient {
 public:
  HubClient(QNetworkAccessManager* network, HubConfig config);

  const HubConfig& config() const { return config_; }
  void setStallTimeout(std::chrono::milliseconds timeout) { stallTimeout_ = timeout; }

  // GET {endpoint}/api/models/{repoId}/revision/{revision}
  QCoro::Task<RepoRevision> repoRevision(QString repoId, QString revision);
  // HEAD {endpoint}/{repoId}/resolve/{revision}/{file}, following only the Hub's own redirects
  // (a renamed repo), not the one to the CDN.
  QCoro::Task<FileMetadata> fileMetadata(QString repoId, QString revision, QString file);

  // Starts a GET of the bytes from `fromByte` on; the caller waits for it with finish().
  ReplyPtr get(const QUrl& url, qint64 fromByte = 0);
  // Waits for the reply; a cancel() meanwhile is a HubError::Kind::Cancelled.
  QCoro::Task<> finish(QNetworkReply* reply);
  // Aborts the request in flight; every later request fails as cancelled.
  void cancel();
  bool isCancelled() const { return cancelled_; }
  // Throws HubError::Kind::Cancelled after cancel().
  void throwIfCancelled() const;

  QUrl apiUrl(const QString& repoId, const QString& revision) const;
  QUrl resolveUrl(const QString& repoId, const QString& revision, const QString& file) const;

 private:
  QNetworkRequest request(const QUrl& url) const;
  QNetworkReply* track(QNetworkReply* reply);

  QNetworkAccessManager* network_;
  HubConfig config_;
  std::chrono::milliseconds stallTimeout_{30000};
  QPointer<QNetworkReply> inFlight_;
  bool cancelled_ = false;
};

}  // namespace bksdm
