#pragma once
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>
#include <optional>

class QTcpSocket;

namespace bksdm::test {

// A stand-in for the Hugging Face Hub on 127.0.0.1, answering as the Hub does: the API's JSON
// (sha, siblings), resolve/ URLs with ETag and X-Repo-Commit (LFS files — .safetensors and .bin —
// as a 302 to a CDN-like server on another port, with X-Linked-Etag and X-Linked-Size), byte
// ranges on the CDN, X-Error-Code on errors, and gated repos. Faults can be scripted: a dropped
// connection, a stalled one, a damaged file, failing requests. Every request is recorded.
class FakeHub : public QObject {
  Q_OBJECT

 public:
  struct Request {
    QString server;  // "hub" or "cdn"
    QByteArray method;
    QString path;                          // decoded, without the query
    QMap<QByteArray, QByteArray> headers;  // names in lower case
  };

  FakeHub();

  QUrl endpoint() const;

  // Serves `folder`'s files (a diffusers model folder) as the repo `repoId` at a fixed commit.
  void addRepo(const QString& repoId, const QString& folder);
  void addFile(const QString& repoId, const QString& path, const QByteArray& content);
  // Requests without a token get 401 (GatedRepo), with another token 403.
  void setGated(const QString& repoId, const QString& token);
  // resolve/ for `oldRepoId` redirects (relatively, as the Hub does) to `newRepoId`.
  void addRename(const QString& oldRepoId, const QString& newRepoId);

  // The next time the CDN serves `path`, it sends the headers and `bytes` bytes of the body, then
  // closes the connection (dropOnce) or goes silent (stallOnce).
  void dropOnce(const QString& repoId, const QString& path, qint64 bytes);
  void stallOnce(const QString& repoId, const QString& path, qint64 bytes);
  // The next time the CDN serves `path`, one byte of it is wrong.
  void corruptOnce(const QString& repoId, const QString& path);
  // The next `count` requests to the Hub (not the CDN) answer `status`.
  void failNext(int count, int status);

  QString commit(const QString& repoId) const;
  QString etag(const QString& repoId, const QString& path) const;  // what the Hub's headers say
  QByteArray content(const QString& repoId, const QString& path) const;

  const QList<Request>& requests() const { return requests_; }
  // Recorded requests to `server` whose path ends with `pathSuffix`.
  QList<Request> requestsFor(const QString& server, const QString& pathSuffix) const;

 private:
  struct Repo {
    QString commit;
    QMap<QString, QByteArray> files;
    QString gatedToken;
  };
  struct Fault {
    enum class Kind { Drop, Stall, Corrupt } kind;
    qint64 bytes = 0;
  };
  struct Response {
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    std::optional<Fault> fault;
  };

  Repo& repo(const QString& repoId);  // made on first use, with its commit
  void listen(QTcpServer& server, const QString& name);
  void onReadable(QTcpSocket* socket, const QString& server);
  Response answerHub(const Request& request);
  Response answerApi(const Request& request, const QString& repoId, const QString& revision);
  Response answerResolve(const Request& request, const QString& repoId, const QString& revision, const QString& path);
  Response answerCdn(const Request& request);
  std::optional<Response> refuse(const Request& request, const QString& repoId) const;
  void send(QTcpSocket* socket, const Request& request, Response response);

  QTcpServer hub_;
  QTcpServer cdn_;
  QMap<QString, Repo> repos_;
  QMap<QString, QString> renames_;
  QHash<QString, Fault> faults_;  // by CDN object (sha256)
  int failuresLeft_ = 0;
  int failureStatus_ = 503;
  QList<Request> requests_;
};

}  // namespace bksdm::test
