#pragma once
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <qcoro/qcorotask.h>

#include "app/lora_tags.h"
#include "app/resource_library.h"

class QCheckBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QTreeView;

namespace bksdm {

// The LoRAs and textual-inversion embeddings of the folders the user chose: each file's name (what
// the prompt writes), preview and family. Activating one asks to insert its tag or word into the
// prompt; the LoRAs the prompt names get a multiplier box each, which rewrites the tag's number;
// what the last run's LoRAs matched is shown under them.
class ResourcesPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ResourcesPanel(QWidget* parent = nullptr);

  const QString& loraFolder() const { return loraFolder_; }
  const QString& embeddingsFolder() const { return embeddingsFolder_; }
  // Each announces the change, reads the folder again (off the UI thread) and announces scanned()
  // when its list is in.
  void setLoraFolder(const QString& folder);
  void setEmbeddingsFolder(const QString& folder);

  // Whether a teacher's LoRAs merge into a BK-SDM model by its copy table.
  bool teacherBlocks() const;
  void setTeacherBlocks(bool byCopyTable);

  // The prompt's LoRA tags: one multiplier box per LoRA it names.
  void setPromptLoras(const QList<LoraTag>& tags);
  // What the last run noticed (GenerationOutcome::notes); empty clears it.
  void showNotes(const QStringList& notes);

  ResourceListModel* loraModel() const { return loraModel_; }
  ResourceListModel* embeddingModel() const { return embeddingModel_; }
  QTreeView* loraView() const { return loraView_; }
  QTreeView* embeddingView() const { return embeddingView_; }
  QDoubleSpinBox* multiplierBox(const QString& loraName) const { return multipliers_.value(loraName); }
  QLabel* notesLabel() const { return notes_; }

 Q_SIGNALS:
  void insertRequested(const QString& text);
  void multiplierChanged(const QString& loraName, double multiplier);
  void loraFolderChanged(const QString& folder);
  void embeddingsFolderChanged(const QString& folder);
  void scanned(bksdm::ResourceKind kind);

 private:
  QWidget* buildPage(QTreeView* view, QLabel* folderLabel, QPushButton* choose, QWidget* below = nullptr);
  QTreeView* buildView(ResourceListModel* model, ResourceKind kind);
  QCoro::Task<> rescan(ResourceKind kind);
  void chooseFolder(ResourceKind kind);
  void insert(const QModelIndex& index, ResourceKind kind);
  void showFolder(QLabel* label, const QString& folder);

  QString loraFolder_;
  QString embeddingsFolder_;
  ResourceListModel* loraModel_;
  ResourceListModel* embeddingModel_;
  QTreeView* loraView_;
  QTreeView* embeddingView_;
  QLabel* loraFolderLabel_;
  QLabel* embeddingsFolderLabel_;
  QPushButton* chooseLoraFolder_;
  QPushButton* chooseEmbeddingsFolder_;
  QWidget* multipliersBox_;
  QFormLayout* multipliersLayout_;
  QMap<QString, QDoubleSpinBox*> multipliers_;
  QCheckBox* teacherBlocks_;
  QLabel* notes_;
  QMap<ResourceKind, quint64> scans_;  // drops a scan's answer when a later one was asked for
};

}  // namespace bksdm
