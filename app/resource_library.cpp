#include "app/resource_library.h"

#include <functional>

#include <QDir>
#include <QFileInfo>
#include <qcoro/qcorofuture.h>

#include "app/file_hashes.h"
#include "app/lora_tags.h"
#include "app/pool_task.h"
#include "core/io/safetensors.h"
#include "core/models/autoencoder_kl.h"

namespace bksdm {
namespace {

constexpr int kPreviewSize = 48;

bool contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

// A LoRA's down (kohya, diffusers' old format) or A (PEFT) matrix: [rank, input width].
bool isDownMatrix(const std::string& name) {
  return contains(name, "lora_down.weight") || contains(name, "lora_A.weight") || contains(name, "lora.down.weight");
}

// Layers whose input is the text encoder's width: its own attention and first MLP layer, and the
// U-Net's cross-attention keys (attn2's to_k reads the text encoder's output).
bool readsTextWidth(const std::string& name) {
  const bool textEncoder = contains(name, "lora_te_") || contains(name, "text_encoder") || contains(name, "text_model");
  if (textEncoder) return contains(name, "q_proj") || contains(name, "k_proj") || contains(name, "v_proj") || contains(name, "fc1");
  return contains(name, "attn2") && contains(name, "to_k");
}

int loraWidth(const SafetensorsFile& file) {
  for (const TensorInfo& tensor : file.tensors())
    if (isDownMatrix(tensor.name) && readsTextWidth(tensor.name) && tensor.shape.size() == 2) return int(tensor.shape[1]);
  return 0;
}

// A1111's `emb_params` or diffusers' one tensor: [vectors, width] or one vector [width].
int embeddingWidth(const SafetensorsFile& file) {
  const TensorInfo* tensor = file.find("emb_params");
  if (!tensor && file.tensors().size() == 1) tensor = &file.tensors().front();
  if (!tensor || tensor->shape.empty()) return 0;
  return int(tensor->shape.back());
}

QImage previewBeside(const QFileInfo& file) {
  const QDir dir = file.absoluteDir();
  for (const QString& suffix : {QStringLiteral(".png"), QStringLiteral(".preview.png")}) {
    const QImage image(dir.filePath(file.completeBaseName() + suffix));
    if (!image.isNull()) return image.scaled(kPreviewSize, kPreviewSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  }
  return {};
}

ResourceFile describe(const QFileInfo& info, ResourceKind kind) {
  ResourceFile file{info.completeBaseName(), info.absoluteFilePath(), previewBeside(info), {}, 0, {}};
  try {
    file.width = textEncoderWidth(file.path, kind);
  } catch (const std::exception& error) {
    file.problem = QString::fromUtf8(error.what());
  }
  file.family = familyOfWidth(file.width);
  return file;
}

}  // namespace

QString familyOfWidth(int width) {
  if (width == 768) return QStringLiteral("SD 1.x");
  if (width == 1024) return QStringLiteral("SD 2.x");
  return QStringLiteral("unknown");
}

int textEncoderWidth(const QString& path, ResourceKind kind) {
  const auto file = SafetensorsFile::open(path.toStdString());
  return kind == ResourceKind::Lora ? loraWidth(*file) : embeddingWidth(*file);
}

QList<ResourceFile> scanResources(const QString& folder, ResourceKind kind) {
  QList<ResourceFile> files;
  if (folder.isEmpty()) return files;
  for (const QFileInfo& info : QDir(folder).entryInfoList({QStringLiteral("*.safetensors")}, QDir::Files, QDir::Name | QDir::IgnoreCase))
    files << describe(info, kind);
  return files;
}

QCoro::Task<QList<ResourceFile>> scanResourcesInPool(QString folder, ResourceKind kind) {
  // Named, not a temporary inside co_await: GCC 12 destroys such lambda temporaries twice.
  QFuture<QList<ResourceFile>> scanned = runInPool([folder = std::move(folder), kind] { return scanResources(folder, kind); });
  co_return co_await scanned;
}

namespace {

// What `hash` finds, worked out off the UI thread with a hash cache of its own (FileHashes is for
// one thread; the cache file is shared).
QCoro::Task<QMap<QString, QString>> hashedInPool(std::function<QMap<QString, QString>(FileHashes&)> hash) {
  // Named, not a temporary inside co_await: GCC 12 destroys such lambda temporaries twice.
  QFuture<QMap<QString, QString>> hashed = runInPool([hash = std::move(hash)] {
    FileHashes cache;
    return hash(cache);
  });
  co_return co_await hashed;
}

}  // namespace

QCoro::Task<QMap<QString, QString>> resourceHashesInPool(QString folder, ResourceKind kind) {
  return hashedInPool([folder = std::move(folder), kind](FileHashes& cache) {
    QMap<QString, QString> hashes;
    if (folder.isEmpty()) return hashes;
    for (const QFileInfo& info : QDir(folder).entryInfoList({QStringLiteral("*.safetensors")}, QDir::Files)) {
      const QString path = info.absoluteFilePath();
      hashes.insert(info.completeBaseName(), kind == ResourceKind::Lora ? cache.safetensorsDataSha256(path) : cache.sha256(path));
    }
    return hashes;
  });
}

QCoro::Task<QMap<QString, QString>> checkpointHashesInPool(QStringList locations) {
  return hashedInPool([locations = std::move(locations)](FileHashes& cache) {
    QMap<QString, QString> hashes;
    for (const QString& location : locations)
      if (location.endsWith(QLatin1String(".safetensors")) && QFileInfo(location).isFile())
        hashes.insert(location, cache.sha256(location));
    return hashes;
  });
}

QCoro::Task<QMap<QString, QString>> vaeHashesInPool(QStringList folders) {
  return hashedInPool([folders = std::move(folders)](FileHashes& cache) {
    QMap<QString, QString> hashes;
    for (const QString& folder : folders) {
      try {
        hashes.insert(folder, cache.sha256(QString::fromStdString(vae_weights(folder.toStdString()).string())));
      } catch (const std::exception&) {  // not a VAE folder (any more): nothing to find there
      }
    }
    return hashes;
  });
}

QCoro::Task<FoundRunFiles> findRunFiles(GenerationParams params, ResourcePlaces places) {
  FoundRunFiles found;
  if (!loraTags(params.prompt).isEmpty() || !loraTags(params.negativePrompt).isEmpty()) {
    const QMap<QString, QString> loras = co_await resourceHashesInPool(places.loraFolder, ResourceKind::Lora);
    params = withLorasFoundByHash(std::move(params), loras, &found.missing);
  }
  if (!params.embeddingHashes.isEmpty()) {
    const QMap<QString, QString> embeddings = co_await resourceHashesInPool(places.embeddingsFolder, ResourceKind::Embedding);
    params = withEmbeddingsFoundByHash(std::move(params), embeddings, &found.missing);
  }
  if (params.modelId.isEmpty() && !params.modelHashes.isEmpty()) {
    const QMap<QString, QString> checkpoints = co_await checkpointHashesInPool(places.models);
    params.modelId = checkpointWithHash(params, checkpoints);
  }
  if (QFileInfo::exists(params.vaeId)) found.vae = params.vaeId;
  if (found.vae.isEmpty() && !params.vaeHashes.isEmpty()) {
    const QMap<QString, QString> vaes = co_await vaeHashesInPool(places.vaeFolders);
    found.vae = vaeWithHash(params, vaes);
    if (found.vae.isEmpty()) found.missing << (params.vaeName.isEmpty() ? QStringLiteral("VAE") : params.vaeName);
  }
  found.params = std::move(params);
  co_return found;
}

int ResourceListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(files_.size()); }

int ResourceListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString ResourceListModel::familyText(const ResourceFile& file) const {
  if (!file.problem.isEmpty()) return tr("unreadable");
  if (file.family != QLatin1String("unknown")) return file.family;
  return file.width > 0 ? tr("other (width %1)").arg(file.width) : tr("unknown");
}

QVariant ResourceListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= files_.size()) return {};
  const ResourceFile& file = files_[index.row()];
  switch (role) {
    case Qt::DisplayRole: return index.column() == NameColumn ? file.name : familyText(file);
    case Qt::DecorationRole:
      if (index.column() == NameColumn && !file.preview.isNull()) return file.preview;
      return {};
    case Qt::ToolTipRole: return file.problem.isEmpty() ? file.path : file.path + QLatin1Char('\n') + file.problem;
    case PathRole: return file.path;
    case FamilyRole: return file.family;
    default: return {};
  }
}

QVariant ResourceListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  return section == NameColumn ? tr("Name") : tr("Family");
}

void ResourceListModel::setFiles(const QList<ResourceFile>& files) {
  beginResetModel();
  files_ = files;
  endResetModel();
}

}  // namespace bksdm
