#include "app/hub/model_download.h"

#include <qcoro/qcorotimer.h>

#include <QStorageInfo>

#include "app/hub/blob_download.h"
#include "app/hub/hub_cache_repo.h"
#include "app/hub/hub_error.h"
#include "app/hub/model_files.h"

namespace bksdm {
namespace {

// Often enough for a smooth bar, rarely enough not to flood the UI.
constexpr int kReportIntervalMilliseconds = 100;

// An error message ends its sentence before the next one starts, with whatever stop it has.
QString asSentence(QString text) {
  text = text.trimmed();
  if (!text.isEmpty() && !QStringLiteral(".!?\u2026\u3002").contains(text.back())) text += QLatin1Char('.');
  return text;
}

qint64 knownSize(const FileMetadata& file) { return std::max<qint64>(file.size, 0); }

}  // namespace

ModelDownload::ModelDownload(HubConfig hub, DownloadRequest request, QObject* parent)
    : QObject(parent), request_(std::move(request)), client_(&network_, std::move(hub)) {
  backoff_.setSingleShot(true);
  // Reports go out on a clock rather than per packet: steady for the UI, and a stalled transfer
  // shows its speed falling.
  ticker_.setInterval(kReportIntervalMilliseconds);
  connect(&ticker_, &QTimer::timeout, this, &ModelDownload::reportProgress);
}

// A run still waiting on the network ends as cancelled here, while the members it uses still live.
ModelDownload::~ModelDownload() { cancel(); }

void ModelDownload::start() {
  QCoro::connect(run(), this, [this](const DownloadOutcome& outcome) { Q_EMIT finished(outcome); });
}

void ModelDownload::cancel() {
  client_.cancel();
  if (backoff_.isActive()) backoff_.start(0);
}

QCoro::Task<DownloadOutcome> ModelDownload::run() {
  running_ = true;
  clock_.start();
  DownloadOutcome outcome;
  try {
    outcome.commit = co_await download();
    outcome.status = DownloadOutcome::Status::Done;
    outcome.snapshot = HubCacheRepo(hub().cacheDir, request_.repoId).snapshotPath(outcome.commit);
    outcome.message = tr("%1 is in the cache.").arg(request_.repoId);
  } catch (const HubError& error) {
    const bool cancelled = error.kind() == HubError::Kind::Cancelled;
    outcome.status = cancelled ? DownloadOutcome::Status::Cancelled : DownloadOutcome::Status::Failed;
    outcome.message = cancelled ? tr("Download cancelled. What arrived stays in the cache: downloading %1 "
                                     "again resumes it.")
                                      .arg(request_.repoId)
                                : error.message();
  }
  ticker_.stop();
  running_ = false;
  co_return outcome;
}

QCoro::Task<QString> ModelDownload::download() {
  if (hub().offline) throw offlineError();
  const QString& repoId = request_.repoId;
  Q_EMIT statusChanged(tr("Listing the files of %1…").arg(repoId));
  RepoRevision revision;
  co_await withRetries([&]() -> QCoro::Task<> { revision = co_await client_.repoRevision(repoId, request_.revision); });
  const QStringList files = selectModelFiles(revision.files, request_.variant, repoId);

  Q_EMIT statusChanged(tr("Asking the Hub about %n file(s)…", nullptr, int(files.size())));
  QList<FileMetadata> metadata;
  for (const QString& file : files) {
    FileMetadata one;
    co_await withRetries(
        [&]() -> QCoro::Task<> { one = co_await client_.fileMetadata(repoId, revision.commit, file); });
    metadata.append(one);
  }

  const HubCacheRepo cache(hub().cacheDir, repoId);
  cache.createBlobFolder();
  progress_ = {};
  progress_.fileCount = int(files.size());
  qint64 missing = 0;
  for (qsizetype i = 0; i < files.size(); ++i) {
    progress_.totalSize += knownSize(metadata[i]);
    if (!cache.hasFile(revision.commit, files[i]) && !cache.hasBlob(metadata[i].etag))
      missing += knownSize(metadata[i]) - QFileInfo(cache.incompletePath(metadata[i].etag)).size();
  }
  checkFreeSpace(missing);

  Q_EMIT statusChanged(tr("Downloading %1 (%2 to fetch)…").arg(repoId, QLocale().formattedDataSize(missing)));
  bytesBefore_ = 0;
  ticker_.start();
  for (qsizetype i = 0; i < files.size(); ++i) {
    const FileMetadata& file = metadata[i];
    progress_.file = files[i];
    progress_.fileNumber = int(i + 1);
    progress_.fileSize = file.size;
    progress_.fileBytes = 0;
    fileFurthest_ = 0;
    reportProgress();
    if (!cache.hasFile(revision.commit, files[i])) {
      if (!cache.hasBlob(file.etag)) {
        co_await withRetries([&]() -> QCoro::Task<> {
          co_await downloadBlob(client_, cache, files[i], file,
                                [this](qint64 onDisk, qint64 received) { onFileBytes(onDisk, received); });
        });
      }
      cache.linkFile(revision.commit, files[i], file.etag);
    }
    progress_.fileBytes = knownSize(file);
    reportProgress();
    bytesBefore_ += knownSize(file);
  }
  ticker_.stop();
  cache.writeRef(request_.revision, revision.commit);
  co_return revision.commit;
}

QCoro::Task<> ModelDownload::withRetries(std::function<QCoro::Task<>()> attempt) {
  std::chrono::milliseconds delay = retry_.firstDelay;
  int failures = 0;
  qint64 furthest = fileFurthest_;
  for (;;) {
    std::optional<HubError> failure;
    try {
      co_await attempt();
      co_return;
    } catch (const HubError& error) {
      if (!error.isTransient()) throw;
      failure = error;
    }
    // A dropped connection after more of the file than ever arrived is progress, not a failing
    // server. The file's size bounds how often that can happen.
    if (failure->kind() == HubError::Kind::Network && fileFurthest_ > furthest) {
      furthest = fileFurthest_;
      failures = 0;
      delay = retry_.firstDelay;
    }
    if (++failures >= retry_.attempts) throw *failure;
    Q_EMIT statusChanged(tr("%1 Trying again in %2 s (%3 of %4).")
                             .arg(asSentence(failure->message()))
                             .arg(double(delay.count()) / 1000.0, 0, 'f', 1)
                             .arg(failures + 1)
                             .arg(retry_.attempts));
    co_await sleep(delay);
    client_.throwIfCancelled();
    delay = std::min(delay * 2, retry_.longestDelay);
  }
}

QCoro::Task<> ModelDownload::sleep(std::chrono::milliseconds delay) {
  if (client_.isCancelled()) co_return;
  backoff_.start(delay);
  co_await backoff_;
}

void ModelDownload::checkFreeSpace(qint64 bytesNeeded) const {
  const QStorageInfo storage(hub().cacheDir);
  if (!storage.isValid() || storage.bytesAvailable() >= bytesNeeded) return;
  throw HubError(HubError::Kind::Disk, tr("%1 needs %2 more in %3, but only %4 is free.")
                                           .arg(request_.repoId, QLocale().formattedDataSize(bytesNeeded),
                                                hub().cacheDir, QLocale().formattedDataSize(storage.bytesAvailable())));
}

void ModelDownload::onFileBytes(qint64 bytesOnDisk, qint64 bytesReceived) {
  progress_.fileBytes = bytesOnDisk;
  fileFurthest_ = std::max(fileFurthest_, bytesOnDisk);
  bytesReceived_ += bytesReceived;
}

void ModelDownload::reportProgress() {
  const qint64 now = clock_.elapsed();
  rate_.record(now, bytesReceived_);
  progress_.bytes = bytesBefore_ + progress_.fileBytes;
  progress_.bytesPerSecond = rate_.bytesPerSecond();
  progress_.secondsLeft = rate_.secondsLeft(std::max<qint64>(progress_.totalSize - progress_.bytes, 0));
  Q_EMIT progressChanged(progress_);
}

}  // namespace bksdm
