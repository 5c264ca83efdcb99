#pragma once
#include <QDialog>

#include "app/engine_options.h"
#include "app/generation_job.h"

class QComboBox;
class QSpinBox;

namespace bksdm {

// Live previews, the engine's device and threads, and the theme.
class PreferencesDialog : public QDialog {
  Q_OBJECT

 public:
  PreferencesDialog(const PreviewOptions& preview, const EngineOptions& engine, const QString& theme,
                    const QStringList& devices, QWidget* parent = nullptr);

  PreviewOptions preview() const;
  EngineOptions engine() const;
  QString theme() const;

 private:
  QComboBox* previewMode_;
  QSpinBox* previewInterval_;
  QComboBox* device_;
  QSpinBox* threads_;
  QComboBox* theme_;
};

}  // namespace bksdm
