#include "tests/app/hub/fake_hub.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace bksdm::test {
namespace {

// Large enough for any header block a client sends; a request beyond it is dropped.
constexpr qsizetype kMaxRequestBytes = 64 * 1024;

bool isLfs(const QString& path) {
  return path.endsWith(QLatin1String(".safetensors")) || path.endsWith(QLatin1String(".bin"));
}

QByteArray sha256(const QByteArray& data) { return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex(); }

// The git blob id, which the Hub gives as the ETag of files outside LFS.
QByteArray gitBlobId(const QByteArray& data) {
  return QCryptographicHash::hash("blob " + QByteArray::number(data.size()) + '\0' + data, QCryptographicHash::Sha1)
      .toHex();
}

QByteArray reasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 206:
      return "Partial Content";
    case 302:
      return "Found";
    case 307:
      return "Temporary Redirect";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 416:
      return "Range Not Satisfiable";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

QByteArray jsonError(const char* message) {
  return QJsonDocument(QJsonObject{{QStringLiteral("error"), QString::fromLatin1(message)}}).toJson();
}

}  // namespace

FakeHub::FakeHub() {
  listen(hub_, QStringLiteral("hub"));
  listen(cdn_, QStringLiteral("cdn"));
}

void FakeHub::listen(QTcpServer& server, const QString& name) {
  server.listen(QHostAddress::LocalHost);
  connect(&server, &QTcpServer::newConnection, this, [this, &server, name] {
    while (QTcpSocket* socket = server.nextPendingConnection()) {
      connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
      connect(socket, &QTcpSocket::readyRead, this, [this, socket, name] { onReadable(socket, name); });
    }
  });
}

QUrl FakeHub::endpoint() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(hub_.serverPort())); }

FakeHub::Repo& FakeHub::repo(const QString& repoId) {
  Repo& repo = repos_[repoId];
  if (repo.commit.isEmpty())
    repo.commit = QString::fromLatin1(QCryptographicHash::hash(repoId.toUtf8(), QCryptographicHash::Sha1).toHex());
  return repo;
}

void FakeHub::addRepo(const QString& repoId, const QString& folder) {
  Repo& repo = this->repo(repoId);
  QDirIterator files(folder, QDir::Files, QDirIterator::Subdirectories);
  while (files.hasNext()) {
    const QString path = files.next();
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    repo.files.insert(QDir(folder).relativeFilePath(path), file.readAll());
  }
}

void FakeHub::addFile(const QString& repoId, const QString& path, const QByteArray& content) {
  repo(repoId).files.insert(path, content);
}

void FakeHub::setGated(const QString& repoId, const QString& token) { repo(repoId).gatedToken = token; }

void FakeHub::addRename(const QString& oldRepoId, const QString& newRepoId) { renames_.insert(oldRepoId, newRepoId); }

void FakeHub::dropOnce(const QString& repoId, const QString& path, qint64 bytes) {
  faults_.insert(QString::fromLatin1(sha256(content(repoId, path))), {Fault::Kind::Drop, bytes});
}

void FakeHub::stallOnce(const QString& repoId, const QString& path, qint64 bytes) {
  faults_.insert(QString::fromLatin1(sha256(content(repoId, path))), {Fault::Kind::Stall, bytes});
}

void FakeHub::corruptOnce(const QString& repoId, const QString& path) {
  faults_.insert(QString::fromLatin1(sha256(content(repoId, path))), {Fault::Kind::Corrupt, 0});
}

void FakeHub::failNext(int count, int status) {
  failuresLeft_ = count;
  failureStatus_ = status;
}

QString FakeHub::commit(const QString& repoId) const { return repos_.value(repoId).commit; }

QByteArray FakeHub::content(const QString& repoId, const QString& path) const {
  return repos_.value(repoId).files.value(path);
}

QString FakeHub::etag(const QString& repoId, const QString& path) const {
  const QByteArray data = content(repoId, path);
  return QString::fromLatin1(isLfs(path) ? sha256(data) : gitBlobId(data));
}

