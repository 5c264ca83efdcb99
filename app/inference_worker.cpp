#include "app/inference_worker.h"


#include <map>
#include <mutex>

#include <QDir>
#include <QElapsedTimer>
#include <ATen/Parallel.h>

#include "app/attention/attention_capture.h"
#include "app/file_hashes.h"
#include "app/tensor_image.h"
#include "core/generation/generation_request.h"
#include "core/io/error.h"
#include "core/io/error_text.h"
#include "core/loading/model_folder.h"
#include "core/models/autoencoder_kl.h"
#include "core/models/taesd.h"
#include "core/pipeline/file_hashes.h"
#include "core/pipeline/latent_preview.h"
#include "core/pipeline/pipeline.h"
#include "core/prompt/prompt_chunks.h"

namespace bksdm {
namespace {

double secondsSince(const QElapsedTimer& timer) { return timer.nsecsElapsed() / 1e9; }

// sha256 of the weights the pipeline reads, keyed by their path in the model folder: what makes a
// gallery image's model identifiable beyond its name.
QMap<QString, QString> weightHashes(const ModelFolder& folder, FileHashes& hashes) {
  QMap<QString, QString> found;
  const QDir root(QString::fromStdString(folder.root().string()));
  for (const char* component : {"unet", "text_encoder", "vae"}) {
    const QString path = QString::fromStdString(folder.weights(component).string());
    const QString hash = hashes.sha256(path);
    if (!hash.isEmpty()) found.insert(root.relativeFilePath(path), hash);
  }
  return found;
}

// The files of an embeddings folder, with their sizes and times: what its tokenizer was made from.
QString folderStamp(const QString& folder) {
  QString stamp;
  for (const QFileInfo& file : QDir(folder).entryInfoList({QStringLiteral("*.safetensors")}, QDir::Files, QDir::Name))
    stamp += QStringLiteral("%1|%2|%3\n").arg(file.fileName()).arg(file.size()).arg(file.lastModified().toMSecsSinceEpoch());
  return stamp;
}

// A VAE folder's name in descriptions: a Hugging Face cache snapshot's is its repo's
// (models--OWNER--NAME/snapshots/COMMIT: NAME), any other folder's its own.
QString vaeName(const QString& folder) {
  const QFileInfo info(folder);
  const QDir snapshots = info.dir();
  if (snapshots.dirName() != QLatin1String("snapshots")) return info.fileName();
  return QFileInfo(snapshots.absolutePath()).dir().dirName().section(QStringLiteral("--"), -1);
}

// The sha256 of the weights file a run reads from a VAE folder (not its other variants), by file name.
QMap<QString, QString> vaeWeightHashes(const QString& folder, FileHashes& hashes) {
  if (folder.isEmpty()) return {};
  try {
    const QString weights = QString::fromStdString(vae_weights(folder.toStdString()).string());
    return {{QFileInfo(weights).fileName(), hashes.sha256(weights)}};
  } catch (const std::exception&) {  // gone since the load read it: the run names it without a hash
    return {};
  }
}

JobStage jobStage(RunStage stage) {
  switch (stage) {
    case RunStage::EncodingPrompt: return JobStage::EncodingPrompt;
    case RunStage::Denoising: return JobStage::Denoising;
    case RunStage::Decoding: return JobStage::Decoding;
  }
  return JobStage::Denoising;
}

}  // namespace

// The model's tokenizer with each embeddings folder's words, read again when the folder's files
// change: what token counts and runs tokenize with. The token counter asks from the thread pool.
class EmbeddingTokenizers {
 public:
  explicit EmbeddingTokenizers(std::shared_ptr<const StableDiffusionPipeline> pipeline) : pipeline_(std::move(pipeline)) {}

  // A bksdm::Error saying what reading the folder refused (an embedding that does not fit the
  // model), kept like a tokenizer so that typing does not read the folder again.
  std::shared_ptr<const ClipTokenizer> of(const QString& folder) {
    if (folder.isEmpty()) return std::shared_ptr<const ClipTokenizer>(pipeline_, &pipeline_->tokenizer());
    const QString stamp = folderStamp(folder);
    std::lock_guard lock(mutex_);
    Entry& entry = cache_[folder];
    if (entry.stamp != stamp || (!entry.tokenizer && entry.error.empty())) entry = read(folder, stamp);
    if (!entry.tokenizer) throw Error(entry.error);
    return entry.tokenizer;
  }

  // For counting while the person types: a folder that does not fit counts without its words (the
  // run says why).
  std::shared_ptr<const ClipTokenizer> ofOrPlain(const QString& folder) {
    try {
      return of(folder);
    } catch (const std::exception&) {
      return of({});
    }
  }

 private:
  struct Entry {
    QString stamp;
    std::shared_ptr<const ClipTokenizer> tokenizer;
    std::string error;  // why there is no tokenizer
  };

