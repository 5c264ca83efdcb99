#pragma once
#include <QDialog>

#include "app/devices.h"
#include "app/engine_options.h"
#include "app/generation_job.h"

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace bksdm {

// Live previews, the engine's device, precision, threads and VAE, the theme, and the language (stored here
// when accepted, as it applies at the next start).
class PreferencesDialog : public QDialog {
  Q_OBJECT

 public:
  PreferencesDialog(const PreviewOptions& preview, const EngineOptions& engine, const QString& theme,
                    const QStringList& devices, const GpuInfo& gpu, QWidget* parent = nullptr);

  PreviewOptions preview() const;
  EngineOptions engine() const;
  QString theme() const;
  QString language() const;  // "" for the system's, else "en", "ko" or "de"
  QComboBox* vaeBox() const { return vae_; }

 private:
  QHBoxLayout* buildVaeRow(const QString& chosen);
  void addVaeFolder(const QString& folder);

  QComboBox* previewMode_;
  QSpinBox* previewInterval_;
  QLineEdit* taesdFolder_;
  QComboBox* device_;
  QComboBox* precision_;
  QSpinBox* threads_;
  QCheckBox* lowMemory_;
  QCheckBox* cpuBf16_;
  QComboBox* vae_;
  QComboBox* theme_;
  QComboBox* language_;
  QLabel* restartNote_;
};

}  // namespace bksdm
