#include "ui/hub/download_progress_view.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

#include "app/hub/known_models.h"

namespace bksdm {
namespace {

// QProgressBar counts in int: show per mille.
constexpr int kBarSteps = 1000;

int barValue(qint64 done, qint64 total) {
  if (total <= 0) return 0;
  return int(std::clamp<qint64>(done * kBarSteps / total, 0, kBarSteps));
}

}  // namespace

DownloadProgressView::DownloadProgressView(QWidget* parent)
    : QWidget(parent),
      status_(new QLabel(this)),
      file_(new QLabel(this)),
      fileBar_(new QProgressBar(this)),
      totalBar_(new QProgressBar(this)),
      detail_(new QLabel(this)),
      cancel_(new QPushButton(tr("Cancel download"), this)) {
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  file_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  for (QProgressBar* bar : {fileBar_, totalBar_}) {
    bar->setRange(0, kBarSteps);
    bar->setTextVisible(false);
  }
  cancel_->setEnabled(false);
  connect(cancel_, &QPushButton::clicked, this, [this] {
    if (download_) download_->cancel();
  });

  auto* layout = new QGridLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(status_, 0, 0, 1, 3);
  layout->addWidget(new QLabel(tr("File:"), this), 1, 0);
  layout->addWidget(file_, 1, 1, 1, 2);
  layout->addWidget(fileBar_, 2, 0, 1, 3);
  layout->addWidget(new QLabel(tr("All files:"), this), 3, 0);
  layout->addWidget(detail_, 3, 1);
  layout->addWidget(cancel_, 3, 2, Qt::AlignRight);
  layout->addWidget(totalBar_, 4, 0, 1, 3);
  layout->setColumnStretch(1, 1);
}

void DownloadProgressView::watch(ModelDownload* download) {
  if (download_) download_->disconnect(this);
  download_ = download;
  cancel_->setEnabled(download != nullptr);
  if (!download) return;
  status_->clear();
  file_->clear();
  detail_->clear();
  fileBar_->setValue(0);
  totalBar_->setValue(0);
  connect(download, &ModelDownload::statusChanged, status_, &QLabel::setText);
  connect(download, &ModelDownload::progressChanged, this, &DownloadProgressView::showProgress);
  connect(download, &ModelDownload::finished, this, &DownloadProgressView::showOutcome);
}

QString DownloadProgressView::statusText() const { return status_->text(); }

QString DownloadProgressView::detailText() const { return detail_->text(); }

void DownloadProgressView::showProgress(const DownloadProgress& progress) {
  file_->setText(describeFile(progress));
  fileBar_->setValue(barValue(progress.fileBytes, progress.fileSize));
  totalBar_->setValue(barValue(progress.bytes, progress.totalSize));
  detail_->setText(describeTotals(progress));
}

void DownloadProgressView::showOutcome(const DownloadOutcome& outcome) {
  status_->setText(outcome.message);
  cancel_->setEnabled(false);
  if (outcome.status == DownloadOutcome::Status::Done) totalBar_->setValue(kBarSteps);
}

QString DownloadProgressView::describeFile(const DownloadProgress& progress) {
  return tr("%1 (%2 of %3)").arg(progress.file).arg(progress.fileNumber).arg(progress.fileCount);
}

QString DownloadProgressView::describeTotals(const DownloadProgress& progress) {
  QStringList parts = {tr("%1 of %2").arg(formatBytes(progress.bytes), formatBytes(progress.totalSize))};
  if (progress.bytesPerSecond > 0) parts.append(tr("%1/s").arg(formatBytes(qint64(progress.bytesPerSecond))));
  if (progress.secondsLeft && progress.bytes < progress.totalSize)
    parts.append(describeTimeLeft(*progress.secondsLeft));
  return parts.join(QStringLiteral(" \u00b7 "));
}

QString DownloadProgressView::describeTimeLeft(qint64 seconds) {
  if (seconds < 60) return tr("%n s left", nullptr, int(seconds));
  if (seconds < 3600) return tr("%1 min %2 s left").arg(seconds / 60).arg(seconds % 60);
  return tr("%1 h %2 min left").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

}  // namespace bksdm
