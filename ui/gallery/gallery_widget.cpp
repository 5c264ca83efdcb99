#include "ui/gallery/gallery_widget.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGridLayout>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QPointer>
#include <QRandomGenerator>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

#include "app/gallery/gallery.h"
#include "app/gallery/gallery_filter_model.h"
#include "app/gallery/gallery_model.h"
#include "ui/gallery/compare_view.h"
#include "ui/gallery/detail_panel.h"
#include "ui/gallery/thumbnail_delegate.h"

namespace bksdm::gallery {
namespace {

constexpr int kThumbnailSize = 160;  // logical pixels

QStringList localFiles(const QMimeData* mime) {
  QStringList paths;
  for (const QUrl& url : mime->urls())
    if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile()) paths.append(url.toLocalFile());
  return paths;
}

QString cleanFolder(const QString& folder) { return QDir::cleanPath(QDir(folder).absolutePath()); }

}  // namespace

GalleryWidget::GalleryWidget(QWidget* parent)
    : QWidget(parent),
      gallery_(new Gallery(int(kThumbnailSize * qGuiApp->devicePixelRatio()), {}, this)),
      filter_(new GalleryFilterModel(gallery_->model(), this)),
      view_(new QListView),
      compare_(new CompareView),
      splitter_(new QSplitter),
      pages_(new QStackedWidget),
      count_(new QLabel),
      error_(new QLabel) {
  count_->setObjectName(QStringLiteral("count"));
  makeActions();
  detail_ = new DetailPanel({{reuse_, reuseNewSeed_, useAsInit_}, {copy_, reveal_, trash_}, {compareAction_, attention_}});
  detail_->setMinimumWidth(300);
  configureView();
  splitter_->addWidget(view_);
  splitter_->addWidget(detail_);
  splitter_->setStretchFactor(0, 1);
  splitter_->restoreState(settings_.splitterState());
  pages_->addWidget(splitter_);
  pages_->addWidget(compare_);
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #d04040;"));
  error_->hide();

  auto* status = new QHBoxLayout;
  status->addWidget(count_);
  status->addWidget(error_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(makeToolBar());
  layout->addWidget(pages_, 1);
  layout->addLayout(status);

  connectFilters();
  connect(gallery_, &Gallery::saved, this, [this](const QString& path) {
    error_->hide();
    Q_EMIT saved(path);
  });
  connect(gallery_, &Gallery::saveFailed, this, [this](const QString& message) {
    showError(message);
    Q_EMIT saveFailed(message);
  });
  connect(gallery_, &Gallery::errorOccurred, this, &GalleryWidget::showError);
  connect(gallery_, &Gallery::loadingChanged, this, &GalleryWidget::updateCount);
  connect(compare_, &CompareView::closeRequested, this, [this] { pages_->setCurrentWidget(splitter_); });
  setAcceptDrops(true);
  updateActions();
  updateCount();
}

GalleryWidget::~GalleryWidget() { settings_.setSplitterState(splitter_->saveState()); }

void GalleryWidget::makeActions() {
  reuse_ = new QAction(tr("Reuse"), this);
  reuse_->setToolTip(tr("Set the whole form from this image: prompt, model, scheduler, steps, guidance, size and seed"));
  connect(reuse_, &QAction::triggered, this, [this] { reuse(false); });
  reuseSeed_ = new QAction(tr("Reuse with this seed"), this);
  reuseSeed_->setToolTip(tr("Reuse, and lock the seed, so that the next runs make this image again"));
  connect(reuseSeed_, &QAction::triggered, this,
          [this] { Q_EMIT reuseWithSeedRequested(detail_->entry()->metadata.settings); });
  reuseNewSeed_ = new QAction(tr("Reuse with new seed"), this);
  connect(reuseNewSeed_, &QAction::triggered, this, [this] { reuse(true); });
  useAsInit_ = new QAction(tr("Use as init image"), this);
  useAsInit_->setToolTip(tr("Start the next run from this image (img2img)"));
  connect(useAsInit_, &QAction::triggered, this, [this] { Q_EMIT useAsInitImageRequested(detail_->entry()->path); });
  compareAction_ = new QAction(tr("Compare"), this);
  compareAction_->setToolTip(tr("Show the selected images side by side with their differences"));
  connect(compareAction_, &QAction::triggered, this, &GalleryWidget::compareSelected);
  copy_ = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Copy"), this);
  copy_->setShortcut(QKeySequence::Copy);
  connect(copy_, &QAction::triggered, this, &GalleryWidget::copyShown);
  reveal_ = new QAction(QIcon::fromTheme(QStringLiteral("folder-open")), tr("Show in folder"), this);
  connect(reveal_, &QAction::triggered, this, &GalleryWidget::revealShown);
  trash_ = new QAction(QIcon::fromTheme(QStringLiteral("user-trash")), tr("Move to trash"), this);
  trash_->setShortcut(QKeySequence::Delete);
  connect(trash_, &QAction::triggered, this, &GalleryWidget::trashSelected);
  attention_ = new QAction(tr("Attention maps"), this);
  attention_->setToolTip(tr("Show which regions each word of the prompt drove"));
  connect(attention_, &QAction::triggered, this, [this] {
    const GalleryEntry& entry = *detail_->entry();
    Q_EMIT attentionMapsRequested(entry.path, entry.attentionMapsPath(), entry.metadata.settings);
  });
  for (QAction* action : {copy_, trash_}) action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  reuse_->setObjectName(QStringLiteral("reuse"));
  reuseNewSeed_->setObjectName(QStringLiteral("reuseWithNewSeed"));
  reuseSeed_->setObjectName(QStringLiteral("reuseWithThisSeed"));
  compareAction_->setObjectName(QStringLiteral("compare"));
  useAsInit_->setObjectName(QStringLiteral("useAsInitImage"));
  copy_->setObjectName(QStringLiteral("copy"));
  reveal_->setObjectName(QStringLiteral("reveal"));
  trash_->setObjectName(QStringLiteral("trash"));
  attention_->setObjectName(QStringLiteral("attentionMaps"));
  addActions({copy_, trash_});

  autoSave_ = new QAction(tr("Save every image automatically"), this);
  autoSave_->setCheckable(true);
  autoSave_->setChecked(settings_.autoSave());
  connect(autoSave_, &QAction::toggled, this, [this](bool on) { settings_.setAutoSave(on); });
  saveMaps_ = new QAction(tr("Save attention maps with the images"), this);
  saveMaps_->setCheckable(true);
  saveMaps_->setChecked(settings_.saveAttentionMaps());
  connect(saveMaps_, &QAction::toggled, this, [this](bool on) { settings_.setSaveAttentionMaps(on); });
}

QWidget* GalleryWidget::makeToolBar() {
  folders_ = new QComboBox;
  folders_->setToolTip(tr("The gallery shown, and where new images are saved"));
  connect(folders_, &QComboBox::activated, this, [this](int index) { openFolder(folders_->itemData(index).toString()); });
  auto* menu = new QMenu(this);
  menu->addAction(tr("Add a gallery folder…"), this, &GalleryWidget::chooseFolderToAdd);
  menu->addAction(tr("Remove this gallery from the list"), this, &GalleryWidget::removeCurrentFolder);
  menu->addAction(tr("Open the folder"), this, [this] {
    QDesktopServices::openUrl(QUrl::fromLocalFile(gallery_->folder()));
  });
  menu->addSeparator();
  menu->addAction(autoSave_);
  menu->addAction(saveMaps_);
  auto* menuButton = new QToolButton;
  menuButton->setText(tr("Galleries"));
  menuButton->setMenu(menu);
  menuButton->setPopupMode(QToolButton::InstantPopup);

  search_ = new QLineEdit;
  search_->setObjectName(QStringLiteral("search"));
  search_->setPlaceholderText(tr("Search prompts"));
  search_->setClearButtonEnabled(true);
  // Room for the placeholder and the clear button: the combo boxes give way first.
  search_->setMinimumWidth(search_->fontMetrics().horizontalAdvance(search_->placeholderText()) +
                           search_->fontMetrics().height() * 3);
  models_ = new QComboBox;
  models_->addItem(tr("All models"));
  dates_ = new QComboBox;
  dates_->addItems({tr("Any time"), tr("Today"), tr("Last 7 days"), tr("Last 30 days"), tr("This year")});
  sort_ = new QComboBox;
  sort_->addItems({tr("Newest first"), tr("Oldest first"), tr("Seed, ascending"), tr("Seed, descending")});
  // A gallery's name can be a long path: it gives way to the search box. The filters, on their own
  // row, show their whole choice.
  folders_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  folders_->setMinimumContentsLength(5);
  auto* compareButton = new QToolButton;
  compareButton->setDefaultAction(compareAction_);

  // Two rows, the gallery and the search above its filters: one row of all seven is wider than a
  // 1024-pixel screen leaves beside the form in German.
  auto* bar = new QWidget;
  auto* layout = new QGridLayout(bar);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* chooser = new QHBoxLayout;
  chooser->addWidget(folders_);
  chooser->addWidget(menuButton);
  chooser->addWidget(search_, 1);
  auto* filters = new QHBoxLayout;
  filters->addWidget(models_);
  filters->addWidget(dates_);
  filters->addWidget(sort_);
  filters->addStretch(1);
  filters->addWidget(compareButton);
  layout->addLayout(chooser, 0, 0);
  layout->addLayout(filters, 1, 0);
  fillFolderList();
  return bar;
}

// Icon mode with uniform item sizes lays out 10,000 rows without asking each for its size, and
// asks for data (and so thumbnails) only of the rows it paints.
void GalleryWidget::configureView() {
  view_->setModel(filter_);
  view_->setItemDelegate(new ThumbnailDelegate(kThumbnailSize, view_));
  view_->setViewMode(QListView::IconMode);
  view_->setMovement(QListView::Static);
  view_->setResizeMode(QListView::Adjust);
  view_->setUniformItemSizes(true);
  view_->setSpacing(2);
  view_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
  view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  view_->setDragDropMode(QAbstractItemView::DragOnly);
  view_->setDefaultDropAction(Qt::CopyAction);
  view_->setContextMenuPolicy(Qt::ActionsContextMenu);
  view_->addActions({reuse_, reuseSeed_, reuseNewSeed_, useAsInit_, compareAction_, copy_, reveal_, trash_});
  connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this, &GalleryWidget::showChosen);
  connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &GalleryWidget::showChosen);
  connect(view_, &QListView::activated, this, [this](const QModelIndex& index) {
    Q_EMIT openRequested(gallery_->model()->entry(filter_->mapToSource(index).row()));
  });
}