QList<FakeHub::Request> FakeHub::requestsFor(const QString& server, const QString& pathSuffix) const {
  QList<Request> found;
  for (const Request& request : requests_)
    if (request.server == server && request.path.endsWith(pathSuffix)) found.append(request);
  return found;
}

void FakeHub::onReadable(QTcpSocket* socket, const QString& server) {
  if (socket->bytesAvailable() > kMaxRequestBytes) {
    socket->abort();
    return;
  }
  // Every answer closes the connection, so a socket carries one request.
  if (!socket->peek(kMaxRequestBytes).contains("\r\n\r\n") || socket->property("answered").toBool()) return;
  socket->setProperty("answered", true);
  const QList<QByteArray> lines = socket->readAll().split('\n');
  const QList<QByteArray> requestLine = lines.front().trimmed().split(' ');
  Request request;
  request.server = server;
  request.method = requestLine.value(0);
  const QUrl url(QString::fromLatin1(requestLine.value(1)));
  request.path = url.path(QUrl::FullyDecoded);
  for (qsizetype i = 1; i < lines.size(); ++i) {
    const qsizetype colon = lines[i].indexOf(':');
    if (colon > 0) request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
  }
  requests_.append(request);
  send(socket, request, server == QLatin1String("cdn") ? answerCdn(request) : answerHub(request));
}

std::optional<FakeHub::Response> FakeHub::refuse(const Request& request, const QString& repoId) const {
  const QByteArray authorization = request.headers.value("authorization");
  if (!repos_.contains(repoId)) {
    // The Hub hides private repos: a client without a token cannot tell them from missing ones.
    const int status = authorization.isEmpty() ? 401 : 404;
    return Response{status, {{"X-Error-Code", "RepoNotFound"}}, jsonError("Repository not found"), {}};
  }
  const QString gatedToken = repos_.value(repoId).gatedToken;
  if (gatedToken.isEmpty() || authorization == "Bearer " + gatedToken.toUtf8()) return std::nullopt;
  const int status = authorization.isEmpty() ? 401 : 403;
  return Response{status, {{"X-Error-Code", "GatedRepo"}}, jsonError("Access to this model is restricted"), {}};
}

FakeHub::Response FakeHub::answerHub(const Request& request) {
  if (failuresLeft_ > 0) {
    --failuresLeft_;
    return {failureStatus_, {}, jsonError("Try again later"), {}};
  }
  // /api/models/ORG/NAME/revision/REV and /ORG/NAME/resolve/REV/PATH
  const QStringList parts = request.path.split(QLatin1Char('/'));
  if (parts.size() == 7 && parts[1] == QLatin1String("api") && parts[2] == QLatin1String("models") &&
      parts[5] == QLatin1String("revision"))
    return answerApi(request, parts[3] + QLatin1Char('/') + parts[4], parts[6]);
  if (parts.size() >= 6 && parts[3] == QLatin1String("resolve"))
    return answerResolve(request, parts[1] + QLatin1Char('/') + parts[2], parts[4],
                         parts.mid(5).join(QLatin1Char('/')));
  return {404, {}, jsonError("Not found"), {}};
}

FakeHub::Response FakeHub::answerApi(const Request& request, const QString& repoId, const QString& revision) {
  if (auto refusal = refuse(request, repoId)) return *refusal;
  const Repo& repo = repos_[repoId];
  if (revision != QLatin1String("main") && revision != repo.commit)
    return {404, {{"X-Error-Code", "RevisionNotFound"}}, jsonError("Invalid rev id"), {}};
  QJsonArray siblings;
  for (const QString& path : repo.files.keys()) siblings.append(QJsonObject{{QStringLiteral("rfilename"), path}});
  const QJsonObject info{
      {QStringLiteral("id"), repoId}, {QStringLiteral("sha"), repo.commit}, {QStringLiteral("siblings"), siblings}};
  return {200, {{"Content-Type", "application/json"}}, QJsonDocument(info).toJson(QJsonDocument::Compact), {}};
}

