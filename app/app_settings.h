#pragma once
#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>

#include "app/engine_options.h"
#include "app/generation_job.h"

namespace bksdm {

// Everything the app remembers between sessions, in the application's QSettings (organisation and
// application name; tests point QSettings at a temporary folder).
class AppSettings {
 public:
  QString lastModel() const;
  void setLastModel(const QString& location);
  QStringList modelFolders() const;
  void setModelFolders(const QStringList& folders);
  // The folders the Resources panel lists: LoRAs and textual-inversion embeddings.
  QString loraFolder() const;
  void setLoraFolder(const QString& folder);
  QString embeddingsFolder() const;
  void setEmbeddingsFolder(const QString& folder);

  GenerationParams params() const;
  void setParams(const GenerationParams& params);
  bool seedLocked() const;
  void setSeedLocked(bool locked);
  bool attentionMaps() const;  // record cross-attention maps with every run
  void setAttentionMaps(bool record);
  bool negativeAttentionMaps() const;  // the negative prompt's maps too
  void setNegativeAttentionMaps(bool record);
  bool tiledDecode() const;  // decode every run's images tile by tile
  void setTiledDecode(bool tiled);

  // The jobs that were running or waiting when the app last closed (params and preview only), as
  // JSON under queue/jobs; saved on every change of the queue.
  QList<GenerationJob> savedQueue() const;
  void setSavedQueue(const QList<GenerationJob>& jobs);

  PreviewOptions preview() const;
  void setPreview(const PreviewOptions& preview);
  EngineOptions engine() const;
  void setEngine(const EngineOptions& engine);
  QString theme() const;  // "system", "light" or "dark"
  void setTheme(const QString& theme);

  QByteArray windowGeometry() const;
  void setWindowGeometry(const QByteArray& geometry);
  QByteArray windowState() const;
  void setWindowState(const QByteArray& state);
  QByteArray splitterState(const QString& name) const;
  void setSplitterState(const QString& name, const QByteArray& state);

  void sync() { settings_.sync(); }

 private:
  QSettings settings_;
};

QString previewModeName(PreviewMode mode);
PreviewMode previewModeFromName(const QString& name);

}  // namespace bksdm
