#pragma once
#include <QCoreApplication>
#include <QString>
#include <stdexcept>

class QNetworkReply;

namespace bksdm {

struct HubConfig;

// Why a Hub request or a cache write failed, in a sentence for the user. Transient kinds are
// retried with back-off; the others end the download.
class HubError : public std::runtime_error {
 public:
  enum class Kind {
    Network,       // no connection, dropped connection, stalled transfer: transient
    Server,        // HTTP 5xx or 429: transient
    Integrity,     // the file's hash or size is wrong: transient, the file is fetched again
    Busy,          // another program holds the file's download lock: transient
    Unauthorized,  // HTTP 401: gated or private, no token or a bad one
    Forbidden,     // HTTP 403: the token has no access
    NotFound,      // HTTP 404: no such repo, revision or file
    Offline,       // HF_HUB_OFFLINE is set
    Disk,          // the cache cannot be written
    Protocol,      // an answer the Hub does not give
    Cancelled,
  };

  HubError(Kind kind, const QString& message);

  Kind kind() const { return kind_; }
  const QString& message() const { return message_; }
  bool isTransient() const;

 private:
  Kind kind_;
  QString message_;
};

// The error a finished reply stands for (an HTTP status, X-Error-Code or a network failure), for
// `repoId` and, when the request was for one file, `file`. The caller checks for success first.
HubError replyError(QNetworkReply* reply, const HubConfig& hub, const QString& repoId, const QString& file = {});

// The message of HF_HUB_OFFLINE.
HubError offlineError();

}  // namespace bksdm
