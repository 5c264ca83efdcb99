#include "app/hub/model_files.h"

#include <QCoreApplication>
#include <optional>
#include <utility>

#include "app/hub/hub_error.h"

namespace bksdm {
namespace {

class ModelFileMessages {
  Q_DECLARE_TR_FUNCTIONS(bksdm::ModelFileMessages)

 public:
  static HubError noModelIndex(const QString& repoId) {
    return {HubError::Kind::NotFound, tr("%1 is not a diffusers model: it has no model_index.json.").arg(repoId)};
  }
  static HubError noSafetensors(const QString& repoId, const QString& component) {
    return {HubError::Kind::NotFound,
            tr("%1 has no .safetensors weights for %2 (only pickle files, which are refused because loading "
               "one can run arbitrary code).")
                .arg(repoId, component)};
  }
};

const QString kModelIndex = QStringLiteral("model_index.json");
const QString kConfig = QStringLiteral("config.json");

// "unet/config.json" -> {"unet", "config.json"}. Files deeper or at the top, and names that would
// leave the snapshot folder ("..") give an empty folder.
std::pair<QString, QString> splitFolder(const QString& file) {
  const QStringList parts = file.split(QLatin1Char('/'));
  if (parts.size() != 2) return {};
  for (const QString& part : parts)
    if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..")) return {};
  return {parts[0], parts[1]};
}

bool isConfigFile(const QString& folder, const QString& name) {
  if (folder.isEmpty()) return false;
  if (name == QLatin1String("config.json")) return true;
  if (folder == QLatin1String("scheduler")) return name == QLatin1String("scheduler_config.json");
  if (folder == QLatin1String("tokenizer"))
    return name.endsWith(QLatin1String(".json")) || name == QLatin1String("merges.txt");
  return false;
}

// "diffusion_pytorch_model.fp16.safetensors" is of variant "fp16"; "model.safetensors" of none.
std::optional<QString> safetensorsVariant(const QString& name) {
  static const QString suffix = QStringLiteral(".safetensors");
  if (!name.endsWith(suffix)) return std::nullopt;
  const QString stem = name.chopped(suffix.size());
  const qsizetype dot = stem.lastIndexOf(QLatin1Char('.'));
  return dot < 0 ? QString() : stem.mid(dot + 1);
}

// The folder a file is in ("" at the repo's top) and its name.
std::pair<QString, QString> folderAndName(const QString& file) {
  return file.contains(QLatin1Char('/')) ? splitFolder(file) : std::pair<QString, QString>{QString(), file};
}

// `component`'s weights: in its folder, or for "" at the repo's top.
QString pickWeights(const QStringList& repoFiles, const QString& component, const QString& variant) {
  QString plain;
  for (const QString& file : repoFiles) {
    const auto [folder, name] = folderAndName(file);
    if (folder != component || (component.isEmpty() && !name.startsWith(QLatin1String("diffusion_pytorch_model.")))) continue;
    const std::optional<QString> fileVariant = safetensorsVariant(name);
    if (!fileVariant) continue;
    if (!variant.isEmpty() && *fileVariant == variant) return file;
    if (fileVariant->isEmpty() && plain.isEmpty()) plain = file;
  }
  return plain;
}

// The weight components the app loads.
const QStringList& weightComponents() {
  static const QStringList components = {QStringLiteral("text_encoder"), QStringLiteral("unet"), QStringLiteral("vae")};
  return components;
}

}  // namespace

QStringList selectModelFiles(const QStringList& repoFiles, const QString& variant, const QString& repoId) {
  if (!repoFiles.contains(kModelIndex) && repoFiles.contains(kConfig)) {
    const QString weights = pickWeights(repoFiles, {}, variant);
    if (weights.isEmpty()) throw ModelFileMessages::noSafetensors(repoId, QStringLiteral("diffusion_pytorch_model"));
    return {weights, kConfig};
  }
  if (!repoFiles.contains(kModelIndex)) throw ModelFileMessages::noModelIndex(repoId);
  QStringList picked;
  for (const QString& file : repoFiles) {
    const auto [folder, name] = splitFolder(file);
    if (isConfigFile(folder, name)) picked.append(file);
  }
  for (const QString& component : weightComponents()) {
    const QString weights = pickWeights(repoFiles, component, variant);
    if (weights.isEmpty()) throw ModelFileMessages::noSafetensors(repoId, component);
    picked.append(weights);
  }
  picked.sort();
  picked.append(kModelIndex);
  return picked;
}

}  // namespace bksdm
