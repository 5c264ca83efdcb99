#include "ui/preferences_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include "app/hub/cached_models.h"
#include "app/hub/hub_config.h"
#include "ui/i18n/translations.h"

namespace bksdm {

PreferencesDialog::PreferencesDialog(const PreviewOptions& preview, const EngineOptions& engine, const QString& theme,
                                     const QStringList& devices, const GpuInfo& gpu, QWidget* parent)
    : QDialog(parent), previewMode_(new QComboBox(this)), previewInterval_(new QSpinBox(this)),
      taesdFolder_(new QLineEdit(preview.taesdFolder, this)),
      device_(new QComboBox(this)), precision_(new QComboBox(this)), threads_(new QSpinBox(this)),
      lowMemory_(new QCheckBox(tr("Low memory (16-bit weights)"), this)),
      cpuBf16_(new QCheckBox(tr("bf16 on this CPU (faster; images differ slightly)"), this)), vae_(new QComboBox(this)),
      theme_(new QComboBox(this)),
      language_(new QComboBox(this)),
      restartNote_(new QLabel(tr("The language changes when BK-SDM Studio starts again."), this)) {
  setWindowTitle(tr("Preferences"));
  previewMode_->addItem(tr("Off"), int(PreviewMode::Off));
  previewMode_->addItem(tr("Fast (approximate colours from the latents)"), int(PreviewMode::Fast));
  previewMode_->addItem(tr("TAESD (a tiny decoder: near the final colours, cheap)"), int(PreviewMode::Taesd));
  previewMode_->addItem(tr("Full (the real VAE: costs a decode each time)"), int(PreviewMode::Full));
  previewMode_->setCurrentIndex(previewMode_->findData(int(preview.mode)));
  previewInterval_->setRange(1, 100);
  previewInterval_->setValue(preview.interval);
  previewInterval_->setPrefix(tr("every "));
  previewInterval_->setSuffix(tr(" steps"));
  previewInterval_->setSpecialValueText(tr("every step"));
  taesdFolder_->setPlaceholderText(tr("madebyollin/taesd from the Hugging Face cache"));
  taesdFolder_->setToolTip(tr("The folder of a diffusers-format TAESD (config.json and "
                              "diffusion_pytorch_model.safetensors); it serves SD 1.x and 2.x models alike"));
  auto* browseTaesd = new QPushButton(tr("Browse\u2026"), this);
  connect(browseTaesd, &QPushButton::clicked, this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("TAESD folder"), taesdFolder_->text());
    if (!folder.isEmpty()) taesdFolder_->setText(folder);
  });
  auto* taesdRow = new QHBoxLayout;
  taesdRow->addWidget(taesdFolder_);
  taesdRow->addWidget(browseTaesd);

  device_->addItem(tr("CPU"), QStringLiteral("cpu"));
  device_->addItem(gpu.name.isEmpty() ? tr("CUDA GPU") : tr("CUDA GPU (%1)").arg(gpu.name), QStringLiteral("cuda"));
  if (!devices.contains(QStringLiteral("cuda")))
    device_->setItemData(1, 0, Qt::UserRole - 1);  // disabled: this libtorch sees no GPU
  device_->setCurrentIndex(std::max(0, device_->findData(engine.device)));
  device_->setObjectName(QStringLiteral("device"));
  precision_->setObjectName(QStringLiteral("precision"));
  precision_->addItem(tr("16-bit (fp16): half the memory, fastest"), QStringLiteral("fp16"));
  precision_->addItem(tr("32-bit (fp32): as the CPU computes"), QStringLiteral("fp32"));
  precision_->addItem(tr("bfloat16 (bf16): fp16's speed, fp32's range"), QStringLiteral("bf16"));
  if (!gpu.bf16) precision_->setItemData(2, 0, Qt::UserRole - 1);  // disabled: the card does not compute in it
  precision_->setCurrentIndex(std::max(0, precision_->findData(engine.precision)));
  precision_->setToolTip(tr("What the GPU computes in; the CPU computes in 32 bits, or in bf16 where it has bf16 "
                            "units and that is chosen below. Applies when a model is next loaded."));
  threads_->setRange(0, std::max(1, QThread::idealThreadCount()));
  threads_->setSpecialValueText(tr("All cores"));
  threads_->setValue(engine.threads);
  lowMemory_->setChecked(engine.lowMemory);
  lowMemory_->setToolTip(tr("Keeps the model's weights in 16 bits (its fp16 files when it has them) and "
                            "computes in 32 bits: about half the memory, slightly slower steps, and images "
                            "that differ very slightly. For the CPU; applies when a model is next loaded."));
  cpuBf16_->setObjectName(QStringLiteral("cpuBf16"));
  cpuBf16_->setChecked(engine.cpuBf16 && cpuComputesBf16());
  cpuBf16_->setToolTip(cpuComputesBf16()
                           ? tr("The model computes in bfloat16 on this CPU's bf16 units: faster steps and "
                                "half the weights' memory; the images differ slightly from 32-bit ones, and their "
                                "text says Precision: bf16. Applies when a model is next loaded.")
                           : tr("This CPU has no bf16 units (avx512_bf16 or AMX): bfloat16 would run many times "
                                "slower than 32 bits here."));
  // Both keep the weights in 16 bits; the low-memory mode computes in 32.
  connect(cpuBf16_, &QCheckBox::toggled, this, [this](bool on) { if (on) lowMemory_->setChecked(false); });
  connect(lowMemory_, &QCheckBox::toggled, this, [this](bool on) { if (on) cpuBf16_->setChecked(false); });
  const auto followDevice = [this] {
    const bool cpu = device_->currentData().toString() == QStringLiteral("cpu");
    lowMemory_->setEnabled(cpu);
    cpuBf16_->setEnabled(cpu && cpuComputesBf16());
    precision_->setEnabled(!cpu);
  };
  followDevice();
  connect(device_, &QComboBox::currentIndexChanged, this, followDevice);

  theme_->addItem(tr("Follow the system"), QStringLiteral("system"));
  theme_->addItem(tr("Light"), QStringLiteral("light"));
  theme_->addItem(tr("Dark"), QStringLiteral("dark"));
  theme_->setCurrentIndex(std::max(0, theme_->findData(theme)));

  // Each language by its own name, so that one can find it in a UI one cannot read.
  language_->addItem(tr("System"), QString());
  language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
  language_->addItem(QStringLiteral("\ud55c\uad6d\uc5b4"), QStringLiteral("ko"));
  language_->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
  const QString language = chosenLanguage();
  language_->setCurrentIndex(std::max(0, language_->findData(language)));
  restartNote_->setEnabled(false);
  restartNote_->hide();
  connect(language_, &QComboBox::currentIndexChanged, this,
          [this, language] { restartNote_->setVisible(this->language() != language); });
  connect(this, &QDialog::accepted, this, [this] { setChosenLanguage(this->language()); });

  auto* form = new QFormLayout;
  form->addRow(tr("Live preview"), previewMode_);
  form->addRow(tr("Preview"), previewInterval_);
  form->addRow(tr("TAESD folder"), taesdRow);
  form->addRow(tr("Device"), device_);
  form->addRow(tr("Precision"), precision_);
  form->addRow(tr("Threads"), threads_);
  form->addRow(QString(), lowMemory_);
  form->addRow(QString(), cpuBf16_);
  form->addRow(tr("VAE"), buildVaeRow(engine.vae));
  form->addRow(tr("Theme"), theme_);
  form->addRow(tr("Language"), language_);
  form->addRow(QString(), restartNote_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);
}

