#include "app/hub/hub_client.h"

#include <qcoro/qcoronetworkreply.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

#include "app/hub/hub_error.h"

namespace bksdm {
namespace {

// A renamed repo redirects to its new name, perhaps more than once; a loop must not hang us.
constexpr int kMaxHubRedirects = 5;

class ClientMessages {
  Q_DECLARE_TR_FUNCTIONS(bksdm::ClientMessages)

 public:
  static HubError notHubAnswer(const QString& url, const QString& what) {
    return {HubError::Kind::Protocol,
            tr("%1 did not answer as the Hugging Face Hub does (%2). Check HF_ENDPOINT.").arg(url, what)};
  }
  static HubError cancelled() { return {HubError::Kind::Cancelled, tr("Cancelled.")}; }
};

int httpStatus(const QNetworkReply& reply) { return reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); }

bool sameOrigin(const QUrl& a, const QUrl& b) {
  return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
         a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
             b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

// As huggingface_hub's _normalize_etag: a weak ETag (W/"...", from a compressing proxy) names the
// same content.
QString normalizeEtag(QByteArray etag) {
  if (etag.startsWith("W/")) etag.remove(0, 2);
  if (etag.size() >= 2 && etag.startsWith('"') && etag.endsWith('"')) etag = etag.mid(1, etag.size() - 2);
  return QString::fromLatin1(etag);
}

// ETags and commits become file names in the cache; anything but a plain token could escape it.
bool isSafeName(const QString& name) {
  static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_-]{1,128}$"));
  return token.match(name).hasMatch();
}

QString encodedEndpoint(const QUrl& endpoint) {
  QString text = QString::fromLatin1(endpoint.toEncoded());
  while (text.endsWith(QLatin1Char('/'))) text.chop(1);
  return text;
}

QString percentEncoded(const QString& text, const QByteArray& keep = {}) {
  return QString::fromLatin1(QUrl::toPercentEncoding(text, keep));
}

}  // namespace

RepoRevision parseRepoRevision(const QByteArray& body, const QString& url) {
  const QJsonObject info = QJsonDocument::fromJson(body).object();
  RepoRevision result{info.value(QLatin1String("sha")).toString(), {}};
  if (!isSafeName(result.commit)) throw ClientMessages::notHubAnswer(url, QStringLiteral("sha"));
  for (const QJsonValue& sibling : info.value(QLatin1String("siblings")).toArray())
    result.files.append(sibling.toObject().value(QLatin1String("rfilename")).toString());
  return result;
}

FileMetadata parseFileMetadata(const std::function<QByteArray(const QByteArray&)>& header, const QString& url) {
  const QByteArray linkedEtag = header("X-Linked-Etag");
  const QByteArray linkedSize = header("X-Linked-Size");
  FileMetadata metadata;
  metadata.commit = QString::fromLatin1(header("X-Repo-Commit"));
  metadata.etag = normalizeEtag(linkedEtag.isEmpty() ? header("ETag") : linkedEtag);
  bool sized = false;
  metadata.size = (linkedSize.isEmpty() ? header("Content-Length") : linkedSize).toLongLong(&sized);
  if (!sized) metadata.size = -1;
  if (!isSafeName(metadata.commit)) throw ClientMessages::notHubAnswer(url, QStringLiteral("X-Repo-Commit"));
  if (!isSafeName(metadata.etag)) throw ClientMessages::notHubAnswer(url, QStringLiteral("ETag"));
  return metadata;
}

void ReplyDeleter::operator()(QNetworkReply* reply) const {
  // Its handlers capture the state of a coroutine that is ending.
  reply->disconnect();
  reply->deleteLater();
}

HubClient::HubClient(QNetworkAccessManager* network, HubConfig config)
    : network_(network), config_(std::move(config)) {}

QUrl HubClient::apiUrl(const QString& repoId, const QString& revision) const {
  return QUrl::fromEncoded((encodedEndpoint(config_.endpoint) + QLatin1String("/api/models/") + repoId +
                            QLatin1String("/revision/") + percentEncoded(revision))
                               .toLatin1());
}

QUrl HubClient::resolveUrl(const QString& repoId, const QString& revision, const QString& file) const {
  return QUrl::fromEncoded((encodedEndpoint(config_.endpoint) + QLatin1Char('/') + repoId + QLatin1String("/resolve/") +
                            percentEncoded(revision) + QLatin1Char('/') + percentEncoded(file, "/"))
                               .toLatin1());
}

QNetworkRequest HubClient::request(const QUrl& url) const {
  QNetworkRequest request(url);
  // Compressed bodies would make byte ranges and sizes mean something else.
  request.setRawHeader("Accept-Encoding", "identity");
  request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("bksdm-studio/" BKSDM_VERSION));
  request.setTransferTimeout(int(stallTimeout_.count()));
  // The CDN's URLs are signed; the token is for the Hub alone.
  if (!config_.token.isEmpty() && sameOrigin(url, config_.endpoint))
    request.setRawHeader("Authorization", "Bearer " + config_.token.toUtf8());
  return request;
}

QNetworkReply* HubClient::track(QNetworkReply* reply) {
  inFlight_ = reply;
  return reply;
}

void HubClient::throwIfCancelled() const {
  if (cancelled_) throw ClientMessages::cancelled();
}

void HubClient::cancel() {
  cancelled_ = true;
  if (inFlight_) inFlight_->abort();
}

ReplyPtr HubClient::get(const QUrl& url, qint64 fromByte) {
  throwIfCancelled();
  QNetworkRequest request = this->request(url);
  if (fromByte > 0) request.setRawHeader("Range", "bytes=" + QByteArray::number(fromByte) + '-');
  return ReplyPtr(track(network_->get(request)));
}

QCoro::Task<> HubClient::finish(QNetworkReply* reply) {
  co_await reply;
  throwIfCancelled();
}

QCoro::Task<RepoRevision> HubClient::repoRevision(QString repoId, QString revision) {
  throwIfCancelled();
  QNetworkRequest request = this->request(apiUrl(repoId, revision));
  request.setRawHeader("Accept", "application/json");
  ReplyPtr reply(track(network_->get(request)));
  co_await finish(reply.get());
  if (reply->error() != QNetworkReply::NoError) throw replyError(reply.get(), config_, repoId);
  co_return parseRepoRevision(reply->readAll(), reply->url().toString());
}

QCoro::Task<FileMetadata> HubClient::fileMetadata(QString repoId, QString revision, QString file) {
  QUrl url = resolveUrl(repoId, revision, file);
  for (int hop = 0; hop < kMaxHubRedirects; ++hop) {
    throwIfCancelled();
    QNetworkRequest request = this->request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    ReplyPtr reply(track(network_->head(request)));
    co_await finish(reply.get());
    const int status = httpStatus(*reply);
    const bool redirected = status >= 300 && status < 400;
    if (!redirected && reply->error() != QNetworkReply::NoError) throw replyError(reply.get(), config_, repoId, file);
    // Qt's LocationHeader drops relative URLs, which are the very ones to follow here.
    const QUrl location = QUrl::fromEncoded(reply->rawHeader("Location"));
    if (redirected && location.isRelative()) {  // the Hub again: a renamed repo
      url = url.resolved(location);
      continue;
    }
    FileMetadata metadata =
        parseFileMetadata([&](const QByteArray& name) { return reply->rawHeader(name); }, url.toString());
    metadata.location = redirected ? url.resolved(location) : url;
    co_return metadata;
  }
  throw ClientMessages::notHubAnswer(url.toString(), QStringLiteral("redirect loop"));
}

}  // namespace bksdm
