#pragma once
#include <atomic>
#include <memory>

#include <QImage>
#include <QList>
#include <QString>
#include <QtGlobal>

#include "app/attention/image_attention.h"

namespace bksdm {

// What one run asks for, in the UI's terms. Zero sizes and an empty scheduler mean the model's
// defaults; the worker reports the resolved values back in GenerationOutcome::params.
struct GenerationParams {
  QString prompt;
  QString negativePrompt;
  QString scheduler;
  int steps = 25;
  double guidanceScale = 7.5;
  int width = 0;
  int height = 0;
  quint64 seed = 0;
  int numImages = 1;
  bool attentionMaps = false;  // cross-attention maps, final and per step, in the outcome
  bool tiledDecode = false;    // the VAE decodes tile by tile (GenerationRequest::tiled_decode)
};

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
  GenerationParams params;  // as run: sizes and scheduler resolved
  QString modelName;
  QList<QImage> images;
  QString error;
  bool promptTruncated = false;
  double seconds = 0;
  double decodeSeconds = 0;  // the VAE decode's share of `seconds`
  QList<ImageAttention> attention;  // one per image when params.attentionMaps
};

}  // namespace bksdm
