#pragma once
#include <QString>
#include <QWidget>

#include "app/generation_params.h"

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;

namespace bksdm {

// The image a run starts from, beside the prompts: its thumbnail, the denoising strength, and the
// inpainting mask (painted in the image area, see MaskEditor). Files are the input store's copies
// (app/input_images.h); empty when the run starts from noise.
class InitImagePanel : public QWidget {
  Q_OBJECT

 public:
  explicit InitImagePanel(QWidget* parent = nullptr);

  // The panel's part of a run: init image, mask and strength.
  void applyTo(GenerationParams& params) const;
  void setFrom(const GenerationParams& params);

  // A new init image drops the old one's mask.
  void setInitImage(const QString& path);
  void setMask(const QString& path);
  void setStrength(double strength);
  const QString& initImage() const { return initImage_; }
  const QString& mask() const { return mask_; }
  double strength() const;

  QPushButton* openButton() const { return open_; }
  QPushButton* paintMaskButton() const { return paintMask_; }
  QPushButton* clearMaskButton() const { return clearMask_; }
  QPushButton* clearButton() const { return clear_; }
  QDoubleSpinBox* strengthBox() const { return strengthBox_; }

 Q_SIGNALS:
  void changed();
  void openRequested();
  // The user wants to paint the mask (true) or is done painting (false).
  void paintMaskToggled(bool painting);

 private:
  void showState();

  QString initImage_;
  QString mask_;
  QLabel* thumbnail_;
  QLabel* caption_;
  QPushButton* open_;
  QPushButton* paintMask_;
  QPushButton* clearMask_;
  QPushButton* clear_;
  QSlider* strengthSlider_;
  QDoubleSpinBox* strengthBox_;
  QWidget* details_;  // what only a run from an image needs
};

}  // namespace bksdm
