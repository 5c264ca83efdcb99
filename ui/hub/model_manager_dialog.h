#pragma once
#include <QDialog>
#include <QPointer>

#include "app/hub/hub_config.h"
#include "app/hub/model_download.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace bksdm {

class DownloadProgressView;

// Lists the models to download — the BK-SDM family and its teachers with their sizes and a line
// from the model card, any repo id typed in, and the models already in the Hugging Face cache,
// marked so — and downloads the chosen one into the cache with its progress shown.
class ModelManagerDialog : public QDialog {
  Q_OBJECT

 public:
  enum Column { NameColumn, RepoColumn, SizeColumn, StatusColumn, AboutColumn };

  explicit ModelManagerDialog(HubConfig hub = HubConfig::fromEnvironment(), QWidget* parent = nullptr);

  QTreeWidget* modelList() const { return list_; }
  DownloadProgressView* progressView() const { return progress_; }
  QPushButton* downloadButton() const { return download_; }
  // The repo's row, added as typed in when it is not listed; false for no valid repo id.
  bool selectRepo(const QString& repoId);
  QString selectedRepo() const;
  void setHalfPrecision(bool on);
  bool isDownloading() const { return running_ != nullptr; }

  // Downloads the selected model; modelDownloaded() follows when it is in the cache.
  void downloadSelected();

 Q_SIGNALS:
  void modelDownloaded(const QString& repoId);

 protected:
  // Closing cancels a download; what arrived stays for the next one to resume.
  void reject() override;

 private:
  void fillList();
  QTreeWidgetItem* addRow(const QString& repoId, const QString& name, const QString& size, const QString& about);
  QTreeWidgetItem* rowOf(const QString& repoId) const;
  void addTypedRepo();
  void markCachedRows();
  void onFinished(const DownloadOutcome& outcome);
  void updateButtons();

  HubConfig hub_;
  QTreeWidget* list_;
  QLineEdit* typedRepo_;
  QCheckBox* halfPrecision_;
  QPushButton* download_;
  QLabel* message_;
  DownloadProgressView* progress_;
  QPointer<ModelDownload> running_;
};

// An id the Hub could have: "owner/name" of letters, digits, '-', '_' and '.'.
bool isValidRepoId(const QString& text);

}  // namespace bksdm