PreviewOptions PreferencesDialog::preview() const {
  return {static_cast<PreviewMode>(previewMode_->currentData().toInt()), previewInterval_->value(),
          taesdFolder_->text().trimmed()};
}

EngineOptions PreferencesDialog::engine() const {
  const QString device = device_->currentData().toString();
  const bool cpu = device == QStringLiteral("cpu");
  return {device, threads_->value(), lowMemory_->isChecked() && cpu, precision_->currentData().toString(),
          vae_->currentData().toString(), cpuBf16_->isChecked() && cpu};
}

// The model's own VAE, those downloaded into the Hugging Face cache (Download Models), and folders
// chosen here.
QHBoxLayout* PreferencesDialog::buildVaeRow(const QString& chosen) {
  vae_->setObjectName(QStringLiteral("vae"));
  vae_->addItem(tr("The model's own"), QString());
  for (const QString& folder : cachedVaeFolders(HubConfig::fromEnvironment().cacheDir)) addVaeFolder(folder);
  if (!chosen.isEmpty()) addVaeFolder(chosen);
  vae_->setCurrentIndex(std::max(0, vae_->findData(chosen)));
  vae_->setToolTip(tr("The VAE that decodes the images, in place of the model's (e.g. stabilityai/sd-vae-ft-mse from "
                      "Download Models): a folder with config.json and its weights. Applies when a model is next loaded."));
  auto* browse = new QPushButton(tr("Other\u2026"), this);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("VAE folder"), vae_->currentData().toString());
    if (folder.isEmpty()) return;
    addVaeFolder(folder);
    vae_->setCurrentIndex(vae_->findData(folder));
  });
  auto* row = new QHBoxLayout;
  row->addWidget(vae_, 1);
  row->addWidget(browse);
  return row;
}

// A folder as a choice, named by its repo ("models--owner--name") or its own name.
void PreferencesDialog::addVaeFolder(const QString& folder) {
  if (vae_->findData(folder) >= 0) return;
  QString name = QDir::toNativeSeparators(folder);
  if (const qsizetype repo = folder.indexOf(QLatin1String("models--")); repo >= 0)
    name = folder.mid(repo + 8).section(QLatin1Char('/'), 0, 0).replace(QLatin1String("--"), QLatin1String("/"));
  vae_->addItem(name, folder);
  vae_->setItemData(vae_->count() - 1, QDir::toNativeSeparators(folder), Qt::ToolTipRole);
}

QString PreferencesDialog::theme() const { return theme_->currentData().toString(); }

QString PreferencesDialog::language() const { return language_->currentData().toString(); }

}  // namespace bksdm