void GalleryWidget::connectFilters() {
  connect(search_, &QLineEdit::textChanged, filter_, &GalleryFilterModel::setSearchText);
  connect(models_, &QComboBox::currentIndexChanged, this, [this](int index) {
    filter_->setModelName(index <= 0 ? QString() : models_->itemText(index));
  });
  connect(dates_, &QComboBox::currentIndexChanged, this, &GalleryWidget::applyDateFilter);
  connect(sort_, &QComboBox::currentIndexChanged, this, &GalleryWidget::applySort);
  connect(gallery_->model(), &GalleryModel::modelNamesChanged, this, &GalleryWidget::fillModelFilter);
  // The proxy drops a row before its source does: the count also follows the source.
  for (QAbstractItemModel* model : {static_cast<QAbstractItemModel*>(filter_), static_cast<QAbstractItemModel*>(gallery_->model())}) {
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
      connect(model, signal, this, &GalleryWidget::updateCount);
    connect(model, &QAbstractItemModel::modelReset, this, &GalleryWidget::updateCount);
    connect(model, &QAbstractItemModel::layoutChanged, this, &GalleryWidget::updateCount);
  }
  // Queued: the model knows its rows by path again only once the removal is done.
  connect(gallery_->model(), &QAbstractItemModel::rowsRemoved, this, &GalleryWidget::forgetRemovedImage, Qt::QueuedConnection);
  connect(gallery_->model(), &QAbstractItemModel::modelReset, this, &GalleryWidget::forgetRemovedImage, Qt::QueuedConnection);
}

