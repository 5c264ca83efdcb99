#pragma once
#include <utility>

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace bksdm {

struct GenerationRequest;

// The core's defaults and limits (core/generation/generation_request.h), for the form, the command
// line and stored settings that do not say.
int defaultSteps();
double defaultGuidanceScale();
int maxSteps();
int maxImages();
int promptChunkTokens();  // a prompt is read in chunks of this many tokens
int maxPromptChunks();    // and at most this many chunks
double defaultStrength();  // an init image's denoising strength

// One run as the app holds it: the Qt mirror of the core's GenerationRequest, field for field but
// the attention options, which it folds into one. Zero sizes and an empty scheduler mean the
// model's; the worker reports the run back with them resolved and the model's identity filled in.
struct GenerationParams {
  QString modelId;                     // what the model was opened from: a Hub repo id or a folder
  QString modelName;                   // its display name, e.g. "BK-SDM-v2-Tiny"
  QMap<QString, QString> modelHashes;  // weight file (relative to the model folder) -> sha256, hex
  QString prompt;
  QString negativePrompt;
  QString scheduler;
  int steps = defaultSteps();
  double guidanceScale = defaultGuidanceScale();
  int width = 0;
  int height = 0;
  quint64 seed = 0;  // image `i` of a per-image batch is seed + i's; a shared batch is drawn from seed
  int numImages = 1;
  QString batchNoise = QStringLiteral("per-image");  // or "shared": one generator for the batch
  quint64 subseed = 0;          // A1111's variation seed, used when subseedStrength > 0
  double subseedStrength = 0.0;
  double eta = 0.0;            // DDIM only
  // An image to start from and what of it to repaint, as files (the input store's copies, see
  // app/input_images.h): empty for text to image, or for no mask.
  QString initImage;
  QString mask;
  double strength = defaultStrength();  // with an init image
  QString promptSyntax = QStringLiteral("a1111");  // "a1111" (weights, chunks, editing) or "plain" (diffusers')
  int clipSkip = 1;            // A1111's numbering: 1 the text encoder's last layer
  bool attentionMaps = false;  // cross-attention maps, final and per step, in the outcome
  bool negativeAttentionMaps = false;  // with attentionMaps: the negative prompt's too
  bool layerAttentionMaps = false;     // with attentionMaps: each layer's too (ImageAttention::layers)
  bool tiledDecode = false;    // the VAE decodes tile by tile (GenerationRequest::tiled_decode)
  QString precision;           // "fp16" or "bf16" where the run did not compute in fp32 (GenerationRequest::precision)
  // Where the prompt's <lora:NAME:MULT> tags find NAME.safetensors, and the textual-inversion
  // embeddings' folder (each file's stem a word); empty: none.
  QString loraFolder;
  QString embeddingsFolder;
  // A teacher's LoRAs on a BK-SDM model merge by its copy table (GenerationRequest::lora_teacher_blocks).
  bool loraTeacherBlocks = false;
  // The files' hashes as run, for A1111's `Lora hashes` (a LoRA's name -> sha256 of its tensor
  // data) and `TI hashes` (a word the prompts use -> sha256 of its file); the worker fills them.
  QMap<QString, QString> loraHashes;
  QMap<QString, QString> embeddingHashes;
  // A VAE folder in place of the model's (GenerationRequest::vae); empty id: the model's own.
  QString vaeId;
  QString vaeName;
  QMap<QString, QString> vaeHashes;  // its weight file -> sha256, hex

  bool operator==(const GenerationParams&) const = default;
};

// The one pair of conversions between the app's description and the core's. toRequest reads the
// image inputs' files and finds the prompt's LoRAs in the LoRA folder (a bksdm::Error names an
// input that cannot be read or a LoRA that is not there); fromRequest leaves the files out, as the
// core holds their pixels and paths, not the folders.
GenerationRequest toRequest(const GenerationParams& params);
// Every field but what files hold: no image inputs' pixels, no LoRA files found.
GenerationRequest describedRequest(const GenerationParams& params);
GenerationParams fromRequest(const GenerationRequest& request);

// Image `batchIndex` of a run varied with A1111's variation seed: its settings with `subseed` at
// `strength`. A per-image batch's image becomes a run of its own seed; a shared batch stays whole,
// as its images cannot be made apart.
GenerationParams variationOf(const GenerationParams& params, int batchIndex, quint64 subseed, double strength);

// The denoising steps a run makes: all of them, or from an init image int(steps x strength).
int stepsThatRun(const GenerationParams& params);

// The run as JSON, as the gallery stores it beside an image and the queue keeps it across sessions.
// Missing or mistyped keys keep their defaults: the JSON may come from any file.
QJsonObject paramsToJson(const GenerationParams& params);
GenerationParams paramsFromJson(const QJsonObject& json);

// Image `batchIndex` of the run as AUTOMATIC1111's "parameters" text, which other SD tools read
// from PNG files (core's a1111_parameters). Sizes and scheduler must be resolved.
QString a1111Text(const GenerationParams& params, int batchIndex);

// What an A1111 "parameters" text says (core's read_a1111_parameters): the run, with the defaults
// where it is silent, which image of the batch it is, and its settings that no field holds, in order.
struct ParametersReading {
  GenerationParams params;
  int batchIndex = 0;
  QList<std::pair<QString, QString>> otherSettings;
};
ParametersReading readA1111Text(const QString& text);

// The run with its prompts' LoRA tags renamed after the files of a LoRA folder (`folderHashes`: their
// names -> sha256 of their tensor data) where no file has the tag's name but one's hash starts with
// the hash the run gives that name (A1111's `Lora hashes` give 12 hex digits): LoRAs renamed since.
// `missing` gets the names found neither way.
GenerationParams withLorasFoundByHash(GenerationParams params, const QMap<QString, QString>& folderHashes,
                                      QStringList* missing = nullptr);
// A description read from another program's text names its checkpoint by A1111's short hash
// alone: the file among `checkpointHashes` (location -> sha256) it names, or empty (also when the
// description names its model by location, as the app's own do).
QString checkpointWithHash(const GenerationParams& params, const QMap<QString, QString>& checkpointHashes);
// The run with its prompts' embedding words renamed after the files of an embeddings folder
// (`folderHashes`: their words -> sha256 of the file) where no file has the word a run used but one's
// hash starts with the hash the run gives it (A1111's `TI hashes`: 12 hex digits). `missing` gets
// the words found neither way.
GenerationParams withEmbeddingsFoundByHash(GenerationParams params, const QMap<QString, QString>& folderHashes,
                                           QStringList* missing = nullptr);
// The VAE folder among `vaeHashes` (folder -> sha256 of its weights) whose hash starts with the one
// the description gives its VAE (A1111's `VAE hash`: 10 digits; the app's own: the whole), or empty.
QString vaeWithHash(const GenerationParams& params, const QMap<QString, QString>& vaeHashes);

}  // namespace bksdm
