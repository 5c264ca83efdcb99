#pragma once
#include <QPointer>
#include <QWidget>

#include "app/hub/hub_config.h"
#include "app/hub/model_download.h"

class QLabel;
class QPushButton;

namespace bksdm {

class DownloadProgressView;

// The first run, with no model anywhere: offers to download BK-SDM-v2-Tiny (here, with its
// progress) or to add a model folder, and points to the other models.
class WelcomePanel : public QWidget {
  Q_OBJECT

 public:
  explicit WelcomePanel(HubConfig hub = HubConfig::fromEnvironment(), QWidget* parent = nullptr);

  QPushButton* downloadButton() const { return download_; }
  QPushButton* addFolderButton() const { return addFolder_; }
  QPushButton* otherModelsButton() const { return otherModels_; }
  DownloadProgressView* progressView() const { return progress_; }
  bool isDownloading() const { return running_ != nullptr; }

  // What the download button does.
  void downloadDefaultModel();

 Q_SIGNALS:
  // BK-SDM-v2-Tiny is in the cache: open it with ModelFolder::open(repoId).
  void modelDownloaded(const QString& repoId);
  void addFolderRequested();
  // Show the ModelManagerDialog.
  void otherModelsRequested();

 private:
  void onFinished(const DownloadOutcome& outcome);

  HubConfig hub_;
  QPushButton* download_;
  QPushButton* addFolder_;
  QPushButton* otherModels_;
  QLabel* message_;
  DownloadProgressView* progress_;
  QPointer<ModelDownload> running_;
};

}  // namespace bksdm
