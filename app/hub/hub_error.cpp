#include "app/hub/hub_error.h"

#include <QNetworkReply>

#include "app/hub/hub_config.h"

namespace bksdm {
namespace {

class HubMessages {
  Q_DECLARE_TR_FUNCTIONS(bksdm::HubMessages)

 public:
  static HubError notFound(const HubConfig& hub, const QString& repoId, const QByteArray& errorCode,
                           const QString& file) {
    if (errorCode == "RevisionNotFound")
      return {HubError::Kind::NotFound, tr("%1 has no such revision (branch, tag or commit).").arg(repoId)};
    if (errorCode == "EntryNotFound" || (errorCode.isEmpty() && !file.isEmpty()))
      return {HubError::Kind::NotFound, tr("%1 has no file %2.").arg(repoId, file)};
    const QString privateHint = hub.token.isEmpty()
                                    ? tr("If it is private, set a token (HF_TOKEN, or huggingface-cli login).")
                                    : tr("If it is private, the token from %1 cannot see it.").arg(hub.tokenSource);
    return {HubError::Kind::NotFound,
            tr("There is no model %1 on %2. Check its name. %3").arg(repoId, hub.endpoint.host(), privateHint)};
  }

  static HubError unauthorized(const HubConfig& hub, const QString& repoId) {
    const QString page = hub.endpoint.toString() + QLatin1Char('/') + repoId;
    const QString tokens = hub.endpoint.toString() + QLatin1String("/settings/tokens");
    if (hub.token.isEmpty()) {
      return {HubError::Kind::Unauthorized,
              tr("%1 is gated or private, and no token is set. Accept its licence on %2 while signed in, "
                 "create an access token at %3, and set it in HF_TOKEN (or run huggingface-cli login).")
                  .arg(repoId, page, tokens)};
    }
    return {HubError::Kind::Unauthorized,
            tr("The Hub refused the token from %1 for %2: it is invalid or expired. Create a new one at %3.")
                .arg(hub.tokenSource, repoId, tokens)};
  }

  static HubError forbidden(const HubConfig& hub, const QString& repoId) {
    const QString page = hub.endpoint.toString() + QLatin1Char('/') + repoId;
    if (hub.token.isEmpty()) return unauthorized(hub, repoId);
    return {HubError::Kind::Forbidden,
            tr("The token from %1 has no access to %2. Accept the licence on %3 with the account that owns the "
               "token, and make sure the token may read gated repos.")
                .arg(hub.tokenSource, repoId, page)};
  }

  static HubError server(int status, const QString& reason) {
    return {HubError::Kind::Server, tr("The Hub answered HTTP %1 %2.").arg(status).arg(reason)};
  }

  static HubError unexpected(int status, const QString& reason, const QString& what) {
    return {HubError::Kind::Protocol, tr("Unexpected answer HTTP %1 %2 for %3.").arg(status).arg(reason, what)};
  }

  static HubError network(const QNetworkReply& reply) {
    const QString host = reply.url().host();
    switch (reply.error()) {
      case QNetworkReply::OperationCanceledError:  // our own cancel() is handled before this
        return {HubError::Kind::Network, tr("The transfer from %1 stalled.").arg(host)};
      case QNetworkReply::RemoteHostClosedError:
        return {HubError::Kind::Network, tr("%1 closed the connection.").arg(host)};
      default:
        return {HubError::Kind::Network, tr("Cannot reach %1: %2").arg(host, reply.errorString())};
    }
  }

  static HubError offline() {
    return {HubError::Kind::Offline,
            tr("HF_HUB_OFFLINE is set, so nothing is downloaded. Models already in the cache can be used; "
               "unset HF_HUB_OFFLINE to download.")};
  }
};

}  // namespace

HubError::HubError(Kind kind, const QString& message)
    : std::runtime_error(message.toStdString()), kind_(kind), message_(message) {}

bool HubError::isTransient() const {
  return kind_ == Kind::Network || kind_ == Kind::Server || kind_ == Kind::Integrity || kind_ == Kind::Busy;
}

HubError replyError(QNetworkReply* reply, const HubConfig& hub, const QString& repoId, const QString& file) {
  const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
  // The Hub names the fault in X-Error-Code, as huggingface_hub's hf_raise_for_status reads it; it
  // answers 401 for a repo that does not exist, so that private repos stay hidden.
  const QByteArray errorCode = reply->rawHeader("X-Error-Code");
  // A transfer that broke off after a good status line is a network fault too.
  if (status < 400) return HubMessages::network(*reply);
  if (errorCode == "RepoNotFound" || errorCode == "RevisionNotFound" || errorCode == "EntryNotFound" || status == 404)
    return HubMessages::notFound(hub, repoId, errorCode, file);
  if (status == 401) return HubMessages::unauthorized(hub, repoId);
  if (status == 403) return HubMessages::forbidden(hub, repoId);
  if (status == 429 || status >= 500) return HubMessages::server(status, reason);
  return HubMessages::unexpected(status, reason, file.isEmpty() ? repoId : repoId + QLatin1Char('/') + file);
}

HubError offlineError() { return HubMessages::offline(); }

}  // namespace bksdm
