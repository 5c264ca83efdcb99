#pragma once
#include <QAbstractTableModel>
#include <QImage>
#include <QList>
#include <QMap>
#include <QString>

#include <qcoro/qcorotask.h>

#include "app/generation_params.h"

namespace bksdm {

// The files people bring beside models: LoRAs (merged by a prompt's <lora:NAME:MULT>) and
// textual-inversion embeddings (a word each).
enum class ResourceKind { Lora, Embedding };

struct ResourceFile {
  QString name;     // what the prompt writes: the file's stem (A1111's LoRA name, the embedding's word)
  QString path;
  QImage preview;   // NAME.png or NAME.preview.png beside it (as A1111 finds them), small; null when none
  QString family;   // "SD 1.x", "SD 2.x" or "unknown", from its tensors' widths
  int width = 0;    // the text encoder's width its tensors say (768: SD 1.x, 1024: SD 2.x); 0 when none
  QString problem;  // why its header could not be read; empty when it could
};

// The family of a text encoder `width` wide: the same words as ModelEntry::family.
QString familyOfWidth(int width);

// The width a LoRA's or an embedding's tensors say the text encoder has, from the header alone: a
// LoRA's text-encoder layers or cross-attention to_k (their down/A matrix's input width), an
// embedding's vectors. Throws bksdm::Error for a file that is no safetensors file.
int textEncoderWidth(const QString& path, ResourceKind kind);

// Every .safetensors file of `folder` by name, headers and previews read; none when the folder is
// empty or missing.
QList<ResourceFile> scanResources(const QString& folder, ResourceKind kind);
// The same, off the UI thread.
QCoro::Task<QList<ResourceFile>> scanResourcesInPool(QString folder, ResourceKind kind);

// A folder's files by name -> the sha256 A1111 names them by: a LoRA's of its tensor data, an
// embedding's of the whole file; off the UI thread, through the hash cache; none for an empty path.
QCoro::Task<QMap<QString, QString>> resourceHashesInPool(QString folder, ResourceKind kind);
// Each single-file checkpoint among `locations` (the model catalog's) -> the sha256 of its file,
// off the UI thread, through the hash cache.
QCoro::Task<QMap<QString, QString>> checkpointHashesInPool(QStringList locations);
// Each VAE folder among `folders` -> the sha256 of the weights file a run reads from it (A1111's VAE
// hash); folders without one are left out.
QCoro::Task<QMap<QString, QString>> vaeHashesInPool(QStringList folders);

// Where a run's files may be now.
struct ResourcePlaces {
  QString loraFolder;
  QString embeddingsFolder;
  QStringList models;      // the model catalog's locations
  QStringList vaeFolders;  // the VAEs one can choose
};

struct FoundRunFiles {
  GenerationParams params;  // LoRA tags and embedding words renamed, a checkpoint's location set
  QString vae;              // the VAE folder the run used, where it is now; empty: none named, or lost
  QStringList missing;      // files the run names, found neither by name nor by hash
};

// A run's LoRAs, embeddings, checkpoint and VAE found in `places` by name, or by the hashes the run
// gives them when renamed or moved (what A1111's texts name them by), hashing off the UI thread.
QCoro::Task<FoundRunFiles> findRunFiles(GenerationParams params, ResourcePlaces places);

// The files of one folder for a view: name (with the preview as its icon) and family.
class ResourceListModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { NameColumn, FamilyColumn, ColumnCount };
  enum Role { PathRole = Qt::UserRole + 1, FamilyRole };

  using QAbstractTableModel::QAbstractTableModel;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  void setFiles(const QList<ResourceFile>& files);
  const QList<ResourceFile>& files() const { return files_; }

 private:
  QString familyText(const ResourceFile& file) const;

  QList<ResourceFile> files_;
};

}  // namespace bksdm
