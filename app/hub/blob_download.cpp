#include "app/hub/blob_download.h"
#include "app/pool_task.h"

#include <qcoro/qcorofuture.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QNetworkReply>
#include <QRegularExpression>
#include <filesystem>
#include <system_error>

#include "app/hub/cache_file_lock.h"
#include "app/hub/hub_cache_repo.h"
#include "app/hub/hub_error.h"

namespace bksdm {
namespace {

class BlobMessages {
  Q_DECLARE_TR_FUNCTIONS(bksdm::BlobMessages)

 public:
  static HubError cannotWrite(const QString& path, const QString& why) {
    return {HubError::Kind::Disk, tr("Cannot write %1: %2").arg(path, why)};
  }
  static HubError damaged(const QString& file) {
    return {HubError::Kind::Integrity,
            tr("%1 arrived damaged (its SHA-256 differs from the Hub's); it is fetched again.").arg(file)};
  }
  static HubError wrongSize(const QString& file, qint64 got, qint64 expected) {
    return {HubError::Kind::Integrity,
            tr("%1 arrived with %2 bytes instead of %3; it is fetched again.").arg(file).arg(got).arg(expected)};
  }
  static HubError rangeRefused(const QString& file) {
    return {HubError::Kind::Integrity, tr("The server cannot resume %1; it is fetched again.").arg(file)};
  }
};

int httpStatus(const QNetworkReply& reply) { return reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); }

// The ETag of an LFS file is the sha256 of its content; other files carry git's blob id.
bool isSha256(const QString& etag) {
  static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
  return hex64.match(etag).hasMatch();
}

QString sha256Of(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  QCryptographicHash hash(QCryptographicHash::Sha256);
  hash.addData(&file);
  return QString::fromLatin1(hash.result().toHex());
}

// Appends the reply's body to `part` from where it ends, starting over when the server ignored the
// range and sent the whole file.
QCoro::Task<> receive(HubClient& client, QFile& part, const QString& path, const QString& repoId,
                      const FileMetadata& file, const BytesCallback& onBytes) {
  const qint64 resumeFrom = part.size();
  if (!part.seek(resumeFrom)) throw BlobMessages::cannotWrite(part.fileName(), part.errorString());
  onBytes(resumeFrom, 0);
  ReplyPtr reply = client.get(file.location, resumeFrom);
  QString writeError;
  bool statusChecked = false;
  auto store = [&] {
    if (!statusChecked) {
      statusChecked = true;
      if (resumeFrom > 0 && httpStatus(*reply) == 200 && !(part.resize(0) && part.seek(0))) {
        writeError = part.errorString();
        reply->abort();
        return;
      }
    }
    const QByteArray data = reply->readAll();
    if (part.write(data) != data.size()) {
      writeError = part.errorString();
      reply->abort();
      return;
    }
    onBytes(part.pos(), data.size());
  };
  QObject::connect(reply.get(), &QNetworkReply::readyRead, reply.get(), store);
  co_await client.finish(reply.get());
  if (writeError.isEmpty() && reply->bytesAvailable() > 0) store();
  if (writeError.isEmpty() && !part.flush()) writeError = part.errorString();
  if (!writeError.isEmpty()) throw BlobMessages::cannotWrite(part.fileName(), writeError);
  if (reply->error() == QNetworkReply::NoError) co_return;
  if (httpStatus(*reply) == 416) {
    part.resize(0);
    throw BlobMessages::rangeRefused(path);
  }
  throw replyError(reply.get(), client.config(), repoId, path);
}

// Leaves a complete, intact file or throws having removed what cannot be resumed.
QCoro::Task<> verify(QFile& part, const QString& path, const FileMetadata& file) {
  const qint64 size = part.size();
  part.close();
  if (file.size >= 0 && size > file.size) {
    QFile::remove(part.fileName());
    throw BlobMessages::wrongSize(path, size, file.size);
  }
  if (file.size >= 0 && size < file.size) throw BlobMessages::wrongSize(path, size, file.size);
  if (!isSha256(file.etag)) co_return;
  const QString hash = co_await runInPool(sha256Of, part.fileName());
  if (hash != file.etag) {
    QFile::remove(part.fileName());
    throw BlobMessages::damaged(path);
  }
}

}  // namespace

QCoro::Task<> downloadBlob(HubClient& client, const HubCacheRepo& repo, QString path, FileMetadata file,
                           BytesCallback onBytes) {
  const CacheFileLock lock(repo.lockPath(file.etag));
  if (repo.hasBlob(file.etag)) co_return;
  QFile part(repo.incompletePath(file.etag));
  if (!part.open(QIODevice::ReadWrite)) throw BlobMessages::cannotWrite(part.fileName(), part.errorString());
  if (file.size < 0 || part.size() < file.size) co_await receive(client, part, path, repo.repoId(), file, onBytes);
  co_await verify(part, path, file);
  std::error_code error;
  std::filesystem::rename(part.fileName().toStdString(), repo.blobPath(file.etag).toStdString(), error);
  if (error) throw BlobMessages::cannotWrite(repo.blobPath(file.etag), QString::fromStdString(error.message()));
}

}  // namespace bksdm
