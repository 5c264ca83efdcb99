#include "ui/resources_panel.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace bksdm {
namespace {

constexpr double kMultiplierRange = 10.0;  // A1111 takes any number; past this a LoRA is noise

}  // namespace

ResourcesPanel::ResourcesPanel(QWidget* parent)
    : QWidget(parent), loraModel_(new ResourceListModel(this)), embeddingModel_(new ResourceListModel(this)),
      loraView_(buildView(loraModel_, ResourceKind::Lora)), embeddingView_(buildView(embeddingModel_, ResourceKind::Embedding)),
      loraFolderLabel_(new QLabel(this)), embeddingsFolderLabel_(new QLabel(this)),
      chooseLoraFolder_(new QPushButton(tr("LoRA Folder\u2026"), this)),
      chooseEmbeddingsFolder_(new QPushButton(tr("Embeddings Folder\u2026"), this)), multipliersBox_(new QWidget(this)),
      multipliersLayout_(new QFormLayout(multipliersBox_)),
      teacherBlocks_(new QCheckBox(tr("Teacher's LoRAs by BK-SDM's copy table"), this)), notes_(new QLabel(this)) {
  loraView_->setToolTip(tr("Click a LoRA (or press Return) to add <lora:NAME:1> to the prompt at the cursor"));
  embeddingView_->setToolTip(tr("Click an embedding (or press Return) to add its word to the prompt at the cursor"));
  connect(chooseLoraFolder_, &QPushButton::clicked, this, [this] { chooseFolder(ResourceKind::Lora); });
  connect(chooseEmbeddingsFolder_, &QPushButton::clicked, this, [this] { chooseFolder(ResourceKind::Embedding); });
  multipliersLayout_->setContentsMargins(0, 0, 0, 0);
  multipliersBox_->setToolTip(tr("The multipliers of the LoRAs the prompt names; a change rewrites the tag"));
  multipliersBox_->hide();
  teacherBlocks_->setToolTip(tr("On a BK-SDM model, a LoRA trained on SD v1.4 or 2.1-base merges each block under the "
                                "name of the teacher block it began as (needed on BK-SDM-Tiny for up-block layers)"));
  notes_->setWordWrap(true);
  notes_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  notes_->hide();

  auto* tabs = new QTabWidget(this);
  auto* belowLoras = new QWidget(this);
  auto* belowLayout = new QVBoxLayout(belowLoras);
  belowLayout->setContentsMargins(0, 0, 0, 0);
  belowLayout->addWidget(multipliersBox_);
  belowLayout->addWidget(teacherBlocks_);
  tabs->addTab(buildPage(loraView_, loraFolderLabel_, chooseLoraFolder_, belowLoras), tr("LoRAs"));
  tabs->addTab(buildPage(embeddingView_, embeddingsFolderLabel_, chooseEmbeddingsFolder_), tr("Embeddings"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(tabs, 1);
  layout->addWidget(notes_);
  showFolder(loraFolderLabel_, {});
  showFolder(embeddingsFolderLabel_, {});
}

QTreeView* ResourcesPanel::buildView(ResourceListModel* model, ResourceKind kind) {
  auto* view = new QTreeView(this);
  view->setModel(model);
  view->setRootIsDecorated(false);
  view->setIconSize(QSize(48, 48));
  view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view->header()->setSectionResizeMode(ResourceListModel::NameColumn, QHeaderView::Stretch);
  view->header()->setStretchLastSection(false);
  connect(view, &QTreeView::clicked, this, [this, kind](const QModelIndex& index) { insert(index, kind); });
  auto* insertCurrent = new QAction(view);
  insertCurrent->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
  insertCurrent->setShortcutContext(Qt::WidgetShortcut);
  connect(insertCurrent, &QAction::triggered, this, [this, view, kind] { insert(view->currentIndex(), kind); });
  view->addAction(insertCurrent);
  return view;
}

QWidget* ResourcesPanel::buildPage(QTreeView* view, QLabel* folderLabel, QPushButton* choose, QWidget* below) {
  auto* page = new QWidget;
  auto* layout = new QVBoxLayout(page);
  auto* folderRow = new QHBoxLayout;
  folderLabel->setWordWrap(true);
  folderRow->addWidget(folderLabel, 1);
  folderRow->addWidget(choose);
  layout->addLayout(folderRow);
  layout->addWidget(view, 1);
  if (below) layout->addWidget(below);
  return page;
}

void ResourcesPanel::showFolder(QLabel* label, const QString& folder) {
  label->setText(folder.isEmpty() ? tr("No folder chosen") : QDir::toNativeSeparators(folder));
  label->setToolTip(label->text());
}

bool ResourcesPanel::teacherBlocks() const { return teacherBlocks_->isChecked(); }

void ResourcesPanel::setTeacherBlocks(bool byCopyTable) { teacherBlocks_->setChecked(byCopyTable); }

void ResourcesPanel::setLoraFolder(const QString& folder) {
  loraFolder_ = folder;
  showFolder(loraFolderLabel_, folder);
  Q_EMIT loraFolderChanged(folder);
  rescan(ResourceKind::Lora);
}

void ResourcesPanel::setEmbeddingsFolder(const QString& folder) {
  embeddingsFolder_ = folder;
  showFolder(embeddingsFolderLabel_, folder);
  Q_EMIT embeddingsFolderChanged(folder);
  rescan(ResourceKind::Embedding);
}

QCoro::Task<> ResourcesPanel::rescan(ResourceKind kind) {
  QPointer<ResourcesPanel> self(this);
  const quint64 scan = ++scans_[kind];
  const QString folder = kind == ResourceKind::Lora ? loraFolder_ : embeddingsFolder_;
  const QList<ResourceFile> files = co_await scanResourcesInPool(folder, kind);
  if (!self || scan != scans_[kind]) co_return;
  (kind == ResourceKind::Lora ? loraModel_ : embeddingModel_)->setFiles(files);
  Q_EMIT scanned(kind);
}

void ResourcesPanel::chooseFolder(ResourceKind kind) {
  const bool lora = kind == ResourceKind::Lora;
  const QString folder = QFileDialog::getExistingDirectory(this, lora ? tr("Choose the LoRA folder") : tr("Choose the embeddings folder"),
                                                           lora ? loraFolder_ : embeddingsFolder_);
  if (folder.isEmpty()) return;
  if (lora)
    setLoraFolder(folder);
  else
    setEmbeddingsFolder(folder);
}

void ResourcesPanel::insert(const QModelIndex& index, ResourceKind kind) {
  if (!index.isValid()) return;
  const QString name = index.siblingAtColumn(ResourceListModel::NameColumn).data().toString();
  Q_EMIT insertRequested(kind == ResourceKind::Lora ? loraTag(name) : name);
}

void ResourcesPanel::setPromptLoras(const QList<LoraTag>& tags) {
  QMap<QString, double> named;  // the first tag of a name gives its box's value
  for (const LoraTag& tag : tags)
    if (!named.contains(tag.name)) named.insert(tag.name, tag.multiplier);
  if (named.keys() != multipliers_.keys()) {
    while (multipliersLayout_->rowCount() > 0) multipliersLayout_->removeRow(0);
    multipliers_.clear();
    for (auto it = named.begin(); it != named.end(); ++it) {
      auto* box = new QDoubleSpinBox;
      box->setRange(-kMultiplierRange, kMultiplierRange);
      box->setSingleStep(0.05);
      box->setDecimals(2);
      connect(box, &QDoubleSpinBox::valueChanged, this, [this, name = it.key()](double value) { Q_EMIT multiplierChanged(name, value); });
      multipliersLayout_->addRow(it.key(), box);
      multipliers_.insert(it.key(), box);
    }
  }
  for (auto it = named.begin(); it != named.end(); ++it) {
    QDoubleSpinBox* box = multipliers_.value(it.key());
    const QSignalBlocker quiet(box);  // the prompt already says it
    box->setValue(it.value());
  }
  multipliersBox_->setVisible(!multipliers_.isEmpty());
}

void ResourcesPanel::showNotes(const QStringList& notes) {
  notes_->setText(notes.isEmpty() ? QString() : tr("Last run: %1").arg(notes.join(QLatin1Char('\n'))));
  notes_->setVisible(!notes.isEmpty());
}

}  // namespace bksdm