// An image of this gallery that left it (trashed, or removed on disk) is no longer shown.
void GalleryWidget::forgetRemovedImage() {
  const std::optional<GalleryEntry>& shown = detail_->entry();
  if (shown && showsGalleryImage() && gallery_->model()->rowOf(shown->path) < 0) {
    detail_->clear();
    showChosen();
  }
}

bool GalleryWidget::showsGalleryImage() const {
  const std::optional<GalleryEntry>& shown = detail_->entry();
  return shown && QFileInfo(shown->path).absolutePath() == gallery_->folder();
}

void GalleryWidget::showEvent(QShowEvent* event) {
  ensureOpen();
  QWidget::showEvent(event);
}

void GalleryWidget::ensureOpen() {
  if (gallery_->folder().isEmpty()) openFolder(settings_.currentFolder());
}

void GalleryWidget::openFolder(const QString& folder) {
  const QString clean = cleanFolder(folder);
  QStringList folders = settings_.folders();
  if (!folders.contains(clean)) settings_.setFolders(folders << clean);
  settings_.setCurrentFolder(clean);
  fillFolderList();
  error_->hide();
  pages_->setCurrentWidget(splitter_);
  detail_->clear();
  gallery_->open(clean);
  updateActions();
}

void GalleryWidget::fillFolderList() {
  const QSignalBlocker blocker(folders_);
  folders_->clear();
  const QString current = gallery_->folder().isEmpty() ? settings_.currentFolder() : gallery_->folder();
  for (const QString& folder : settings_.folders()) {
    folders_->addItem(QDir(folder).dirName(), folder);
    folders_->setItemData(folders_->count() - 1, QDir::toNativeSeparators(folder), Qt::ToolTipRole);
  }
  folders_->setCurrentIndex(std::max(0, folders_->findData(current)));
}

