#include "ui/hub/model_manager_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/hub/cached_models.h"
#include "app/hub/known_models.h"
#include "ui/hub/download_progress_view.h"

namespace bksdm {
namespace {

constexpr int kRepoRole = Qt::UserRole;

QString repoName(const QString& repoId) { return repoId.section(QLatin1Char('/'), 1); }

}  // namespace

bool isValidRepoId(const QString& text) {
  static const QRegularExpression repoId(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$"));
  return repoId.match(text).hasMatch() && !text.contains(QLatin1String(".."));
}

ModelManagerDialog::ModelManagerDialog(HubConfig hub, QWidget* parent)
    : QDialog(parent),
      hub_(std::move(hub)),
      list_(new QTreeWidget(this)),
      typedRepo_(new QLineEdit(this)),
      halfPrecision_(new QCheckBox(tr("Half-size weights (fp16 files) where the repo has them"), this)),
      download_(new QPushButton(tr("Download"), this)),
      message_(new QLabel(this)),
      progress_(new DownloadProgressView(this)) {
  setWindowTitle(tr("Models"));
  resize(1000, 560);

  auto* where = new QLabel(tr("Models are saved in the Hugging Face cache, %1, which diffusers and other tools "
                              "share. Sizes are those of the fp32 weights.")
                               .arg(hub_.cacheDir),
                           this);
  where->setWordWrap(true);
  where->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* offline = new QLabel(tr("HF_HUB_OFFLINE is set: nothing can be downloaded. Models already in the cache "
                                "can be used."),
                             this);
  offline->setWordWrap(true);
  offline->setStyleSheet(QStringLiteral("font-weight: bold"));
  offline->setVisible(hub_.offline);

  list_->setColumnCount(5);
  list_->setHeaderLabels({tr("Model"), tr("Repository"), tr("Size"), tr("Status"), tr("About")});
  list_->setRootIsDecorated(false);
  list_->setUniformRowHeights(true);
  list_->header()->setStretchLastSection(true);
  fillList();
  for (int column = NameColumn; column < AboutColumn; ++column) list_->resizeColumnToContents(column);
  connect(list_, &QTreeWidget::itemSelectionChanged, this, &ModelManagerDialog::updateButtons);
  connect(list_, &QTreeWidget::itemDoubleClicked, this, &ModelManagerDialog::downloadSelected);

  typedRepo_->setPlaceholderText(tr("Another repo id, e.g. owner/name"));
  auto* add = new QPushButton(tr("Add"), this);
  connect(add, &QPushButton::clicked, this, &ModelManagerDialog::addTypedRepo);
  connect(typedRepo_, &QLineEdit::returnPressed, this, &ModelManagerDialog::addTypedRepo);
  auto* typedRow = new QHBoxLayout;
  typedRow->addWidget(typedRepo_, 1);
  typedRow->addWidget(add);

  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  connect(download_, &QPushButton::clicked, this, &ModelManagerDialog::downloadSelected);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  buttons->addButton(download_, QDialogButtonBox::ActionRole);
  connect(buttons, &QDialogButtonBox::rejected, this, &ModelManagerDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(where);
  layout->addWidget(offline);
  layout->addWidget(list_, 1);
  layout->addLayout(typedRow);
  layout->addWidget(halfPrecision_);
  layout->addWidget(message_);
  layout->addWidget(progress_);
  layout->addWidget(buttons);

  selectRepo(defaultModel().repoId);
}

void ModelManagerDialog::fillList() {
  for (const QList<KnownModel>* list : {&knownModels(), &knownVaes()})
    for (const KnownModel& model : *list) {
      const QString name = &model == &defaultModel() ? tr("%1 (default)").arg(model.name) : model.name;
      QTreeWidgetItem* row = addRow(model.repoId, name, formatBytes(model.downloadBytes()), model.summaryText());
      row->setToolTip(SizeColumn, model.sizeBreakdown());
    }
  for (const QString& repoId : cachedModelRepos(hub_.cacheDir))
    if (!rowOf(repoId)) addRow(repoId, repoName(repoId), tr("—"), tr("Found in the Hugging Face cache."));
  markCachedRows();
}

QTreeWidgetItem* ModelManagerDialog::addRow(const QString& repoId, const QString& name, const QString& size,
                                            const QString& about) {
  auto* row = new QTreeWidgetItem(list_, {name, repoId, size, QString(), about});
  row->setData(NameColumn, kRepoRole, repoId);
  row->setToolTip(AboutColumn, about);
  row->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
  return row;
}

QTreeWidgetItem* ModelManagerDialog::rowOf(const QString& repoId) const {
  for (int i = 0; i < list_->topLevelItemCount(); ++i) {
    QTreeWidgetItem* row = list_->topLevelItem(i);
    if (row->data(NameColumn, kRepoRole).toString().compare(repoId, Qt::CaseInsensitive) == 0) return row;
  }
  return nullptr;
}

void ModelManagerDialog::markCachedRows() {
  for (int i = 0; i < list_->topLevelItemCount(); ++i) {
    QTreeWidgetItem* row = list_->topLevelItem(i);
    const bool cached = isModelCached(hub_.cacheDir, row->data(NameColumn, kRepoRole).toString());
    row->setText(StatusColumn, cached ? tr("In the cache") : QString());
    row->setToolTip(StatusColumn, {});
  }
}

bool ModelManagerDialog::selectRepo(const QString& repoId) {
  const QString id = repoId.trimmed();
  if (!isValidRepoId(id)) return false;
  QTreeWidgetItem* row = rowOf(id);
  if (!row) {
    row = addRow(id, repoName(id), tr("unknown"), tr("Added here; its files are listed when it downloads."));
    markCachedRows();
  }
  list_->setCurrentItem(row);
  list_->scrollToItem(row);
  return true;
}

QString ModelManagerDialog::selectedRepo() const {
  const QTreeWidgetItem* row = list_->currentItem();
  return row ? row->data(NameColumn, kRepoRole).toString() : QString();
}

void ModelManagerDialog::setHalfPrecision(bool on) { halfPrecision_->setChecked(on); }

void ModelManagerDialog::addTypedRepo() {
  if (!selectRepo(typedRepo_->text())) {
    message_->setText(tr("\"%1\" is not a repo id: write it as owner/name, as in the repo's address on the Hub.")
                          .arg(typedRepo_->text().trimmed()));
    return;
  }
  message_->clear();
  typedRepo_->clear();
}

void ModelManagerDialog::downloadSelected() {
  const QString repoId = selectedRepo();
  if (running_ || hub_.offline || repoId.isEmpty()) return;
  const QString variant = halfPrecision_->isChecked() ? QStringLiteral("fp16") : QString();
  running_ = new ModelDownload(hub_, DownloadRequest(repoId, QStringLiteral("main"), variant), this);
  connect(running_, &ModelDownload::finished, this, &ModelManagerDialog::onFinished);
  progress_->watch(running_);
  if (QTreeWidgetItem* row = rowOf(repoId)) row->setText(StatusColumn, tr("Downloading…"));
  message_->clear();
  updateButtons();
  running_->start();
}

void ModelManagerDialog::onFinished(const DownloadOutcome& outcome) {
  const QString repoId = running_->request().repoId;
  running_->deleteLater();
  running_ = nullptr;
  markCachedRows();
  updateButtons();
  if (outcome.status == DownloadOutcome::Status::Done) {
    Q_EMIT modelDownloaded(repoId);
  } else if (QTreeWidgetItem* row = rowOf(repoId); row && row->text(StatusColumn).isEmpty()) {
    row->setText(StatusColumn, outcome.status == DownloadOutcome::Status::Cancelled ? tr("Cancelled") : tr("Failed"));
    row->setToolTip(StatusColumn, outcome.message);
  }
}

void ModelManagerDialog::updateButtons() {
  download_->setEnabled(!running_ && !hub_.offline && !selectedRepo().isEmpty());
  halfPrecision_->setEnabled(!running_);
}

void ModelManagerDialog::reject() {
  if (running_) running_->cancel();
  QDialog::reject();
}

}  // namespace bksdm
