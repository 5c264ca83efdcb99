#pragma once
#include <QString>
#include <QUrl>

namespace bksdm {

// Where and how to reach the Hugging Face Hub, decided from the environment as huggingface_hub
// decides it, so the app and Python tools share one cache and one login.
struct HubConfig {
  QUrl endpoint;         // $HF_ENDPOINT, else https://huggingface.co
  QString cacheDir;      // hubCacheDir(): $HF_HUB_CACHE, else $HF_HOME/hub, ...
  QString token;         // $HF_TOKEN, else the token file; empty: anonymous
  QString tokenSource;   // where the token came from, for messages ("HF_TOKEN", a file path)
  bool offline = false;  // $HF_HUB_OFFLINE: no network at all

  static HubConfig fromEnvironment();
};

// The Hugging Face cache, as core's hf_hub_cache() finds it.
QString hubCacheDir();
// huggingface_hub's HF_HOME: $HF_HOME, else $XDG_CACHE_HOME/huggingface, else ~/.cache/huggingface.
QString hfHome();
// Where `huggingface-cli login` stores the token: $HF_TOKEN_PATH, else $HF_HOME/token.
QString hfTokenPath();

}  // namespace bksdm