FakeHub::Response FakeHub::answerResolve(const Request& request, const QString& repoId, const QString& revision,
                                         const QString& path) {
  if (renames_.contains(repoId)) {
    const QByteArray location = QUrl::toPercentEncoding(
        QLatin1Char('/') + renames_.value(repoId) + QLatin1String("/resolve/") + revision + QLatin1Char('/') + path,
        "/");
    return {307, {{"Location", location}}, {}, {}};
  }
  if (auto refusal = refuse(request, repoId)) return *refusal;
  const Repo& repo = repos_[repoId];
  if (revision != QLatin1String("main") && revision != repo.commit)
    return {404, {{"X-Error-Code", "RevisionNotFound"}}, jsonError("Invalid rev id"), {}};
  if (!repo.files.contains(path)) return {404, {{"X-Error-Code", "EntryNotFound"}}, jsonError("Entry not found"), {}};
  const QByteArray data = repo.files.value(path);
  const QByteArray tag = etag(repoId, path).toLatin1();
  Response response;
  response.headers = {{"X-Repo-Commit", repo.commit.toLatin1()}, {"ETag", '"' + tag + '"'}};
  if (!isLfs(path)) {
    response.body = data;
    return response;
  }
  // As the Hub: LFS content lives on a CDN under its sha256, behind a signed URL.
  response.status = 302;
  const QByteArray location = "http://127.0.0.1:" + QByteArray::number(cdn_.serverPort()) + "/repos/" + tag.left(2) +
                              '/' + tag.mid(2, 2) + '/' + tag + "?X-Amz-Signature=fake";
  response.headers +=
      {{"Location", location}, {"X-Linked-Etag", '"' + tag + '"'}, {"X-Linked-Size", QByteArray::number(data.size())}};
  return response;
}

FakeHub::Response FakeHub::answerCdn(const Request& request) {
  const QString sha = request.path.section(QLatin1Char('/'), -1);
  QByteArray data;
  bool found = false;
  for (const Repo& repo : repos_) {
    for (const QByteArray& file : repo.files) {
      if (sha256(file) == sha.toLatin1()) {
        data = file;
        found = true;
      }
    }
  }
  if (!found) return {404, {}, "NoSuchKey", {}};
  if (request.headers.contains("authorization")) return {400, {}, "Only one auth mechanism allowed", {}};
  Response response;
  if (faults_.contains(sha)) response.fault = faults_.take(sha);
  if (response.fault && response.fault->kind == Fault::Kind::Corrupt)
    data[data.size() / 2] = char(~data[data.size() / 2]);
  const QByteArray range = request.headers.value("range");
  if (range.startsWith("bytes=") && range.endsWith('-')) {
    const qint64 from = range.mid(6, range.size() - 7).toLongLong();
    if (from >= data.size()) return {416, {{"Content-Range", "bytes */" + QByteArray::number(data.size())}}, {}, {}};
    response.status = 206;
    response.headers.append({"Content-Range", "bytes " + QByteArray::number(from) + '-' +
                                                  QByteArray::number(data.size() - 1) + '/' +
                                                  QByteArray::number(data.size())});
    data = data.mid(from);
  }
  response.body = data;
  return response;
}

void FakeHub::send(QTcpSocket* socket, const Request& request, Response response) {
  QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
  for (const auto& [name, value] : response.headers) head += name + ": " + value + "\r\n";
  head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n";
  socket->write(head);
  if (request.method == "HEAD") {
    socket->disconnectFromHost();
    return;
  }
  if (!response.fault || response.fault->kind == Fault::Kind::Corrupt) {
    socket->write(response.body);
    socket->disconnectFromHost();
    return;
  }
  socket->write(response.body.left(response.fault->bytes));
  // A stalled connection stays open, silent, until the client gives up on it.
  if (response.fault->kind == Fault::Kind::Drop) socket->disconnectFromHost();
}

}  // namespace bksdm::test
