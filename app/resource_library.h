#pragma once
#include <QAbstractTableModel>
#include <QImage>
#include <QList>
#include <QMap>
#include <QString>

#include <qcoro/qcorotask.h>

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

// A LoRA folder's files by name -> sha256 of their tensor data (A1111's LoRA hash), off the UI
// thread, through the hash cache; none for an empty folder path.
QCoro::Task<QMap<QString, QString>> loraHashesInPool(QString folder);
// Each single-file checkpoint among `locations` (the model catalog's) -> the sha256 of its file,
// off the UI thread, through the hash cache.
QCoro::Task<QMap<QString, QString>> checkpointHashesInPool(QStringList locations);

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
