#pragma once
#include <memory>
#include <optional>

#include <QImage>
#include <QMap>
#include <QObject>
#include <QString>

#include "app/engine_options.h"
#include "app/file_hashes.h"
#include "app/generation_job.h"
#include "app/loaded_model.h"

namespace bksdm {

class AutoencoderTiny;
class EmbeddingTokenizers;
class StableDiffusionPipeline;
struct GenerationRequest;
struct StepInfo;

// Owns the loaded pipeline and runs on its own thread; everything reaches it through queued
// signals, one request at a time, and leaves it as signals carrying images and numbers, never
// tensors. The only thing shared with other threads is each job's cancel flag.
class InferenceWorker : public QObject {
  Q_OBJECT

 public:
  explicit InferenceWorker(QObject* parent = nullptr);
  ~InferenceWorker() override;

 public Q_SLOTS:
  void loadModel(const QString& location, const bksdm::EngineOptions& options);
  void generate(const bksdm::GenerationJob& job);

 Q_SIGNALS:
  void modelLoadDone(const bksdm::LoadOutcome& outcome);
  void jobStarted(quint64 jobId);
  void stageStarted(quint64 jobId, bksdm::JobStage stage);
  // One per step, after that step's preview (if any).
  void stepProgress(const bksdm::StepProgress& progress);
  // The denoised estimate after `step`, at the output size.
  void previewReady(quint64 jobId, int step, const QImage& image);
  // The job's previews are Fast ones from now on, because its mode's decoder (TAESD) could not be
  // loaded; `message` says why. Once per job.
  void previewFallback(quint64 jobId, const QString& message);
  void jobDone(const bksdm::GenerationOutcome& outcome);

 private:
  GenerationParams resolved(GenerationParams params) const;
  void stampModel(GenerationParams& params) const;
  void hashResources(GenerationRequest& request, GenerationParams& params);
  void reportStep(const GenerationJob& job, const GenerationParams& params, const StepInfo& info);
  QImage preview(const GenerationJob& job, const GenerationParams& params, const StepInfo& info);
  std::optional<QImage> taesdPreview(const GenerationJob& job, const StepInfo& info);
  const AutoencoderTiny& taesd(const QString& folder, const StepInfo& info);

  std::shared_ptr<StableDiffusionPipeline> pipeline_;
  LoadedModel model_;
  QMap<QString, QString> modelHashes_;  // of model_'s weight files
  QMap<QString, QString> vaeHashes_;    // of its VAE folder's weights, when it has one of its own
  FileHashes fileHashes_;
  // The tokenizer with each embeddings folder's words, shared with the token counter's thread.
  std::shared_ptr<EmbeddingTokenizers> tokenizers_;
  // Loaded on the first TAESD preview and kept across models: SD 1.x and 2.x share one TAESD.
  std::shared_ptr<const AutoencoderTiny> taesd_;
  QString taesdSource_;  // the folder setting and device it was loaded for
  std::optional<quint64> taesdFailedJob_;
};

}  // namespace bksdm