  Entry read(const QString& folder, const QString& stamp) const {
    try {
      return {stamp, pipeline_->tokenizer_with_embeddings(folder.toStdString()), {}};
    } catch (const std::exception& error) {
      return {stamp, nullptr, user_message(error)};
    }
  }

  std::shared_ptr<const StableDiffusionPipeline> pipeline_;
  std::mutex mutex_;
  std::map<QString, Entry> cache_;
};

InferenceWorker::InferenceWorker(QObject* parent) : QObject(parent) {}

InferenceWorker::~InferenceWorker() = default;

void InferenceWorker::loadModel(const QString& location, const EngineOptions& options) {
  LoadOutcome outcome;
  outcome.location = location;
  tokenizers_.reset();
  pipeline_.reset();  // never two models in memory at once
  model_ = {};
  modelHashes_.clear();
  vaeHashes_.clear();
  QElapsedTimer timer;
  timer.start();
  try {
    LoadOptions load;
    load.device = options.device.toStdString();
    load.threads = options.threads;
    load.low_memory = options.lowMemory;
    load.dtype = options.dtype().toStdString();
    load.vae = options.vae.toStdString();
    const ModelEntry entry = describeModel(location);
    pipeline_ = StableDiffusionPipeline::load(ModelFolder::open(location.toStdString()), load);
    model_.entry = entry;
    model_.defaultSize = pipeline_->default_size();
    model_.defaultScheduler = QString::fromStdString(pipeline_->default_scheduler());
    model_.textEncoderLayers = pipeline_->text_encoder_layers();
    model_.engine = options;
    if (options.threads <= 0) model_.engine.threads = at::get_num_threads();
    if (options.device != QStringLiteral("cpu")) model_.gpu = cudaGpu();
    model_.seconds = secondsSince(timer);
    tokenizers_ = std::make_shared<EmbeddingTokenizers>(pipeline_);
    model_.countTokens = [tokenizers = tokenizers_](const std::string& text, bool plainText, const std::string& embeddings) {
      const auto tokenizer = tokenizers->ofOrPlain(QString::fromStdString(embeddings));
      // An embedding's word stands for its vectors' tokens, as a run reads it (maybe_convert_prompt).
      const std::string expanded = tokenizer->expand_added_tokens(text);
      return plainText ? tokenizer->count_tokens(expanded) : chunk_prompt(*tokenizer, expanded).token_count;
    };
    model_.location = location;
    outcome.ok = true;
    outcome.model = model_;
  } catch (const std::exception& error) {
    tokenizers_.reset();
    pipeline_.reset();
    model_ = {};
    outcome.error = QString::fromStdString(user_message(error));
  }
  Q_EMIT modelLoadDone(outcome);
  // After the answer, so the window is not kept waiting; before the next request, so that every run
  // of this model is stamped with its hashes.
  if (pipeline_) {
    modelHashes_ = weightHashes(pipeline_->model(), fileHashes_);
    vaeHashes_ = vaeWeightHashes(options.vae, fileHashes_);
  }
}

void InferenceWorker::stampModel(GenerationParams& params) const {
  params.modelId = model_.location;
  params.modelName = model_.entry.name;
  params.modelHashes = modelHashes_;
  params.vaeId = model_.engine.vae;
  params.vaeName = model_.engine.vae.isEmpty() ? QString() : vaeName(model_.engine.vae);
  params.vaeHashes = vaeHashes_;
}

// The LoRAs' and the used embeddings' hashes, into the run and its description: core's choice of
// files and kinds of hash, through this worker's cache of them.
void InferenceWorker::hashResources(GenerationRequest& request, GenerationParams& params) {
  const auto text = [](const std::filesystem::path& file) { return QString::fromStdString(file.string()); };
  const FileHasher hasher{[&](const auto& file) { return fileHashes_.sha256(text(file)).toStdString(); },
                          [&](const auto& file) { return fileHashes_.safetensorsDataSha256(text(file)).toStdString(); }};
  GenerationRequest files = request;
  add_file_hashes(files, pipeline_->model(), "", hasher);
  request.loras = files.loras;
  request.embedding_hashes = files.embedding_hashes;
  params.loraHashes.clear();
  for (const LoraSetting& lora : request.loras)
    params.loraHashes.insert(QFileInfo(QString::fromStdString(lora.file)).completeBaseName(), QString::fromStdString(lora.sha256));
  params.embeddingHashes.clear();
  for (const auto& [word, hash] : request.embedding_hashes)
    params.embeddingHashes.insert(QString::fromStdString(word), QString::fromStdString(hash));
}

GenerationParams InferenceWorker::resolved(GenerationParams params) const {
  // A run from an image takes the image's size, known once its file is read.
  if (params.width <= 0 && params.initImage.isEmpty()) params.width = model_.defaultSize;
  if (params.height <= 0 && params.initImage.isEmpty()) params.height = model_.defaultSize;
  if (params.scheduler.isEmpty()) params.scheduler = model_.defaultScheduler;
  return params;
}

void InferenceWorker::generate(const GenerationJob& job) {
  GenerationOutcome outcome;
  outcome.jobId = job.id;
  outcome.params = job.params;
  if (!pipeline_) {
    outcome.error = tr("No model is loaded.");
    Q_EMIT jobDone(outcome);
    return;
  }
  outcome.params = resolved(job.params);
  stampModel(outcome.params);
  if (job.cancel->load()) {
    outcome.status = GenerationOutcome::Status::Cancelled;
    Q_EMIT jobDone(outcome);
    return;
  }
  Q_EMIT jobStarted(job.id);
  QElapsedTimer timer;
  timer.start();
  try {
    GenerationRequest request = toRequest(outcome.params);
    hashResources(request, outcome.params);
    request = pipeline_->resolved(request);
    const std::shared_ptr<const ClipTokenizer> tokenizer = tokenizers_->of(outcome.params.embeddingsFolder);
    outcome.params.width = request.width;
    outcome.params.height = request.height;
    AttentionCapture attention, negativeAttention(AttentionCapture::Of::Negative);
    const GenerationResult result = pipeline_->generate(
        request,
        [&](const StepInfo& info) {
          attention.addStep(info);
          negativeAttention.addStep(info);
          reportStep(job, outcome.params, info);
        },
        job.cancel.get(), [&](RunStage stage) { Q_EMIT stageStarted(job.id, jobStage(stage)); });
    outcome.decodeSeconds = result.times.vae;
    outcome.images = imagesFromTensor(result.images);
    outcome.attention = attention.finish(result, *tokenizer);
    outcome.negativeAttention = negativeAttention.finish(result, *tokenizer);
    outcome.promptTruncated = request.prompt_syntax == PromptSyntax::Plain
                                  ? result.prompt_tokens.truncated_tokens > 0
                                  : chunk_prompt(*tokenizer, tokenizer->expand_added_tokens(request.prompt)).chunks.size() >
                                        size_t(kMaxPromptChunks);
    for (const std::string& note : result.notes) outcome.notes << QString::fromStdString(note);
    outcome.status = GenerationOutcome::Status::Finished;
  } catch (const Cancelled&) {
    outcome.status = GenerationOutcome::Status::Cancelled;
  } catch (const std::exception& error) {
    outcome.status = GenerationOutcome::Status::Failed;
    outcome.error = QString::fromStdString(user_message(error));
  }
  outcome.seconds = secondsSince(timer);
  Q_EMIT jobDone(outcome);
}

void InferenceWorker::reportStep(const GenerationJob& job, const GenerationParams& params, const StepInfo& info) {
  StepProgress progress{job.id, info.step, info.total, info.timestep, info.seconds, 0};
  const PreviewOptions& options = job.preview;
  if (options.mode != PreviewMode::Off && (info.step + 1) % std::max(1, options.interval) == 0) {
    QElapsedTimer timer;
    timer.start();
    const QImage image = preview(job, params, info);
    progress.previewSeconds = secondsSince(timer);
    Q_EMIT previewReady(job.id, info.step, image);
  }
  Q_EMIT stepProgress(progress);
}

QImage InferenceWorker::preview(const GenerationJob& job, const GenerationParams& params, const StepInfo& info) {
  const PreviewMode mode = job.preview.mode;
  if (mode == PreviewMode::Full) return imageFromTensor(pipeline_->decode(info.denoised.slice(0, 0, 1)), 0);
  if (mode == PreviewMode::Taesd) {
    if (std::optional<QImage> image = taesdPreview(job, info)) return *image;
  }
  const auto rgb = latent_preview_rgb(info.denoised, 0);
  const QImage small = imageFromRgb(rgb, static_cast<int>(info.denoised.size(3)), static_cast<int>(info.denoised.size(2)));
  return small.scaled(params.width, params.height, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

std::optional<QImage> InferenceWorker::taesdPreview(const GenerationJob& job, const StepInfo& info) {
  if (taesdFailedJob_ == job.id) return std::nullopt;
  try {
    return imageFromTensor(taesd(job.preview.taesdFolder, info).decode(info.denoised.slice(0, 0, 1)), 0);
  } catch (const std::exception& error) {
    // Tried again by the next job, as the user may have downloaded TAESD or set its folder since.
    taesdFailedJob_ = job.id;
    Q_EMIT previewFallback(job.id, tr("No TAESD preview, showing Fast previews: %1").arg(QString::fromStdString(user_message(error))));
    return std::nullopt;
  }
}

const AutoencoderTiny& InferenceWorker::taesd(const QString& folder, const StepInfo& info) {
  const c10::Device device = info.denoised.device();
  const QString source = folder + QLatin1Char('|') + QString::fromStdString(device.str());
  if (!taesd_ || taesdSource_ != source) {
    taesd_.reset();
    WeightLoadOptions options;
    options.device = device;
    taesd_ = load_taesd(find_taesd(folder.toStdString()), options);
    taesdSource_ = source;
  }
  return *taesd_;
}

}  // namespace bksdm
