#include "ui/init_image_panel.h"

#include <algorithm>
#include <cmath>

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>

namespace bksdm {
namespace {

constexpr int kThumbnail = 72;
constexpr int kSliderSteps = 100;  // the slider in hundredths; the box takes the same

}  // namespace

InitImagePanel::InitImagePanel(QWidget* parent)
    : QWidget(parent), thumbnail_(new QLabel(this)), caption_(new QLabel(this)),
      open_(new QPushButton(tr("Start from an Image\u2026"), this)), paintMask_(new QPushButton(tr("Paint Mask"), this)),
      clearMask_(new QPushButton(tr("Clear Mask"), this)), clear_(new QPushButton(tr("Clear Image"), this)),
      strengthSlider_(new QSlider(Qt::Horizontal, this)), strengthBox_(new QDoubleSpinBox(this)), details_(new QWidget(this)) {
  open_->setToolTip(tr("Start the next run from an image (img2img): open a file, drop one on the prompt, or use a "
                       "result with Use as Init Image"));
  thumbnail_->setFixedSize(kThumbnail, kThumbnail);
  thumbnail_->setAlignment(Qt::AlignCenter);
  thumbnail_->setFrameShape(QFrame::StyledPanel);
  caption_->setWordWrap(true);
  paintMask_->setCheckable(true);
  paintMask_->setToolTip(tr("Paint over the image what the run repaints (inpainting); the rest is kept"));
  strengthSlider_->setRange(1, kSliderSteps);
  strengthBox_->setRange(0.01, 1.0);
  strengthBox_->setSingleStep(0.05);
  strengthBox_->setDecimals(2);
  const QString strengthTip = tr("Denoising strength: how far the run moves from the image; 1 repaints it all. "
                                 "It runs this share of the steps.");
  strengthSlider_->setToolTip(strengthTip);
  strengthBox_->setToolTip(strengthTip);
  auto* strengthLabel = new QLabel(tr("Strength"), details_);
  strengthLabel->setBuddy(strengthBox_);

  auto* grid = new QGridLayout(details_);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(thumbnail_, 0, 0, 3, 1);
  grid->addWidget(caption_, 0, 1, 1, 3);
  grid->addWidget(strengthLabel, 1, 1);
  grid->addWidget(strengthSlider_, 1, 2);
  grid->addWidget(strengthBox_, 1, 3);
  auto* maskButtons = new QHBoxLayout;
  maskButtons->addWidget(paintMask_);
  maskButtons->addWidget(clearMask_);
  grid->addLayout(maskButtons, 2, 1, 1, 3);
  grid->setColumnStretch(2, 1);
  auto* imageButtons = new QHBoxLayout;
  imageButtons->addWidget(open_, 1);
  imageButtons->addWidget(clear_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(imageButtons);
  layout->addWidget(details_);

  connect(open_, &QPushButton::clicked, this, &InitImagePanel::openRequested);
  connect(paintMask_, &QPushButton::toggled, this, &InitImagePanel::paintMaskToggled);
  connect(clearMask_, &QPushButton::clicked, this, [this] { setMask({}); });
  connect(clear_, &QPushButton::clicked, this, [this] { setInitImage({}); });
  connect(strengthSlider_, &QSlider::valueChanged, this, [this](int value) { setStrength(value / double(kSliderSteps)); });
  connect(strengthBox_, &QDoubleSpinBox::valueChanged, this, [this](double value) { setStrength(value); });
  setStrength(defaultStrength());
  showState();
}

void InitImagePanel::applyTo(GenerationParams& params) const {
  params.initImage = initImage_;
  params.mask = initImage_.isEmpty() ? QString() : mask_;
  params.strength = strength();
}

void InitImagePanel::setFrom(const GenerationParams& params) {
  setInitImage(params.initImage);
  setMask(params.mask);
  setStrength(params.strength);
}

void InitImagePanel::setInitImage(const QString& path) {
  if (path == initImage_) return;
  if (paintMask_->isChecked()) paintMask_->setChecked(false);
  initImage_ = path;
  mask_.clear();
  showState();
  Q_EMIT changed();
}

void InitImagePanel::setMask(const QString& path) {
  if (path == mask_) return;
  mask_ = path;
  showState();
  Q_EMIT changed();
}

void InitImagePanel::setStrength(double strength) {
  strength = std::clamp(strength, 0.01, 1.0);
  const QSignalBlocker sliderQuiet(strengthSlider_), boxQuiet(strengthBox_);
  const bool moved = std::abs(strengthBox_->value() - strength) > 1e-9;
  strengthBox_->setValue(strength);
  strengthSlider_->setValue(int(std::lround(strength * kSliderSteps)));
  if (moved) Q_EMIT changed();
}

double InitImagePanel::strength() const { return strengthBox_->value(); }

void InitImagePanel::showState() {
  details_->setVisible(!initImage_.isEmpty());
  clear_->setVisible(!initImage_.isEmpty());
  open_->setText(initImage_.isEmpty() ? tr("Start from an Image\u2026") : tr("Change Image\u2026"));
  clearMask_->setEnabled(!mask_.isEmpty());
  if (initImage_.isEmpty()) return;
  QImageReader reader(initImage_);
  const QSize size = reader.size();
  reader.setScaledSize(size.scaled(kThumbnail, kThumbnail, Qt::KeepAspectRatio));
  thumbnail_->setPixmap(QPixmap::fromImage(reader.read()));
  const QString sizeText = size.isValid() ? tr("%1 \u00d7 %2").arg(size.width()).arg(size.height()) : QString();
  caption_->setText(mask_.isEmpty() ? tr("Init image %1; no mask: all of it changes").arg(sizeText)
                                    : tr("Init image %1; the mask's white part is repainted").arg(sizeText));
}

}  // namespace bksdm
