#include "app/hub/hub_config.h"

#include <QDir>
#include <QFile>

#include "core/loading/model_folder.h"

namespace bksdm {
namespace {

QString environment(const char* name) { return qEnvironmentVariable(name).trimmed(); }

// huggingface_hub's constants._is_true.
bool isTrue(const QString& value) {
  const QString upper = value.toUpper();
  return upper == QLatin1String("1") || upper == QLatin1String("ON") || upper == QLatin1String("YES") ||
         upper == QLatin1String("TRUE");
}

QString readTokenFile(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(file.readAll()).trimmed();
}

}  // namespace

QString hfHome() {
  if (const QString home = environment("HF_HOME"); !home.isEmpty()) return home;
  if (const QString xdg = environment("XDG_CACHE_HOME"); !xdg.isEmpty()) return xdg + QLatin1String("/huggingface");
  return QDir::homePath() + QLatin1String("/.cache/huggingface");
}

QString hubCacheDir() { return QString::fromStdString(hf_hub_cache().string()); }

QString hfTokenPath() {
  if (const QString path = environment("HF_TOKEN_PATH"); !path.isEmpty()) return path;
  return hfHome() + QLatin1String("/token");
}

HubConfig HubConfig::fromEnvironment() {
  HubConfig config;
  QString endpoint = environment("HF_ENDPOINT");
  while (endpoint.endsWith(QLatin1Char('/'))) endpoint.chop(1);
  config.endpoint = QUrl(endpoint.isEmpty() ? QStringLiteral("https://huggingface.co") : endpoint);
  config.cacheDir = hubCacheDir();
  config.offline = isTrue(environment("HF_HUB_OFFLINE"));
  // HUGGING_FACE_HUB_TOKEN is the older name huggingface_hub still reads.
  for (const char* name : {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"}) {
    if (const QString token = environment(name); !token.isEmpty()) {
      config.token = token;
      config.tokenSource = QString::fromLatin1(name);
      return config;
    }
  }
  if (const QString token = readTokenFile(hfTokenPath()); !token.isEmpty()) {
    config.token = token;
    config.tokenSource = hfTokenPath();
  }
  return config;
}

}  // namespace bksdm
