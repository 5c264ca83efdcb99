#pragma once
#include <QPointer>
#include <QWidget>

#include "app/hub/model_download.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace bksdm {

// Follows a ModelDownload: what it is doing, the current file and all files as bars, bytes, speed
// and time left, and a Cancel button.
class DownloadProgressView : public QWidget {
  Q_OBJECT

 public:
  explicit DownloadProgressView(QWidget* parent = nullptr);

  // Shows `download` from now on (it is not owned); null shows nothing running.
  void watch(ModelDownload* download);
  QPushButton* cancelButton() const { return cancel_; }
  QString statusText() const;
  QString detailText() const;

  // "1.2 GB of 3.0 GB · 25.3 MB/s · 1 min 12 s left"
  static QString describeTotals(const DownloadProgress& progress);
  // "unet/diffusion_pytorch_model.safetensors (9 of 12)"
  static QString describeFile(const DownloadProgress& progress);
  static QString describeTimeLeft(qint64 seconds);

 private:
  void showProgress(const DownloadProgress& progress);
  void showOutcome(const DownloadOutcome& outcome);

  QPointer<ModelDownload> download_;
  QLabel* status_;
  QLabel* file_;
  QProgressBar* fileBar_;
  QProgressBar* totalBar_;
  QLabel* detail_;
  QPushButton* cancel_;
};

}  // namespace bksdm
