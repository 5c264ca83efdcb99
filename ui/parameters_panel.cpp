#include "ui/parameters_panel.h"

#include <cmath>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

#include "app/schedulers.h"
#include "ui/seed_field.h"

namespace bksdm {
namespace {

constexpr int kSizeStep = 8;
const QSize kPresets[] = {{512, 512}, {512, 768}, {768, 512}};

QSpinBox* sizeBox(QWidget* parent, const QString& tip) {
  auto* box = new QSpinBox(parent);
  box->setRange(64, 2048);
  box->setSingleStep(kSizeStep);
  box->setSuffix(QStringLiteral(" px"));
  box->setToolTip(tip);
  // Typed values snap to the nearest multiple of 8: the VAE scales by 8.
  QObject::connect(box, &QSpinBox::editingFinished, box, [box] {
    box->setValue(int(std::lround(box->value() / double(kSizeStep))) * kSizeStep);
  });
  return box;
}

QString sizeText(QSize size) { return ParametersPanel::tr("%1 \u00d7 %2").arg(size.width()).arg(size.height()); }

}  // namespace

ParametersPanel::ParametersPanel(QWidget* parent)
    : QWidget(parent), scheduler_(new QComboBox(this)), steps_(new QSpinBox(this)),
      guidance_(new QDoubleSpinBox(this)), width_(sizeBox(this, tr("Image width, a multiple of 8"))),
      height_(sizeBox(this, tr("Image height, a multiple of 8"))), preset_(new QComboBox(this)),
      seed_(new SeedField(this)), images_(new QSpinBox(this)), promptSyntax_(new QComboBox(this)),
      clipSkip_(new QSpinBox(this)) {
  for (const SchedulerChoice& choice : schedulerChoices()) scheduler_->addItem(choice.label, choice.name);
  scheduler_->setToolTip(tr("The sampler that turns noise into an image"));
  steps_->setRange(1, maxSteps());
  steps_->setValue(defaultSteps());
  steps_->setToolTip(tr("Denoising steps: more is slower and usually finer"));
  guidance_->setRange(0.0, 30.0);
  guidance_->setSingleStep(0.5);
  guidance_->setDecimals(1);
  guidance_->setValue(defaultGuidanceScale());
  guidance_->setToolTip(tr("Classifier-free guidance: how strongly the image follows the prompt (1 turns it off)"));
  images_->setRange(1, maxImages());
  images_->setToolTip(tr("Images per run, made together from one seed"));
  promptSyntax_->addItem(tr("A1111 language"), QStringLiteral("a1111"));
  promptSyntax_->addItem(tr("Plain text"), QStringLiteral("plain"));
  promptSyntax_->setToolTip(tr("A1111's prompt language: (word:1.3) and ((word)) weight words, [word] weakens them, "
                               "BREAK starts a new chunk, [cat:dog:10] changes the text at step 10 and [cat|dog] "
                               "alternates. Plain text reads brackets as text and cuts at %1 tokens, as diffusers does.")
                                .arg(promptChunkTokens()));
  clipSkip_->setRange(1, 12);
  clipSkip_->setToolTip(tr("Which text-encoder layer reads the prompt, counted from the last as A1111 counts: 1 is "
                           "the last layer (the model's own), 2 the one before it"));
  width_->setValue(modelSize_);
  height_->setValue(modelSize_);

  for (QSize size : kPresets) preset_->addItem(sizeText(size), size);
  preset_->setToolTip(tr("Common sizes"));

  auto* size = new QHBoxLayout;
  size->setSpacing(4);
  size->addWidget(width_, 1);
  size->addWidget(new QLabel(QStringLiteral("\u00d7"), this));
  size->addWidget(height_, 1);
  auto* form = new QFormLayout(this);
  form->setContentsMargins(0, 0, 0, 0);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form->addRow(tr("&Scheduler"), scheduler_);
  form->addRow(tr("S&teps"), steps_);
  form->addRow(tr("G&uidance"), guidance_);
  auto* sizeLabel = new QLabel(tr("Si&ze"), this);
  sizeLabel->setBuddy(width_);
  form->addRow(sizeLabel, size);
  form->addRow(QString(), preset_);
  form->addRow(tr("See&d"), seed_);
  form->addRow(tr("&Images"), images_);
  form->addRow(tr("Prompt s&yntax"), promptSyntax_);
  form->addRow(tr("C&LIP skip"), clipSkip_);

  connect(preset_, &QComboBox::activated, this, &ParametersPanel::choosePreset);
  for (QSpinBox* box : {width_, height_}) {
    connect(box, &QSpinBox::valueChanged, this, &ParametersPanel::showMatchingPreset);
    connect(box, &QSpinBox::valueChanged, this, &ParametersPanel::changed);
  }
  connect(steps_, &QSpinBox::valueChanged, this, &ParametersPanel::changed);
  connect(images_, &QSpinBox::valueChanged, this, &ParametersPanel::changed);
  connect(guidance_, &QDoubleSpinBox::valueChanged, this, &ParametersPanel::changed);
  connect(scheduler_, &QComboBox::currentIndexChanged, this, &ParametersPanel::changed);
  connect(clipSkip_, &QSpinBox::valueChanged, this, &ParametersPanel::changed);
  connect(promptSyntax_, &QComboBox::currentIndexChanged, this, [this] {
    Q_EMIT promptSyntaxChanged(promptSyntax_->currentData().toString());
    Q_EMIT changed();
  });
  applyModelDefaults(modelSize_, QStringLiteral("pndm"));
}

GenerationParams ParametersPanel::params() const {
  GenerationParams params;
  params.scheduler = scheduler_->currentData().toString();
  params.steps = steps_->value();
  params.guidanceScale = guidance_->value();
  params.width = width_->value();
  params.height = height_->value();
  params.seed = seed_->value();
  params.numImages = images_->value();
  params.promptSyntax = promptSyntax_->currentData().toString();
  params.clipSkip = clipSkip_->value();
  return params;
}

void ParametersPanel::setParams(const GenerationParams& params) {
  if (const int row = scheduler_->findData(params.scheduler); row >= 0) scheduler_->setCurrentIndex(row);
  steps_->setValue(params.steps);
  guidance_->setValue(params.guidanceScale);
  if (params.width > 0) width_->setValue(params.width);
  if (params.height > 0) height_->setValue(params.height);
  seed_->setValue(params.seed);
  images_->setValue(params.numImages);
  if (const int row = promptSyntax_->findData(params.promptSyntax); row >= 0) promptSyntax_->setCurrentIndex(row);
  clipSkip_->setValue(params.clipSkip);
}

void ParametersPanel::setTextEncoderLayers(int layers) { clipSkip_->setMaximum(std::max(1, layers)); }

void ParametersPanel::applyModelDefaults(int size, const QString& scheduler) {
  modelSize_ = size;
  const QSize modelSize(size, size);
  const QSignalBlocker blocker(preset_);
  while (preset_->count() > int(std::size(kPresets))) preset_->removeItem(preset_->count() - 1);
  if (std::find(std::begin(kPresets), std::end(kPresets), modelSize) == std::end(kPresets))
    preset_->addItem(tr("%1 (model default)").arg(sizeText(modelSize)), modelSize);
  width_->setValue(size);
  height_->setValue(size);
  markDefaultScheduler(scheduler);
  if (const int row = scheduler_->findData(scheduler); row >= 0) scheduler_->setCurrentIndex(row);
  showMatchingPreset();
}

void ParametersPanel::markDefaultScheduler(const QString& scheduler) {
  for (int row = 0; row < scheduler_->count(); ++row) {
    const QString name = scheduler_->itemData(row).toString();
    scheduler_->setItemText(row, name == scheduler ? tr("%1 (model default)").arg(schedulerLabel(name)) : schedulerLabel(name));
  }
}

void ParametersPanel::choosePreset(int index) {
  const QSize size = preset_->itemData(index).toSize();
  if (size.isEmpty()) return;
  width_->setValue(size.width());
  height_->setValue(size.height());
}

void ParametersPanel::showMatchingPreset() {
  const QSignalBlocker blocker(preset_);
  const int row = preset_->findData(QSize(width_->value(), height_->value()));
  if (row >= 0) {
    preset_->setCurrentIndex(row);
    if (preset_->itemData(preset_->count() - 1).isNull()) preset_->removeItem(preset_->count() - 1);
    return;
  }
  if (!preset_->itemData(preset_->count() - 1).isNull()) preset_->addItem(tr("Custom"));
  preset_->setCurrentIndex(preset_->count() - 1);
}

}  // namespace bksdm
