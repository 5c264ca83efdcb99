#pragma once
#include <QList>
#include <QWidget>

#include "app/model_catalog.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QToolButton;

namespace bksdm {

// Chooses the model: those found in the Hugging Face cache and in folders the user added, each by
// name with its family and U-Net layout; "Add folder…"; a busy state while a model loads.
class ModelPicker : public QWidget {
  Q_OBJECT

 public:
  explicit ModelPicker(QWidget* parent = nullptr);

  void setModels(const QList<ModelEntry>& models);
  const QList<ModelEntry>& models() const { return models_; }
  // Shows `location` as chosen without announcing it; adds it when unknown.
  void setCurrentLocation(const QString& location);
  QString currentLocation() const;
  void setBusy(bool busy, const QString& message = {});
  // The line under the list: the model's description, or what went wrong.
  void setInfo(const QString& text);

  QComboBox* comboBox() const { return combo_; }

 Q_SIGNALS:
  void modelChosen(const QString& location);
  void addFolderRequested();
  void addFileRequested();  // a single-file checkpoint (.safetensors), from the add button's menu

 private:
  void describeCurrent();

  QComboBox* combo_;
  QToolButton* addButton_;
  QProgressBar* busy_;
  QLabel* info_;
  QList<ModelEntry> models_;
};

}  // namespace bksdm
