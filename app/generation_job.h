#pragma once
#include <atomic>
#include <memory>

#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include "app/attention/image_attention.h"
#include "app/generation_params.h"

namespace bksdm {

// Fast: linear latent-to-RGB; Full: the model's VAE; Taesd: TAESD's tiny decoder (madebyollin/taesd).
enum class PreviewMode { Off, Fast, Full, Taesd };

struct PreviewOptions {
  PreviewMode mode = PreviewMode::Fast;
  int interval = 1;  // a preview every `interval` steps
  QString taesdFolder;  // TAESD's folder; empty: madebyollin/taesd in the Hugging Face cache
};

struct GenerationJob {
  quint64 id = 0;
  GenerationParams params;
  PreviewOptions preview;
  // Restored from the last session: it waits, paused, until the user resumes the queue.
  bool held = false;
  // Raised from the UI thread, polled by the pipeline between steps; one flag per job, so a late
  // cancel never reaches the next job.
  std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
};

// The stage a run has entered, as the worker announces it.
enum class JobStage { EncodingPrompt, Denoising, Decoding };

struct StepProgress {
  quint64 jobId = 0;
  int step = 0;  // 0-based
  int total = 0;
  double timestep = 0;
  double seconds = 0;         // the step's wall time
  double previewSeconds = 0;  // what the preview after it cost
};

struct GenerationOutcome {
  enum class Status { Finished, Cancelled, Failed };
  quint64 jobId = 0;
  Status status = Status::Failed;
  GenerationParams params;  // as run: sizes and scheduler resolved, the model's identity filled in
  QList<QImage> images;
  QString error;
  bool promptTruncated = false;
  double seconds = 0;
  double decodeSeconds = 0;  // the VAE decode's share of `seconds`
  QList<ImageAttention> attention;  // one per image when params.attentionMaps
  QList<ImageAttention> negativeAttention;  // alike, when params.negativeAttentionMaps too
  QStringList notes;  // what the run noticed for the person: what each LoRA matched and skipped
};

}  // namespace bksdm