void GalleryWidget::chooseFolderToAdd() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a gallery folder"), gallery_->folder());
  if (!folder.isEmpty()) openFolder(folder);
}

void GalleryWidget::removeCurrentFolder() {
  QStringList folders = settings_.folders();
  folders.removeAll(gallery_->folder());
  settings_.setFolders(folders);  // an empty list falls back to the default gallery
  openFolder(settings_.folders().first());
}

void GalleryWidget::fillModelFilter(const QStringList& names) {
  const QString current = models_->currentIndex() > 0 ? models_->currentText() : QString();
  const QSignalBlocker blocker(models_);
  models_->clear();
  models_->addItem(tr("All models"));
  models_->addItems(names);
  const int index = current.isEmpty() ? 0 : models_->findText(current);
  models_->setCurrentIndex(std::max(0, index));
  if (index < 0) filter_->setModelName({});
}

void GalleryWidget::applyDateFilter(int choice) {
  const QDate today = QDate::currentDate();
  switch (choice) {
    case 1: return filter_->setDateRange(today, today);
    case 2: return filter_->setDateRange(today.addDays(-6), {});
    case 3: return filter_->setDateRange(today.addDays(-29), {});
    case 4: return filter_->setDateRange(QDate(today.year(), 1, 1), {});
    default: return filter_->setDateRange({}, {});
  }
}

