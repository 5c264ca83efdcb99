#pragma once
#include <qcoro/qcorotask.h>

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <chrono>
#include <functional>
#include <optional>

#include "app/hub/hub_client.h"
#include "app/hub/hub_config.h"
#include "app/hub/transfer_rate.h"

namespace bksdm {

struct DownloadRequest {
  explicit DownloadRequest(QString repoId, QString revision = QStringLiteral("main"), QString variant = {})
      : repoId(std::move(repoId)), revision(std::move(revision)), variant(std::move(variant)) {}

  QString repoId;
  QString revision;
  QString variant;  // "fp16": `*.fp16.safetensors` where the repo has them
};

struct DownloadProgress {
  QString file;        // the repo file being fetched
  int fileNumber = 0;  // 1-based, of fileCount
  int fileCount = 0;
  qint64 fileBytes = 0;
  qint64 fileSize = -1;
  qint64 bytes = 0;  // of all the picked files, those already in the cache included
  qint64 totalSize = 0;
  double bytesPerSecond = 0;
  std::optional<qint64> secondsLeft;
};

struct RetryPolicy {
  int attempts = 6;  // per request; a resumed download that got further starts counting again
  std::chrono::milliseconds firstDelay{1000};
  std::chrono::milliseconds longestDelay{60000};
};

struct DownloadOutcome {
  enum class Status { Done, Cancelled, Failed };
  Status status = Status::Failed;
  QString message;   // for the user: what happened, or what went wrong and what to do
  QString snapshot;  // Done: the snapshot folder, which ModelFolder::open(repoId) finds
  QString commit;
};

// Downloads the files of a diffusers repo that the app needs into the Hugging Face cache (see
// HubCacheRepo and selectModelFiles): lists the repo at the revision, asks the Hub for every
// file's ETag and size, fetches the missing ones with retries (doubling back-off) and resumes, and
// writes refs/REVISION last, after model_index.json, so a half-done download never looks like a
// model. Delete it only once run() has returned (or finished() was emitted).
class ModelDownload : public QObject {
  Q_OBJECT

 public:
  ModelDownload(HubConfig hub, DownloadRequest request, QObject* parent = nullptr);
  ~ModelDownload() override;

  const DownloadRequest& request() const { return request_; }
  const HubConfig& hub() const { return client_.config(); }
  void setRetryPolicy(const RetryPolicy& policy) { retry_ = policy; }
  // A transfer that receives nothing for this long is dropped and retried.
  void setStallTimeout(std::chrono::milliseconds timeout) { client_.setStallTimeout(timeout); }

  // The whole download; never throws.
  QCoro::Task<DownloadOutcome> run();
  // run(), reporting the outcome by finished().
  void start();
  bool isRunning() const { return running_; }
  // Stops at once; what was received stays in the cache for the next download to resume.
  void cancel();

 Q_SIGNALS:
  void statusChanged(const QString& text);
  void progressChanged(const bksdm::DownloadProgress& progress);
  void finished(const bksdm::DownloadOutcome& outcome);

 private:
  QCoro::Task<QString> download();
  QCoro::Task<> withRetries(std::function<QCoro::Task<>()> attempt);
  QCoro::Task<> sleep(std::chrono::milliseconds delay);
  void checkFreeSpace(qint64 bytesNeeded) const;
  void onFileBytes(qint64 bytesOnDisk, qint64 bytesReceived);
  void reportProgress();

  DownloadRequest request_;
  QNetworkAccessManager network_;
  HubClient client_;
  RetryPolicy retry_;
  QTimer backoff_;
  QTimer ticker_;
  bool running_ = false;

  DownloadProgress progress_;
  qint64 bytesBefore_ = 0;    // of files finished before the current one
  qint64 fileFurthest_ = 0;   // the most of the current file ever on disk
  qint64 bytesReceived_ = 0;  // over the network, for the speed
  QElapsedTimer clock_;
  TransferRate rate_;
};

}  // namespace bksdm
