#pragma once
#include <QWidget>

#include "app/generation_params.h"

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace bksdm {

class SeedField;

// Scheduler, steps, guidance, size (multiples of 8, with presets), seed, images per run, how the
// prompts are read (A1111's language or plain text) and CLIP skip.
class ParametersPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ParametersPanel(QWidget* parent = nullptr);

  // The panel's fields; prompts are left empty (they have their own editors).
  GenerationParams params() const;
  void setParams(const GenerationParams& params);
  // A new model's defaults: its size and scheduler become the values shown.
  void applyModelDefaults(int size, const QString& scheduler);
  // The loaded model's text encoder: CLIP skip goes up to its layers.
  void setTextEncoderLayers(int layers);

  SeedField* seedField() const { return seed_; }
  QComboBox* schedulerBox() const { return scheduler_; }
  QSpinBox* stepsBox() const { return steps_; }
  QDoubleSpinBox* guidanceBox() const { return guidance_; }
  QSpinBox* widthBox() const { return width_; }
  QSpinBox* heightBox() const { return height_; }
  QComboBox* presetBox() const { return preset_; }
  QSpinBox* imagesBox() const { return images_; }
  QComboBox* promptSyntaxBox() const { return promptSyntax_; }
  QSpinBox* clipSkipBox() const { return clipSkip_; }

 Q_SIGNALS:
  void changed();
  void promptSyntaxChanged(const QString& syntax);

 private:
  void choosePreset(int index);
  void showMatchingPreset();
  void markDefaultScheduler(const QString& scheduler);

  QComboBox* scheduler_;
  QSpinBox* steps_;
  QDoubleSpinBox* guidance_;
  QSpinBox* width_;
  QSpinBox* height_;
  QComboBox* preset_;
  SeedField* seed_;
  QSpinBox* images_;
  QComboBox* promptSyntax_;
  QSpinBox* clipSkip_;
  int modelSize_ = 512;
};

}  // namespace bksdm
