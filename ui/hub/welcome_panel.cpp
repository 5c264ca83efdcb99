#include "ui/hub/welcome_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/hub/known_models.h"
#include "ui/hub/download_progress_view.h"

namespace bksdm {

WelcomePanel::WelcomePanel(HubConfig hub, QWidget* parent)
    : QWidget(parent),
      hub_(std::move(hub)),
      download_(new QPushButton(this)),
      addFolder_(new QPushButton(tr("Add folder…"), this)),
      otherModels_(new QPushButton(tr("Other models…"), this)),
      message_(new QLabel(this)),
      progress_(new DownloadProgressView(this)) {
  const KnownModel& model = defaultModel();
  auto* title = new QLabel(tr("Welcome to BK-SDM Studio"), this);
  QFont font = title->font();
  font.setPointSizeF(font.pointSizeF() * 1.6);
  font.setBold(true);
  title->setFont(font);
  title->setAlignment(Qt::AlignCenter);

  auto* explanation = new QLabel(
      tr("To make images the app needs a text-to-image model. %1 is small and quick: %2, downloaded once from "
         "the Hugging Face Hub into its cache (%3), which diffusers shares. Or add a diffusers model folder you "
         "already have.")
          .arg(model.name, formatBytes(model.downloadBytes()), hub_.cacheDir),
      this);
  explanation->setAlignment(Qt::AlignCenter);
  explanation->setWordWrap(true);
  explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);

  download_->setText(tr("Download %1 (%2)").arg(model.name, formatBytes(model.downloadBytes())));
  download_->setToolTip(model.sizeBreakdown());
  download_->setDefault(true);
  download_->setEnabled(!hub_.offline);
  connect(download_, &QPushButton::clicked, this, &WelcomePanel::downloadDefaultModel);
  connect(addFolder_, &QPushButton::clicked, this, &WelcomePanel::addFolderRequested);
  connect(otherModels_, &QPushButton::clicked, this, &WelcomePanel::otherModelsRequested);

  message_->setAlignment(Qt::AlignCenter);
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  if (hub_.offline)
    message_->setText(tr("HF_HUB_OFFLINE is set, so nothing can be downloaded; unset it to download a model."));
  progress_->hide();

  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(download_);
  buttons->addWidget(addFolder_);
  buttons->addWidget(otherModels_);
  buttons->addStretch();

  auto* content = new QWidget(this);
  content->setMaximumWidth(720);
  auto* column = new QVBoxLayout(content);
  column->addWidget(title);
  column->addSpacing(8);
  column->addWidget(explanation);
  column->addSpacing(12);
  column->addLayout(buttons);
  column->addWidget(message_);
  column->addWidget(progress_);

  // Centred by stretches, not by alignment: an aligned widget gets its size hint's width but the
  // height for the whole row's width, which cuts off wrapped text.
  auto* row = new QHBoxLayout;
  row->addStretch(1);
  row->addWidget(content, 100);
  row->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->addStretch(2);
  layout->addLayout(row);
  layout->addStretch(3);
}

void WelcomePanel::downloadDefaultModel() {
  if (running_ || hub_.offline) return;
  running_ = new ModelDownload(hub_, DownloadRequest(defaultModel().repoId), this);
  connect(running_, &ModelDownload::finished, this, &WelcomePanel::onFinished);
  progress_->watch(running_);
  progress_->show();
  message_->clear();
  download_->setEnabled(false);
  running_->start();
}

void WelcomePanel::onFinished(const DownloadOutcome& outcome) {
  const QString repoId = running_->request().repoId;
  running_->deleteLater();
  running_ = nullptr;
  download_->setEnabled(true);
  if (outcome.status == DownloadOutcome::Status::Done) {
    Q_EMIT modelDownloaded(repoId);
    return;
  }
  download_->setText(tr("Try again"));
  message_->setText(outcome.message);
  progress_->hide();
}

}  // namespace bksdm