void GalleryWidget::applySort(int choice) {
  const auto key = choice < 2 ? GalleryFilterModel::SortKey::Date : GalleryFilterModel::SortKey::Seed;
  const bool descending = choice == 0 || choice == 3;
  filter_->setSortKey(key, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
}

// The detail panel, and every action of it, is about the image the user chose: the current one
// when it is selected. The grid's current index alone is not a choice (the grid taking the focus
// back points at its first image), and a file dropped from elsewhere stays until one is chosen.
void GalleryWidget::showChosen() {
  const QModelIndex current = view_->currentIndex();
  if (current.isValid() && view_->selectionModel()->isSelected(current)) {
    const GalleryEntry& chosen = gallery_->model()->entry(filter_->mapToSource(current).row());
    const std::optional<GalleryEntry>& shown = detail_->entry();
    if (!shown || shown->path != chosen.path || shown->modifiedMs != chosen.modifiedMs) detail_->showEntry(chosen);
  } else if (showsGalleryImage()) {
    detail_->clear();
  }
  updateActions();
}

void GalleryWidget::updateActions() {
  const std::optional<GalleryEntry>& shown = detail_->entry();
  const bool reusable = shown && shown->metadata.hasSettings();
  reuse_->setEnabled(reusable);
  reuseNewSeed_->setEnabled(reusable);
  reuseSeed_->setEnabled(reusable);
  copy_->setEnabled(shown.has_value());
  useAsInit_->setEnabled(shown.has_value());
  reveal_->setEnabled(shown.has_value());
  attention_->setEnabled(shown && shown->hasAttentionMaps);
  const qsizetype selected = view_->selectionModel()->selectedIndexes().size();
  trash_->setEnabled(selected > 0);
  compareAction_->setEnabled(selected >= 2);
}

void GalleryWidget::updateCount() {
  const int total = gallery_->model()->rowCount();
  const int shown = filter_->rowCount();
  QString text = shown == total ? tr("Images: %L1").arg(total) : tr("Shown: %L1 of %L2 images").arg(shown).arg(total);
  if (gallery_->isLoading()) text = tr("Reading the gallery… %1").arg(text);
  count_->setText(text);
}

void GalleryWidget::showError(const QString& message) {
  error_->setText(message);
  error_->setToolTip(message);
  error_->show();
  Q_EMIT errorOccurred(message);
}

QList<GalleryEntry> GalleryWidget::selectedEntries() const {
  QModelIndexList indexes = view_->selectionModel()->selectedIndexes();
  std::sort(indexes.begin(), indexes.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
  QList<GalleryEntry> entries;
  for (const QModelIndex& index : indexes) entries.append(gallery_->model()->entry(filter_->mapToSource(index).row()));
  return entries;
}

void GalleryWidget::reuse(bool newSeed) {
  GenerationSettings settings = detail_->entry()->metadata.settings;
  if (newSeed) {
    settings.params.seed = QRandomGenerator::global()->generate();
    Q_EMIT reuseWithNewSeedRequested(settings);
  } else {
    Q_EMIT reuseRequested(settings);
  }
}

void GalleryWidget::copyShown() {
  QStringList paths;
  for (const GalleryEntry& entry : selectedEntries()) paths.append(entry.path);
  if (paths.isEmpty() && detail_->entry()) paths.append(detail_->entry()->path);
  if (!paths.isEmpty()) QGuiApplication::clipboard()->setMimeData(imageMimeData(paths));
}

void GalleryWidget::revealShown() {
  QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(detail_->entry()->path).absolutePath()));
}

void GalleryWidget::trashSelected() {
  for (const GalleryEntry& entry : selectedEntries()) gallery_->moveToTrash(entry.path);
}

void GalleryWidget::compareSelected() { compare(selectedEntries()); }

void GalleryWidget::compare(const QList<GalleryEntry>& entries) {
  pages_->setCurrentWidget(compare_);
  compare_->setEntries(entries);
}

bool GalleryWidget::keepsAttentionMaps() const { return settings_.autoSave() && settings_.saveAttentionMaps(); }

QCoro::Task<QString> GalleryWidget::addResult(QImage image, GenerationSettings settings, QString attentionMapsPath) {
  if (!settings_.autoSave()) co_return QString();
  co_return co_await saveResult(std::move(image), std::move(settings), std::move(attentionMapsPath));
}

QCoro::Task<QString> GalleryWidget::saveResult(QImage image, GenerationSettings settings, QString attentionMapsPath) {
  ensureOpen();
  if (!settings_.saveAttentionMaps()) attentionMapsPath.clear();
  co_return co_await gallery_->save(std::move(image), std::move(settings), std::move(attentionMapsPath));
}

QCoro::Task<> GalleryWidget::showFiles(QStringList paths) {
  const QPointer<GalleryWidget> self(this);
  const QList<GalleryEntry> entries = co_await Gallery::readImages(paths);
  if (!self || entries.isEmpty()) co_return;
  if (entries.size() > 1) {
    compare(entries);
    co_return;
  }
  view_->selectionModel()->clear();
  pages_->setCurrentWidget(splitter_);
  detail_->showEntry(entries.first());
  updateActions();
}

void GalleryWidget::dragEnterEvent(QDragEnterEvent* event) {
  if (event->source() != view_ && !localFiles(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void GalleryWidget::dropEvent(QDropEvent* event) {
  const QStringList paths = localFiles(event->mimeData());
  if (event->source() == view_ || paths.isEmpty()) return;
  event->acceptProposedAction();
  showFiles(paths);
}

}  // namespace bksdm::gallery
