#include "ui/main_window.h"
#include "app/pool_task.h"

#include <algorithm>
#include <chrono>

#include <QAbstractItemView>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QInputDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextCursor>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <qcoro/qcorofuture.h>
#include <qcoro/qcorotimer.h>

#include "app/attention/attention_export.h"
#include "app/devices.h"
#include "app/gallery/generation_settings.h"
#include "app/generated_image.h"
#include "app/hub/cached_models.h"
#include "app/hub/hub_config.h"
#include "app/hub/known_models.h"
#include "app/lora_tags.h"
#include "app/resource_library.h"
#include "app/model_catalog.h"
#include "app/model_comparison.h"
#include "app/studio.h"
#include "ui/attention/attention_panel.h"
#include "ui/gallery/gallery_widget.h"
#include "ui/grid_panel.h"
#include "ui/model_compare_dialog.h"
#include "ui/hub/model_manager_dialog.h"
#include "ui/hub/welcome_panel.h"
#include "ui/image_drag.h"
#include "ui/image_view.h"
#include "ui/init_image_panel.h"
#include "ui/mask_editor.h"
#include "ui/model_picker.h"
#include "ui/no_model_panel.h"
#include "ui/parameters_panel.h"
#include "ui/preferences_dialog.h"
#include "ui/progress_panel.h"
#include "ui/prompt_editor.h"
#include "ui/queue_panel.h"
#include "ui/resources_panel.h"
#include "ui/result_strip.h"
#include "ui/seed_field.h"
#include "ui/shortcuts_dialog.h"
#include "ui/theme.h"

namespace bksdm {
namespace {

QIcon icon(const char* name) { return appIcon(QLatin1String(name)); }

QString previewLabel(PreviewMode mode) {
  switch (mode) {
    case PreviewMode::Off: return MainWindow::tr("&Off");
    case PreviewMode::Fast: return MainWindow::tr("&Fast (latent colours)");
    case PreviewMode::Full: return MainWindow::tr("F&ull (VAE decode)");
    case PreviewMode::Taesd: return MainWindow::tr("&TAESD (tiny decoder)");
  }
  return {};
}

// The status bar's account of where the model computes: the GPU by name, memory and precision; the
// CPU by threads.
QString engineText(const LoadedModel& model) {
  const EngineOptions& engine = model.engine;
  if (engine.device == QStringLiteral("cuda")) {
    if (model.gpu.name.isEmpty()) return MainWindow::tr("CUDA \u00b7 %1").arg(engine.precision);
    return MainWindow::tr("CUDA \u00b7 %1 (%2 GiB) \u00b7 %3")
        .arg(model.gpu.name)
        .arg(double(model.gpu.totalBytes) / (1 << 30), 0, 'f', 1)
        .arg(engine.precision);
  }
  const QString device = engine.device.toUpper();
  const QString text = engine.threads == 1 ? MainWindow::tr("%1 \u00b7 1 thread").arg(device)
                                           : MainWindow::tr("%1 \u00b7 %2 threads").arg(device).arg(engine.threads);
  return engine.lowMemory ? MainWindow::tr("%1 \u00b7 low memory").arg(text) : text;
}

// The platform's keys for `key`, or `fallback` where it has none (Preferences on most Linux
// desktops; Quit on platforms without a keyboard scheme of their own, such as offscreen).
QList<QKeySequence> standardKeys(QKeySequence::StandardKey key, const QKeySequence& fallback) {
  const QList<QKeySequence> platform = QKeySequence::keyBindings(key);
  return platform.isEmpty() ? QList<QKeySequence>{fallback} : platform;
}

// An open popup (a drop-down list, a menu, a completer) or a view's cell editor takes Esc to close.
bool escapeIsTaken() {
  if (QApplication::activePopupWidget()) return true;
  // A cell editor is a child of a view's viewport, unlike the view itself.
  const QWidget* focus = QApplication::focusWidget();
  for (const QWidget* widget = focus; widget; widget = widget->parentWidget())
    if (auto* view = qobject_cast<const QAbstractItemView*>(widget)) return focus != view && focus != view->viewport();
  return false;
}

// As the menus show the action's shortcut (Qt's translated key names, e.g. "Strg+Return"), so that
// tooltips and hints name the keys the same way.
QString shortcutText(const QAction* action) { return action->shortcut().toString(QKeySequence::NativeText); }

// 1280 × 800, or nine tenths of a smaller screen (a laptop, or a large QT_SCALE_FACTOR), which
// leaves room for the window's frame and the desktop's panels.
QSize defaultWindowSize(QSize available) { return QSize(1280, 800).boundedTo(available * 0.9); }

// Scrolls up and down only, so it is at least as wide as its contents need: the left panel's
// labels and buttons fit in every language, and again when a text changes ("Add to queue").
class VerticalScrollArea : public QScrollArea {
 public:
  QSize minimumSizeHint() const override {
    const int inner = widget() ? widget()->minimumSizeHint().width() : 0;
    return {inner + verticalScrollBar()->sizeHint().width() + 2 * frameWidth(), QScrollArea::minimumSizeHint().height()};
  }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (watched == widget() && event->type() == QEvent::LayoutRequest) updateGeometry();
    return QScrollArea::eventFilter(watched, event);
  }
};

// A gallery image and its maps file, read off the UI thread.
struct SavedAttention {
  QImage image;
  ImageAttention attention;
  QString error;
};

SavedAttention readSavedAttention(const QString& imagePath, const QString& mapsPath) {
  SavedAttention read{QImage(imagePath), {}, {}};
  if (read.image.isNull()) {
    read.error = MainWindow::tr("Cannot read the image %1.").arg(QDir::toNativeSeparators(imagePath));
    return read;
  }
  try {
    read.attention = readImageAttention(mapsPath);
  } catch (const std::exception& error) {
    read.error = QString::fromUtf8(error.what());
  }
  return read;
}

// The first local image file a drag carries: what a drop on the prompt starts a run from.
QString droppedImage(const QMimeData* mime) {
  static const QStringList kSuffixes = {QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
                                        QStringLiteral("webp")};
  for (const QUrl& url : mime->urls())
    if (url.isLocalFile() && kSuffixes.contains(QFileInfo(url.toLocalFile()).suffix().toLower())) return url.toLocalFile();
  return {};
}

// A1111's and Forge's usual variation strengths for a small and a large change.
constexpr double kSubtleVariation = 0.1;
constexpr double kStrongVariation = 0.4;

QStringList droppedPngs(const QMimeData* mime) {
  QStringList paths;
  for (const QUrl& url : mime->urls())
    if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
      paths << url.toLocalFile();
  return paths;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), studio_(new Studio(this)) {
  setWindowTitle(tr("BK-SDM Studio"));
  setWindowIcon(icon("bksdm-studio"));
  buildActions();
  mainSplitter_ = new QSplitter(Qt::Horizontal, this);
  mainSplitter_->setObjectName(QStringLiteral("mainSplitter"));
  mainSplitter_->addWidget(buildControls());
  mainSplitter_->addWidget(buildCentre());
  mainSplitter_->setStretchFactor(1, 1);
  mainSplitter_->setCollapsible(0, false);
  mainSplitter_->setSizes({360, 840});
  setCentralWidget(mainSplitter_);
  setAcceptDrops(true);
  buildMenus();

  engineLabel_ = new QLabel(this);
  stepLabel_ = new QLabel(this);
  statusBar()->addPermanentWidget(stepLabel_);
  statusBar()->addPermanentWidget(engineLabel_);

  connectStudio();
  restoreSettings();
  restoreQueue();
  connectQueuePersistence();
  showModelState();
  updateActions();
  qApp->installEventFilter(this);
}

MainWindow::~MainWindow() {
  // The Studio cancels what is left as it goes; that is not the user's change to the queue.
  disconnect(studio_->queue(), nullptr, this, nullptr);
  disconnect(studio_, nullptr, this, nullptr);
  saveSettings();
}

void MainWindow::buildActions() {
  auto make = [this](const QString& text, const QIcon& icon, QKeySequence key, auto slot) {
    auto* action = new QAction(icon, text, this);
    if (!key.isEmpty()) action->setShortcut(key);
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    return action;
  };
  addFolderAction_ = make(tr("&Add Model Folder\u2026"), icon("folder-add"), QKeySequence::Open, [this] { addFolder(); });
  addFileAction_ = make(tr("Add Model &File\u2026"), {}, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] { addFile(); });
  addFileAction_->setToolTip(tr("Add a single-file checkpoint (.safetensors), as A1111 and ComfyUI keep them"));
  saveAction_ = make(tr("&Save Image As\u2026"), icon("save"), QKeySequence::Save, [this] { saveImageAs(); });
  copyAction_ = make(tr("&Copy Image"), icon("copy"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] { copyImage(); });
  generateAction_ = make(tr("&Generate"), icon("generate"), QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { generate(); });
  generateAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
  generateAction_->setShortcutContext(Qt::WindowShortcut);
  cancelAction_ = make(tr("&Cancel"), icon("cancel"), QKeySequence(Qt::Key_Escape), [this] { studio_->cancelCurrent(); });
  cancelAllAction_ = make(tr("Cancel &All"), icon("cancel-all"), QKeySequence(Qt::SHIFT | Qt::Key_Escape),
                          [this] { studio_->cancelAll(); });
  randomSeedAction_ = make(tr("&Random Seed"), icon("dice"), QKeySequence(Qt::CTRL | Qt::Key_R), [this] {
    parameters_->seedField()->randomize();
  });
  useAsInitAction_ = make(tr("&Use as Init Image"), {}, QKeySequence(Qt::CTRL | Qt::Key_I), [this] {
    if (const GeneratedImage* shown = results_->currentResult()) useAsInitImage(shown->image);
  });
  useAsInitAction_->setToolTip(tr("Start the next run from this image (img2img); paint a mask on it to repaint a part"));
  varySubtleAction_ = make(tr("Vary (&Subtle)"), {}, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_V),
                           [this] { vary(kSubtleVariation); });
  varySubtleAction_->setToolTip(tr("Queue this image again with a random variation seed at strength %1").arg(kSubtleVariation));
  varyStrongAction_ = make(tr("Vary (Str&ong)"), {}, QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_V),
                           [this] { vary(kStrongVariation); });
  varyStrongAction_->setToolTip(tr("Queue this image again with a random variation seed at strength %1").arg(kStrongVariation));
  compareTeacherAction_ = make(tr("Compare with T&eacher"), {}, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                               [this] { compareWithTeacher(); });
  compareTeacherAction_->setToolTip(tr("Run this image's settings on the model this BK-SDM model was distilled from, and "
                                       "compare the two images and each word's attention maps"));
  compareModelAction_ = make(tr("Compare with Mo&del\u2026"), {}, {}, [this] { compareWithModel(); });
  comparePromptAction_ = make(tr("Compare with &Prompt\u2026"), {}, {}, [this] { compareWithPrompt(); });
  fitAction_ = make(tr("&Fit to Window"), icon("zoom-fit"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { imageView_->fitToWindow(); });
  actualSizeAction_ = make(tr("&Actual Size (100%)"), icon("zoom-original"), QKeySequence(Qt::CTRL | Qt::Key_1),
                           [this] { imageView_->showActualSize(); });
  zoomInAction_ = make(tr("Zoom &In"), icon("zoom-in"), QKeySequence::ZoomIn, [this] { imageView_->zoomIn(); });
  zoomOutAction_ = make(tr("Zoom &Out"), icon("zoom-out"), QKeySequence::ZoomOut, [this] { imageView_->zoomOut(); });
  preferencesAction_ = make(tr("&Preferences\u2026"), icon("preferences"), QKeySequence::Preferences, [this] { showPreferences(); });
  downloadModelsAction_ = make(tr("&Download Models\u2026"), {}, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                               [this] { showModelManager(); });
  downloadModelsAction_->setToolTip(tr("Download BK-SDM and Stable Diffusion models from the Hugging Face Hub"));
  galleryAction_ = make(tr("&Gallery"), {}, QKeySequence(Qt::CTRL | Qt::Key_G), [this](bool show) { showGallery(show); });
  galleryAction_->setCheckable(true);
  resourcesAction_ = make(tr("&Resources"), {}, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                          [this](bool show) { showResources(show); });
  resourcesAction_->setCheckable(true);
  resourcesAction_->setToolTip(tr("LoRAs and embeddings: click one to add it to the prompt"));
  gridAction_ = make(tr("Gri&d"), {}, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G), [this](bool show) { showGrid(show); });
  gridAction_->setCheckable(true);
  gridAction_->setToolTip(tr("X/Y/Z grid: the form's run over up to three axes of values"));
  fitAction_->setCheckable(true);
  fitAction_->setChecked(true);
  attentionAction_ = new QAction(tr("Record Attention &Maps"), this);
  attentionAction_->setCheckable(true);
  attentionAction_->setToolTip(tr("Keep the cross-attention maps of the next runs, step by step, to see which words "
                                  "shaped which parts of the image"));
  connect(attentionAction_, &QAction::toggled, this, [this](bool record) { settings_.setAttentionMaps(record); });
  negativeAttentionAction_ = new QAction(tr("Record the &Negative Prompt's Maps Too"), this);
  negativeAttentionAction_->setCheckable(true);
  negativeAttentionAction_->setToolTip(tr("With attention maps on, also keep the negative prompt's, to see what each of "
                                          "its words steered away from"));
  connect(negativeAttentionAction_, &QAction::toggled, this,
          [this](bool record) { settings_.setNegativeAttentionMaps(record); });
  connect(attentionAction_, &QAction::toggled, negativeAttentionAction_, &QAction::setEnabled);
  tiledDecodeAction_ = new QAction(tr("Decode in &Tiles"), this);
  tiledDecodeAction_->setCheckable(true);
  tiledDecodeAction_->setToolTip(tr("Decode the image tile by tile: large images fit in less memory, and differ "
                                    "slightly where the tiles are blended"));
  connect(tiledDecodeAction_, &QAction::toggled, this, [this](bool tiled) { settings_.setTiledDecode(tiled); });
  buildHelpActions();

  auto* group = new QActionGroup(this);
  for (PreviewMode mode : {PreviewMode::Off, PreviewMode::Fast, PreviewMode::Taesd, PreviewMode::Full}) {
    auto* action = group->addAction(previewLabel(mode));
    action->setCheckable(true);
    action->setData(int(mode));
    previewActions_ << action;
  }
  connect(group, &QActionGroup::triggered, this, [this](QAction* action) {
    PreviewOptions preview = settings_.preview();
    preview.mode = static_cast<PreviewMode>(action->data().toInt());
    settings_.setPreview(preview);
  });
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(addFolderAction_);
  file->addAction(addFileAction_);
  file->addAction(downloadModelsAction_);
  file->addAction(saveAction_);
  file->addSeparator();
  file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcuts(standardKeys(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  edit->addAction(copyAction_);
  edit->addSeparator();
  edit->addAction(preferencesAction_);
  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->addAction(fitAction_);
  view->addAction(actualSizeAction_);
  view->addAction(zoomInAction_);
  view->addAction(zoomOutAction_);
  view->addSeparator();
  view->addAction(galleryAction_);
  view->addAction(resourcesAction_);
  view->addAction(gridAction_);
  QMenu* preview = view->addMenu(tr("&Live Preview"));
  preview->addActions(previewActions_);
  QMenu* run = menuBar()->addMenu(tr("&Generate"));
  run->addAction(generateAction_);
  run->addAction(cancelAction_);
  run->addAction(cancelAllAction_);
  run->addSeparator();
  run->addAction(randomSeedAction_);
  run->addSeparator();
  run->addAction(useAsInitAction_);
  run->addAction(varySubtleAction_);
  run->addAction(varyStrongAction_);
  run->addSeparator();
  run->addAction(compareTeacherAction_);
  run->addAction(compareModelAction_);
  run->addAction(comparePromptAction_);
  run->addSeparator();
  run->addAction(attentionAction_);
  run->addAction(negativeAttentionAction_);
  run->addAction(tiledDecodeAction_);
  buildHelpMenu();
}

void MainWindow::buildHelpActions() {
  preferencesAction_->setShortcuts(standardKeys(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)));
  shortcutsAction_ = new QAction(tr("&Keyboard Shortcuts"), this);
  connect(shortcutsAction_, &QAction::triggered, this, &MainWindow::showShortcuts);
  docsAction_ = new QAction(tr("&Documentation"), this);
  docsAction_->setShortcut(QKeySequence::HelpContents);
  docsAction_->setToolTip(tr("Open the app's guide (docs/app.md)"));
  connect(docsAction_, &QAction::triggered, this, &MainWindow::showDocs);
  addAction(docsAction_);
}

void MainWindow::buildHelpMenu() {
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(docsAction_);
  help->addAction(shortcutsAction_);
  help->addSeparator();
  help->addAction(tr("&About BK-SDM Studio"), this, &MainWindow::showAbout);
}

void MainWindow::showShortcuts() {
  ShortcutsDialog dialog(actionsWithShortcuts(this), this);
  dialog.exec();
}

QUrl MainWindow::docsUrl() {
  for (const char* folder : {BKSDM_INSTALLED_DOCS, BKSDM_SOURCE_DOCS}) {
    const QFileInfo guide(QDir(QString::fromUtf8(folder)), QStringLiteral("app.md"));
    if (guide.isFile()) return QUrl::fromLocalFile(guide.absoluteFilePath());
  }
  return {};
}

void MainWindow::showDocs() {
  const QUrl url = docsUrl();
  if (url.isEmpty() || !QDesktopServices::openUrl(url))
    showError(tr("Cannot open the documentation"),
              url.isEmpty() ? tr("The guide (app.md) is not installed.") : tr("No program opens %1.").arg(url.toLocalFile()));
}

void MainWindow::showAbout() {
  // Word joiners: Qt's line breaker would otherwise break "C++" between its pluses.
  const QString cpp = QStringLiteral("C\u2060+\u2060+");
  QMessageBox::about(this, tr("About BK-SDM Studio"),
                     tr("<b>BK-SDM Studio</b> %1<br>Text-to-image with Nota AI's block-removed knowledge-distilled "
                        "Stable Diffusion models (BK-SDM) and SD v1.4 / v2.1-base, in %2 on libtorch.")
                         .arg(QCoreApplication::applicationVersion(), cpp));
}

QWidget* MainWindow::buildControls() {
  picker_ = new ModelPicker;
  // "\u201c" ends its literal: lupdate 6.4 reads on past four hex digits and takes "\u201ca" for U+01CA.
  prompt_ = new PromptEditor(tr("&Prompt"), tr("What to draw, e.g. \u201c" "a lighthouse on a cliff at dawn, oil painting\u201d"));
  negativePrompt_ = new PromptEditor(tr("&Negative prompt"), tr("What to avoid, e.g. \u201c" "blurry, low quality\u201d"));
  prompt_->editor()->setMinimumHeight(90);
  negativePrompt_->editor()->setMinimumHeight(48);
  negativePrompt_->editor()->setMaximumHeight(72);
  prompt_->setTokenCounter(&studio_->tokenCounter());
  negativePrompt_->setTokenCounter(&studio_->tokenCounter());
  parameters_ = new ParametersPanel;
  initImage_ = new InitImagePanel;
  connect(initImage_, &InitImagePanel::openRequested, this, &MainWindow::openInitImage);
  connect(initImage_, &InitImagePanel::paintMaskToggled, this, &MainWindow::paintMask);
  prompt_->editor()->viewport()->setAcceptDrops(true);
  for (PromptEditor* editor : {prompt_, negativePrompt_})
    connect(parameters_, &ParametersPanel::promptSyntaxChanged, editor, &PromptEditor::setPromptSyntax);

  generateButton_ = new QPushButton(icon("generate"), tr("Generate"));
  generateButton_->setDefault(true);
  generateButton_->setToolTip(tr("Generate (%1); while a run is going, adds to the queue").arg(shortcutText(generateAction_)));
  cancelButton_ = new QPushButton(icon("cancel"), tr("Cancel"));
  cancelButton_->setToolTip(tr("Stop the current run (%1)").arg(shortcutText(cancelAction_)));
  connect(generateButton_, &QPushButton::clicked, generateAction_, &QAction::trigger);
  connect(cancelButton_, &QPushButton::clicked, cancelAction_, &QAction::trigger);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(generateButton_, 1);
  buttons->addWidget(cancelButton_);

  queue_ = new QueuePanel(studio_);
  connect(queue_, &QueuePanel::editRequested, this, &MainWindow::editQueuedJob);
  auto* download = new QToolButton;
  download->setDefaultAction(downloadModelsAction_);
  download->setAutoRaise(true);

  auto* controls = new QWidget;
  auto* layout = new QVBoxLayout(controls);
  layout->addWidget(picker_);
  layout->addWidget(download, 0, Qt::AlignRight);
  layout->addWidget(prompt_, 3);
  layout->addWidget(negativePrompt_, 1);
  layout->addWidget(initImage_);
  layout->addSpacing(6);
  layout->addWidget(parameters_);
  layout->addSpacing(6);
  layout->addLayout(buttons);
  layout->addWidget(queue_);
  layout->addStretch();

  connect(picker_, &ModelPicker::modelChosen, this, [this](const QString& location) { loadModel(location); });
  connect(picker_, &ModelPicker::addFolderRequested, this, &MainWindow::addFolder);
  connect(picker_, &ModelPicker::addFileRequested, this, &MainWindow::addFile);

  auto* scroll = new VerticalScrollArea;
  scroll->setWidget(controls);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  return scroll;
}

QWidget* MainWindow::buildCentre() {
  imageView_ = new ImageView;
  imageView_->setPlaceholder(
      tr("Write a prompt and press %1.\nThe image forms here step by step.").arg(shortcutText(generateAction_)));
  connect(imageView_, &ImageView::scaleChanged, this, [this](double, bool fitting) { fitAction_->setChecked(fitting); });
  connect(imageView_, &ImageView::dragRequested, this, [this] {
    const GeneratedImage* shown = results_->currentResult();
    if (shown && shown->image.cacheKey() == imageView_->image().cacheKey()) dragImage(imageView_, *shown);
  });
  auto* tools = new QToolBar;
  tools->setIconSize(QSize(18, 18));
  tools->addActions({fitAction_, actualSizeAction_, zoomInAction_, zoomOutAction_});
  tools->addSeparator();
  tools->addActions({saveAction_, copyAction_});
  tools->addSeparator();
  tools->addActions({useAsInitAction_, varySubtleAction_, varyStrongAction_});
  auto* imagePage = new QWidget;
  auto* imageLayout = new QVBoxLayout(imagePage);
  imageLayout->setContentsMargins(0, 0, 0, 0);
  imageLayout->setSpacing(0);
  imageLayout->addWidget(tools);
  imageLayout->addWidget(imageView_, 1);
  attention_ = new AttentionPanel;
  attention_->hide();
  connect(attention_, &AttentionPanel::overlayChanged, this, &MainWindow::showOverlay);
  connect(imageView_, &ImageView::hoveredPixelChanged, attention_, &AttentionPanel::showSharesAt);
  imageLayout->addWidget(attention_);

  noModel_ = new NoModelPanel;
  connect(noModel_, &NoModelPanel::addFolderRequested, this, &MainWindow::addFolder);
  welcome_ = new WelcomePanel;
  connect(welcome_, &WelcomePanel::addFolderRequested, this, &MainWindow::addFolder);
  connect(welcome_, &WelcomePanel::otherModelsRequested, this, &MainWindow::showModelManager);
  connect(welcome_, &WelcomePanel::modelDownloaded, this, [this](const QString& repoId) { onModelDownloaded(repoId); });
  maskEditor_ = new MaskEditor;
  maskPage_ = new QWidget;
  auto* maskLayout = new QVBoxLayout(maskPage_);
  maskLayout->setContentsMargins(0, 0, 0, 0);
  maskLayout->addWidget(new MaskToolBar(maskEditor_));
  maskLayout->addWidget(maskEditor_, 1);
  centre_ = new QStackedWidget;
  centre_->addWidget(noModel_);
  centre_->addWidget(imagePage);
  centre_->addWidget(welcome_);
  centre_->addWidget(maskPage_);

  gallery_ = new gallery::GalleryWidget;
  auto reuseSettings = [this](const gallery::GenerationSettings& settings) { reuse(settings, false); };
  connect(gallery_, &gallery::GalleryWidget::reuseRequested, this, reuseSettings);
  connect(gallery_, &gallery::GalleryWidget::reuseWithNewSeedRequested, this, reuseSettings);
  connect(gallery_, &gallery::GalleryWidget::reuseWithSeedRequested, this,
          [this](const gallery::GenerationSettings& settings) { reuse(settings, true); });
  connect(gallery_, &gallery::GalleryWidget::useAsInitImageRequested, this, [this](const QString& path) {
    useFileAsInitImage(path);
    showGallery(false);
  });
  connect(gallery_, &gallery::GalleryWidget::openRequested, this, [this](const gallery::GalleryEntry& entry) {
    const QImage image(entry.path);
    if (image.isNull()) return;
    showGallery(false);
    centre_->setCurrentIndex(centre_->indexOf(imageView_->parentWidget()));  // also with no model loaded
    imageView_->setImage(image);
  });
  connect(gallery_, &gallery::GalleryWidget::attentionMapsRequested, this,
          [this](const QString& imagePath, const QString& mapsPath) { showSavedAttention(imagePath, mapsPath); });
  connect(gallery_, &gallery::GalleryWidget::saveFailed, this,
          [this](const QString& message) { showError(tr("Cannot save to the gallery"), message); });
  connect(gallery_, &gallery::GalleryWidget::errorOccurred, this,
          [this](const QString& message) { statusBar()->showMessage(message, 6000); });
  tabs_ = new QTabWidget;
  tabs_->setDocumentMode(true);
  tabs_->addTab(centre_, tr("Image"));
  tabs_->addTab(gallery_, tr("Gallery"));
  tabs_->addTab(buildResources(), tr("Resources"));
  tabs_->addTab(buildGrid(), tr("Grid"));
  connect(tabs_, &QTabWidget::currentChanged, this, [this] {
    galleryAction_->setChecked(showsGallery());
    resourcesAction_->setChecked(tabs_->currentWidget() == resources_);
    gridAction_->setChecked(tabs_->currentWidget() == grid_);
    if (tabs_->currentWidget() == grid_) grid_->check();  // against the form as it is now
  });

  progress_ = new ProgressPanel;
  auto* top = new QWidget;
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  topLayout->addWidget(tabs_, 1);
  topLayout->addWidget(progress_);

  results_ = new ResultStrip;
  results_->setContextMenuPolicy(Qt::ActionsContextMenu);
  results_->addActions({useAsInitAction_, varySubtleAction_, varyStrongAction_});
  connect(results_, &ResultStrip::chosen, this, [this](const GeneratedImage& generated) {
    imageView_->setImage(generated.image);
    showAttentionFor(generated);
    updateActions();
  });
  imageSplitter_ = new QSplitter(Qt::Vertical);
  imageSplitter_->setObjectName(QStringLiteral("imageSplitter"));
  imageSplitter_->addWidget(top);
  imageSplitter_->addWidget(results_);
  imageSplitter_->setStretchFactor(0, 1);
  imageSplitter_->setCollapsible(0, false);
  imageSplitter_->setSizes({4000, results_->minimumHeight()});  // the strip as small as it goes
  return imageSplitter_;
}

QWidget* MainWindow::buildResources() {
  resources_ = new ResourcesPanel;
  connect(resources_, &ResourcesPanel::insertRequested, this, &MainWindow::insertIntoPrompt);
  connect(resources_, &ResourcesPanel::multiplierChanged, this, &MainWindow::setLoraMultiplier);
  connect(resources_, &ResourcesPanel::loraFolderChanged, this, [this](const QString& folder) { settings_.setLoraFolder(folder); });
  connect(resources_, &ResourcesPanel::embeddingsFolderChanged, this, [this](const QString& folder) {
    settings_.setEmbeddingsFolder(folder);
    studio_->setEmbeddingsFolder(folder);
    prompt_->setTokenCounter(&studio_->tokenCounter());  // counted again with the folder's words
    negativePrompt_->setTokenCounter(&studio_->tokenCounter());
  });
  connect(prompt_, &PromptEditor::textChanged, this, [this] { resources_->setPromptLoras(loraTags(prompt_->text())); });
  return resources_;
}

// A LoRA's tag or an embedding's word at the prompt's cursor, as a word of its own.
void MainWindow::insertIntoPrompt(const QString& text) {
  QPlainTextEdit* editor = prompt_->editor();
  QTextCursor cursor = editor->textCursor();
  const QString prompt = editor->toPlainText();
  const int at = cursor.selectionStart();
  const bool spaceBefore = at > 0 && !prompt[at - 1].isSpace();
  const bool spaceAfter = cursor.selectionEnd() < prompt.size() && prompt[cursor.selectionEnd()].isLetterOrNumber();
  cursor.insertText((spaceBefore ? QStringLiteral(" ") : QString()) + text + (spaceAfter ? QStringLiteral(" ") : QString()));
  editor->setTextCursor(cursor);
  editor->setFocus();
}

// The prompt's tags of `loraName` with the new multiplier, as one undo step, the cursor kept.
void MainWindow::setLoraMultiplier(const QString& loraName, double multiplier) {
  QPlainTextEdit* editor = prompt_->editor();
  const QString text = withLoraMultiplier(editor->toPlainText(), loraName, multiplier);
  if (text == editor->toPlainText()) return;
  const int position = editor->textCursor().position();
  QTextCursor cursor(editor->document());
  cursor.select(QTextCursor::Document);
  cursor.insertText(text);
  cursor.setPosition(std::min(position, int(text.size())));
  editor->setTextCursor(cursor);
}

void MainWindow::connectStudio() {
  connect(studio_, &Studio::jobStarted, this, &MainWindow::onJobStarted);
  connect(studio_, &Studio::stageStarted, this, &MainWindow::onStage);
  connect(studio_, &Studio::stepProgress, this, &MainWindow::onStep);
  connect(studio_, &Studio::previewReady, this, &MainWindow::onPreview);
  connect(studio_, &Studio::previewFallback, this,
          [this](quint64, const QString& message) { statusBar()->showMessage(message, 10000); });
  connect(studio_, &Studio::jobDone, this, &MainWindow::onJobDone);
  connect(studio_, &Studio::runningChanged, this, &MainWindow::updateActions);
  connect(studio_->queue(), &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
}

void MainWindow::restoreSettings() {
  const GenerationParams params = settings_.params();
  prompt_->setText(params.prompt);
  negativePrompt_->setText(params.negativePrompt);
  resources_->setLoraFolder(settings_.loraFolder());
  resources_->setEmbeddingsFolder(settings_.embeddingsFolder());
  parameters_->setParams(params);
  parameters_->seedField()->setLocked(settings_.seedLocked());
  attentionAction_->setChecked(settings_.attentionMaps());
  negativeAttentionAction_->setChecked(settings_.negativeAttentionMaps());
  negativeAttentionAction_->setEnabled(attentionAction_->isChecked());
  tiledDecodeAction_->setChecked(settings_.tiledDecode());
  const PreviewMode mode = settings_.preview().mode;
  for (QAction* action : previewActions_) action->setChecked(action->data().toInt() == int(mode));
  if (restoreGeometry(settings_.windowGeometry()))
    fitIntoScreen();
  else
    resize(defaultWindowSize(screen()->availableGeometry().size()));
  restoreState(settings_.windowState());
  mainSplitter_->restoreState(settings_.splitterState(mainSplitter_->objectName()));
  imageSplitter_->restoreState(settings_.splitterState(imageSplitter_->objectName()));
}

// A saved geometry from a larger screen, or another scale factor, is shrunk and moved onto the
// screen the window opens on, so that its status bar and queue can be reached.
void MainWindow::fitIntoScreen() {
  const QRect available = screen()->availableGeometry();
  QRect frame = geometry();
  if (available.contains(frame)) return;
  frame.setSize(frame.size().boundedTo(available.size()).expandedTo(minimumSizeHint().boundedTo(available.size())));
  frame.moveLeft(std::clamp(frame.left(), available.left(), available.right() - frame.width() + 1));
  frame.moveTop(std::clamp(frame.top(), available.top(), available.bottom() - frame.height() + 1));
  setGeometry(frame);
}

void MainWindow::saveSettings() {
  GenerationParams params = parameters_->params();
  params.prompt = prompt_->text();
  params.negativePrompt = negativePrompt_->text();
  settings_.setParams(params);
  settings_.setSeedLocked(parameters_->seedField()->isLocked());
  settings_.setWindowGeometry(saveGeometry());
  settings_.setWindowState(saveState());
  settings_.setSplitterState(mainSplitter_->objectName(), mainSplitter_->saveState());
  settings_.setSplitterState(imageSplitter_->objectName(), imageSplitter_->saveState());
  settings_.sync();
}

QCoro::Task<> MainWindow::start(StartupOptions options) {
  QPointer<MainWindow> self(this);
  reportStalls_ = options.reportStalls;
  co_await refreshModels();
  if (!self) co_return;
  const QString model = options.model.isEmpty() ? settings_.lastModel() : options.model;
  bool loaded = false;
  if (!model.isEmpty()) loaded = co_await loadModel(model);
  if (!self) co_return;
  applyOptions(options);
  if (options.generate && loaded) {
    const quint64 id = studio_->enqueue(currentParams(), settings_.preview());
    co_await studio_->outcome(id);
    if (!self) co_return;
  }
  if (!options.screenshot.isEmpty()) co_await takeScreenshot(options.screenshot);  // also of a failed load
}

void MainWindow::applyOptions(const StartupOptions& options) {
  if (options.prompt) prompt_->setText(*options.prompt);
  if (options.negativePrompt) negativePrompt_->setText(*options.negativePrompt);
  GenerationParams params = parameters_->params();
  if (options.steps) params.steps = *options.steps;
  if (options.scheduler) params.scheduler = *options.scheduler;
  if (options.size) {
    params.width = options.size->width();
    params.height = options.size->height();
  }
  if (options.seed) {
    params.seed = *options.seed;
    parameters_->seedField()->setLocked(true);
  }
  parameters_->setParams(params);
}

QCoro::Task<> MainWindow::refreshModels() {
  QPointer<MainWindow> self(this);
  const QList<ModelEntry> models = co_await discoverModels(settings_.modelFolders());
  if (!self) co_return;
  picker_->setModels(models);
  if (!loadedLocation_.isEmpty()) picker_->setCurrentLocation(loadedLocation_);
  modelsKnown_ = true;
  showModelState();
}

QCoro::Task<bool> MainWindow::loadModel(QString location) {
  QPointer<MainWindow> self(this);
  const bool sameAsLast = location == settings_.lastModel();
  const QString name = displayName(QFileInfo(location).fileName());
  picker_->setCurrentLocation(location);
  picker_->setBusy(true, tr("Loading %1\u2026").arg(name));
  noModel_->setDetail(tr("Loading %1\u2026").arg(name));
  loadedLocation_.clear();
  showModelState();
  statusBar()->showMessage(tr("Loading %1\u2026").arg(name));
  const LoadOutcome outcome = co_await studio_->loadModel(location, settings_.engine());
  if (!self) co_return false;
  picker_->setBusy(false);
  statusBar()->clearMessage();
  if (!outcome.ok) {
    picker_->setInfo(outcome.error);
    noModel_->setDetail(tr("Could not load %1:\n%2").arg(name, outcome.error));
    showModelState();
    showError(tr("Cannot load the model"), outcome.error);
    co_return false;
  }
  const LoadedModel& model = outcome.model;
  loadedLocation_ = location;
  settings_.setLastModel(location);
  const GenerationParams kept = parameters_->params();
  parameters_->setTextEncoderLayers(model.textEncoderLayers);
  parameters_->applyModelDefaults(model.defaultSize, model.defaultScheduler);
  if (sameAsLast) parameters_->setParams(kept);  // the user's values for this model win over its defaults
  picker_->setInfo(tr("%1 \u00b7 %2 U-Net \u00b7 %3 px \u00b7 loaded in %4 s")
                       .arg(model.entry.family, model.entry.layout)
                       .arg(model.defaultSize)
                       .arg(model.seconds, 0, 'f', 1));
  noModel_->setDetail({});
  prompt_->setTokenCounter(&studio_->tokenCounter());
  negativePrompt_->setTokenCounter(&studio_->tokenCounter());
  engineLabel_->setText(engineText(model));
  setWindowTitle(tr("%1 \u2014 BK-SDM Studio").arg(model.entry.name));
  showModelState();
  updateActions();
  statusBar()->showMessage(tr("Loaded %1").arg(model.entry.name), 4000);
  co_return true;
}

void MainWindow::showModelState() {
  // Welcome only when nothing was found and nothing is loading or failed to load.
  const bool firstRun = modelsKnown_ && picker_->models().isEmpty() && noModel_->detail().isEmpty();
  QWidget* panel = firstRun ? static_cast<QWidget*>(welcome_) : noModel_;
  const bool painting = initImage_->paintMaskButton()->isChecked();
  centre_->setCurrentWidget(painting ? maskPage_ : studio_->model() ? centre_->widget(1) : panel);
  if (!studio_->model()) {
    engineLabel_->setText(tr("No model"));
    setWindowTitle(tr("BK-SDM Studio"));
  }
  updateActions();
}

bool MainWindow::showsNoModelPanel() const {
  return centre_->currentWidget() == noModel_ || showsWelcomePanel();
}

bool MainWindow::showsWelcomePanel() const { return centre_->currentWidget() == welcome_; }

bool MainWindow::showsGallery() const { return tabs_->currentWidget() == gallery_; }

void MainWindow::showGallery(bool show) {
  tabs_->setCurrentWidget(show ? static_cast<QWidget*>(gallery_) : centre_);
}

void MainWindow::showResources(bool show) {
  tabs_->setCurrentWidget(show ? static_cast<QWidget*>(resources_) : centre_);
}

void MainWindow::showGrid(bool show) { tabs_->setCurrentWidget(show ? static_cast<QWidget*>(grid_) : centre_); }

QWidget* MainWindow::buildGrid() {
  grid_ = new GridPanel;
  // The seed as the form gives it, without drawing a new one for an unlocked seed at each check.
  grid_->setBaseSource([this] {
    GenerationParams params = currentParams();
    params.seed = parameters_->seedField()->value();
    return params;
  });
  connect(grid_, &GridPanel::gridRequested, this, &MainWindow::makeGrid);
  connect(grid_, &GridPanel::reuseRequested, this, [this](const GenerationParams& params) {
    reuse({params, 0, QCoreApplication::applicationVersion(), QDateTime::currentDateTime()}, true);
  });
  connect(grid_, &GridPanel::cellActivated, this, [this](const GenerationParams& params, const QImage& image) {
    results_->add(GeneratedImage{image, params, 0, {}});
    tabs_->setCurrentWidget(centre_);
  });
  return grid_;
}

ModelCompareDialog* MainWindow::lastComparison() const { return lastComparison_; }

void MainWindow::compareWithTeacher() {
  const QString teacher = teacherRepo(studio_->model() ? studio_->model()->entry.location : QString());
  if (teacher.isEmpty()) {
    compareWithModel();  // not a BK-SDM model: the user names the other
    return;
  }
  if (!isModelCached(HubConfig::fromEnvironment().cacheDir, teacher)) {
    showError(tr("The teacher is not downloaded"),
              tr("%1 was distilled from %2. Download it first (File > Download Models), then compare again.")
                  .arg(studio_->model()->entry.name, teacher));
    return;
  }
  compareRuns(teacher, QString());
}

void MainWindow::compareWithModel() {
  QStringList names;
  QStringList locations;
  for (const ModelEntry& entry : picker_->models())
    if (entry.location != loadedLocation_ && entry.problems.isEmpty()) {
      names << entry.name;
      locations << entry.location;
    }
  if (names.isEmpty()) {
    statusBar()->showMessage(tr("No other model to compare with: add or download one."), 5000);
    return;
  }
  bool chosen = false;
  const QString name = QInputDialog::getItem(this, tr("Compare with Model"), tr("Run this image's settings on:"), names, 0, false, &chosen);
  if (chosen) compareRuns(locations[names.indexOf(name)], QString());
}

void MainWindow::compareWithPrompt() {
  const GeneratedImage* shown = results_->currentResult();
  if (!shown) return;
  bool chosen = false;
  const QString prompt = QInputDialog::getMultiLineText(this, tr("Compare with Prompt"), tr("Prompt B, on the same seed and settings:"),
                                                        shown->params.prompt, &chosen);
  if (chosen && !prompt.trimmed().isEmpty()) compareRuns(QString(), prompt);
}

QCoro::Task<> MainWindow::compareRuns(QString modelB, QString promptB) {
  QPointer<MainWindow> self(this);
  const GeneratedImage* shown = results_->currentResult();
  if (!shown || !studio_->model()) co_return;
  GenerationParams params = variationOf(shown->params, shown->batchIndex, shown->params.subseed, shown->params.subseedStrength);
  params.attentionMaps = true;
  const int image = params.numImages > 1 ? shown->batchIndex : 0;  // a shared-noise batch stays whole
  const QString modelA = loadedLocation_;
  const QString nameA = studio_->model()->entry.name;
  statusBar()->showMessage(tr("Comparing: the first run\u2026"));
  const GenerationOutcome a = co_await studio_->generate(params, settings_.preview());
  if (!self || a.status != GenerationOutcome::Status::Finished) co_return;
  GenerationParams paramsB = a.params;  // its size and scheduler as resolved
  if (!promptB.isEmpty()) paramsB.prompt = promptB;
  if (!modelB.isEmpty() && !co_await loadModel(modelB)) {
    if (self) co_await loadModel(modelA);
    co_return;
  }
  if (!self) co_return;
  const QString nameB = studio_->model()->entry.name;
  statusBar()->showMessage(tr("Comparing: the second run\u2026"));
  const GenerationOutcome b = co_await studio_->generate(paramsB, settings_.preview());
  if (!self) co_return;
  if (!modelB.isEmpty()) {
    co_await loadModel(modelA);
    if (!self) co_return;
  }
  if (b.status != GenerationOutcome::Status::Finished) co_return;
  QFuture<QList<WordAgreement>> measured = runInPool([a, b, image] {
    return wordAgreements(a.images[image], a.attention[image], b.images[image], b.attention[image]);
  });
  const QList<WordAgreement> words = co_await measured;
  if (!self) co_return;
  const bool samePrompt = promptB.isEmpty();
  auto* dialog = new ModelCompareDialog(samePrompt ? nameA : tr("A: %1").arg(params.prompt.left(40)), a.images[image],
                                        samePrompt ? nameB : tr("B: %1").arg(promptB.left(40)), b.images[image], words, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
  lastComparison_ = dialog;
  statusBar()->clearMessage();
}

QCoro::Task<> MainWindow::makeGrid(GridPlan plan) {
  QPointer<MainWindow> self(this);
  if (!studio_->model()) {
    statusBar()->showMessage(tr("Load a model first."), 4000);
    co_return;
  }
  for (const quint64 job : gridJobs_.keys()) studio_->remove(job);  // a new grid replaces the last
  gridJobs_.clear();
  grid_->start(plan);
  statusBar()->showMessage(tr("Grid: runs queued: %1").arg(plan.runOrder.size()), 4000);
  const QString loaded = loadedLocation_;
  // runOrder keeps each model's cells together: one group per model.
  for (qsizetype first = 0; first < plan.runOrder.size();) {
    const QString model = plan.cells[plan.runOrder[first]].modelId;
    qsizetype end = first;
    while (end < plan.runOrder.size() && plan.cells[plan.runOrder[end]].modelId == model) ++end;
    if (!model.isEmpty() && model != loadedLocation_ && !co_await loadModel(model)) {
      if (!self) co_return;
      for (qsizetype i = first; i < end; ++i) grid_->setCellMissing(plan.runOrder[i], tr("failed"));
      first = end;
      continue;
    }
    if (!self) co_return;
    quint64 last = 0;
    for (qsizetype i = first; i < end; ++i) gridJobs_.insert(last = studio_->enqueue(plan.cells[plan.runOrder[i]], settings_.preview()), plan.runOrder[i]);
    // The queue runs in order: when the group's last job has ended, so have the others.
    const GenerationOutcome ended = co_await studio_->outcome(last);
    if (!self || ended.status == GenerationOutcome::Status::Cancelled) break;
    first = end;
  }
  if (self && !loaded.isEmpty() && loadedLocation_ != loaded) co_await loadModel(loaded);
}

bool MainWindow::takeGridOutcome(const GenerationOutcome& outcome) {
  const auto job = gridJobs_.find(outcome.jobId);
  if (job == gridJobs_.end()) return false;
  const int cell = job.value();
  gridJobs_.erase(job);
  if (outcome.status == GenerationOutcome::Status::Finished && !outcome.images.isEmpty())
    grid_->setCellImage(cell, outcome.images.front());
  else
    grid_->setCellMissing(cell, outcome.status == GenerationOutcome::Status::Cancelled ? tr("cancelled") : tr("failed"));
  const bool anyMade = std::any_of(grid_->cellImages().begin(), grid_->cellImages().end(), [](const QImage& i) { return !i.isNull(); });
  if (gridJobs_.isEmpty() && anyMade) keepGrid(grid_->plan(), grid_->cellImages());
  return true;
}

QCoro::Task<> MainWindow::keepGrid(GridPlan plan, QList<QImage> cellImages) {
  QPointer<MainWindow> self(this);
  for (int z = 0; z < plan.grids && self; ++z) {
    const int first = plan.madeBy[z * plan.cellsPerGrid()];
    gallery::GenerationSettings settings{plan.cells[first], 0, QCoreApplication::applicationVersion(), QDateTime::currentDateTime()};
    co_await gallery_->addResult(gridImage(plan, z, cellImages), std::move(settings), QString());
  }
}

GenerationParams MainWindow::currentParams() {
  GenerationParams params = parameters_->params();
  params.seed = parameters_->seedField()->seedForRun();
  params.prompt = prompt_->text();
  params.negativePrompt = negativePrompt_->text();
  params.attentionMaps = attentionAction_->isChecked();
  params.negativeAttentionMaps = negativeAttentionAction_->isChecked();
  params.layerAttentionMaps = attention_->keepsLayerMaps();
  params.tiledDecode = tiledDecodeAction_->isChecked();
  params.loraFolder = resources_->loraFolder();
  params.embeddingsFolder = resources_->embeddingsFolder();
  params.loraTeacherBlocks = resources_->teacherBlocks();
  initImage_->applyTo(params);
  return params;
}

void MainWindow::generate() {
  if (!studio_->model()) {
    statusBar()->showMessage(tr("Load a model first."), 4000);
    return;
  }
  const GenerationParams params = currentParams();
  showGallery(false);
  studio_->enqueue(params, settings_.preview());
  settings_.setParams(params);
  if (studio_->queue()->rowCount() > 0)
    statusBar()->showMessage(tr("Queued: %1 waiting").arg(studio_->queue()->rowCount()), 3000);
}

void MainWindow::onJobStarted(const GenerationJob& job) {
  shownJob_ = job.id;
  progress_->start(job);
  stallMonitor_.start();
  updateActions();
}

void MainWindow::onStage(quint64 jobId, JobStage stage) {
  if (jobId == shownJob_) progress_->enterStage(stage);
}

void MainWindow::onStep(const StepProgress& progress) {
  if (progress.jobId != shownJob_) return;
  progress_->step(progress);
  QString text = tr("%1 s/step").arg(progress.seconds, 0, 'f', 3);
  if (progress.previewSeconds > 0) text += tr(" \u00b7 preview %1 ms").arg(progress.previewSeconds * 1000, 0, 'f', 1);
  stepLabel_->setText(text);
}

void MainWindow::onPreview(quint64 jobId, int, const QImage& image) {
  if (jobId == shownJob_) imageView_->setImage(image);
}

void MainWindow::onJobDone(const GenerationOutcome& outcome) {
  updateActions();
  if (outcome.status == GenerationOutcome::Status::Finished)
    grid_->setPace(outcome.params, outcome.seconds, outcome.decodeSeconds);
  takeGridOutcome(outcome);
  if (outcome.jobId != shownJob_) return;  // removed from the queue before it ran
  stallMonitor_.stop();
  lastRunStallMs_ = stallMonitor_.longestStallMs();
  stepLabel_->setToolTip(tr("Longest event-loop stall in the last run: %1 ms").arg(lastRunStallMs_, 0, 'f', 1));
  if (reportStalls_)
    qInfo("run %llu: longest event-loop stall %.1f ms over %.2f s", outcome.jobId, lastRunStallMs_, outcome.seconds);
  progress_->finish(outcome);
  switch (outcome.status) {
    case GenerationOutcome::Status::Finished:
      resources_->showNotes(outcome.notes);
      attention_->setResults(outcome.images, outcome.attention, outcome.negativeAttention);
      for (int i = 0; i < outcome.images.size(); ++i) {
        results_->add(GeneratedImage{outcome.images[i], outcome.params, i, {}});
        keepInGallery(results_->count() - 1, outcome.images[i], gallerySettings(outcome, i),
                      i < outcome.attention.size() ? outcome.attention[i] : ImageAttention{});
      }
      if (outcome.promptTruncated)
        statusBar()->showMessage(tr("The prompt was longer than %1 tokens; the rest was cut.")
                                     .arg(TokenCount::limit(outcome.params.promptSyntax == QStringLiteral("plain"))),
                                 6000);
      break;
    case GenerationOutcome::Status::Cancelled:
      showCancelledRun();
      statusBar()->showMessage(tr("Cancelled."), 3000);
      break;
    case GenerationOutcome::Status::Failed:
      resources_->showNotes({});  // the last notes were another run's
      showError(tr("The run failed"), outcome.error);
      break;
  }
}

// The cancelled run's last preview goes: the view shows the shown result again, or nothing.
void MainWindow::showCancelledRun() {
  const GeneratedImage* shown = results_->currentResult();
  imageView_->setImage(shown ? shown->image : QImage());
  updateActions();
}

// The run as the worker describes it, its model included: the model loaded now may be another.
gallery::GenerationSettings MainWindow::gallerySettings(const GenerationOutcome& outcome, int batchIndex) const {
  return {outcome.params, batchIndex, QCoreApplication::applicationVersion(), QDateTime::currentDateTime()};
}

// Saves a finished image into the gallery (when it saves every image), with its attention maps as
// writeImageAttention keeps them, and tells the result strip where it went.
QCoro::Task<> MainWindow::keepInGallery(int row, QImage image, gallery::GenerationSettings settings, ImageAttention attention) {
  QPointer<MainWindow> self(this);
  QString mapsPath;
  if (!attention.isEmpty() && gallery_->keepsAttentionMaps()) {
    mapsPath = scratch_.filePath(QStringLiteral("maps-%1.safetensors").arg(++scratchFiles_));
    // Named, not a temporary inside co_await: GCC 12 destroys such lambda temporaries twice.
    QFuture<QString> written = runInPool([mapsPath, attention = std::move(attention)] {
      try {
        writeImageAttention(mapsPath, attention);
        return QString();
      } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
      }
    });
    const QString error = co_await written;
    if (!self) co_return;
    if (!error.isEmpty()) {
      statusBar()->showMessage(error, 6000);
      mapsPath.clear();
    }
  }
  const QString saved = co_await gallery_->addResult(std::move(image), std::move(settings), mapsPath);
  if (!mapsPath.isEmpty()) QFile::remove(mapsPath);
  if (self && !saved.isEmpty()) results_->setSavedPath(row, saved);
}

// A gallery image's saved maps in the attention panel, under the image.
QCoro::Task<> MainWindow::showSavedAttention(QString imagePath, QString mapsPath) {
  QPointer<MainWindow> self(this);
  QFuture<SavedAttention> reading = runInPool(readSavedAttention, imagePath, mapsPath);
  const SavedAttention read = co_await reading;
  if (!self) co_return;
  if (!read.error.isEmpty()) {
    showError(tr("Cannot open the attention maps"), read.error);
    co_return;
  }
  showGallery(false);
  centre_->setCurrentIndex(centre_->indexOf(imageView_->parentWidget()));  // also with no model loaded
  imageView_->setImage(read.image);
  attention_->setResults({read.image}, {read.attention});
  attention_->setVisible(true);
}

// The form as it was for a gallery image; its model first, so that the model's defaults do not
// overwrite the reused size and scheduler.
QCoro::Task<> MainWindow::reuse(gallery::GenerationSettings settings, bool lockSeed) {
  QPointer<MainWindow> self(this);
  ResourcePlaces places{resources_->loraFolder(), resources_->embeddingsFolder(), {},
                        cachedVaeFolders(HubConfig::fromEnvironment().cacheDir)};
  for (const ModelEntry& entry : picker_->models()) places.models << entry.location;
  if (!settings_.engine().vae.isEmpty()) places.vaeFolders << settings_.engine().vae;
  const FoundRunFiles found = co_await findRunFiles(settings.params, places);
  if (!self) co_return;
  const GenerationParams& saved = found.params;
  // The VAE decides the image as much as the model; it is loaded with the model, as Preferences does.
  const bool vaeChanges = !found.vae.isEmpty() && found.vae != settings_.engine().vae;
  if (vaeChanges) {
    EngineOptions engine = settings_.engine();
    engine.vae = found.vae;
    settings_.setEngine(engine);
  }
  prompt_->setText(saved.prompt);
  negativePrompt_->setText(saved.negativePrompt);
  QString model = saved.modelId;
  if (model.isEmpty()) model = loadedLocation_;
  if (!model.isEmpty() && (model != loadedLocation_ || vaeChanges)) {
    co_await loadModel(model);
    if (!self) co_return;
  }
  parameters_->setParams(saved);
  initImage_->setFrom(saved);
  resources_->setTeacherBlocks(saved.loraTeacherBlocks);
  if (lockSeed) parameters_->seedField()->setLocked(true);
  showGallery(false);
  const bool locked = parameters_->seedField()->isLocked();
  QString message = locked ? tr("Settings reused, seed locked; press %1 to generate.").arg(shortcutText(generateAction_))
                           : tr("Settings reused; the seed is unlocked, so the next run draws a new one.");
  if (vaeChanges) message += QLatin1Char(' ') + tr("VAE set to %1, as the image was made with it.").arg(QDir::toNativeSeparators(found.vae));
  if (!found.missing.isEmpty())
    message += QLatin1Char(' ') + tr("Not found by name or hash: %1.").arg(found.missing.join(QStringLiteral(", ")));
  statusBar()->showMessage(message, found.missing.isEmpty() && !vaeChanges ? 4000 : 10000);
}

// The attention panel shows the latest run's maps, for whichever of its images is shown.
void MainWindow::showAttentionFor(const GeneratedImage& generated) {
  attention_->setVisible(attention_->showImage(generated.image) && attention_->hasMaps());
}

void MainWindow::showOverlay(const QImage& overlay) {
  imageView_->setImage(overlay.isNull() ? attention_->image() : overlay);
}

void MainWindow::updateActions() {
  const bool model = studio_->model().has_value();
  const bool running = studio_->isRunning();
  const bool image = !imageView_->image().isNull() && results_->currentResult();
  generateAction_->setEnabled(model);
  generateButton_->setEnabled(model);
  generateButton_->setText(running ? tr("Add to queue") : tr("Generate"));
  cancelAction_->setEnabled(running);
  cancelButton_->setEnabled(running);
  cancelAllAction_->setEnabled(running || !studio_->queue()->isEmpty());
  saveAction_->setEnabled(image);
  copyAction_->setEnabled(image);
  useAsInitAction_->setEnabled(image);
  varySubtleAction_->setEnabled(image && model);
  varyStrongAction_->setEnabled(image && model);
  for (QAction* compare : {compareTeacherAction_, compareModelAction_, comparePromptAction_}) compare->setEnabled(image && model && !running);
}

void MainWindow::openInitImage() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Start from an image"), QDir::homePath(),
                                                    tr("Images (*.png *.jpg *.jpeg *.webp)"));
  if (!path.isEmpty()) useFileAsInitImage(path);
}

void MainWindow::useFileAsInitImage(const QString& path) {
  QString error;
  const QString stored = inputs_.addFile(path, &error);
  setInitImage(stored, error);
}

void MainWindow::useAsInitImage(const QImage& image) {
  QString error;
  const QString stored = inputs_.addImage(image, &error);
  setInitImage(stored, error);
}

// The form takes the image's size (rounded down to a multiple of 8), as a run would without one.
void MainWindow::setInitImage(const QString& storedPath, const QString& error) {
  if (storedPath.isEmpty()) {
    showError(tr("Cannot start from this image"), error);
    return;
  }
  initImage_->setInitImage(storedPath);
  const QSize size = QImageReader(storedPath).size();
  if (size.isValid()) {
    GenerationParams params = parameters_->params();
    params.width = size.width() - size.width() % 8;
    params.height = size.height() - size.height() % 8;
    parameters_->setParams(params);
  }
  statusBar()->showMessage(tr("The next run starts from this image; paint a mask to repaint only a part."), 5000);
}

// The mask is painted in the image area; leaving the painting keeps what was painted as a file.
void MainWindow::paintMask(bool painting) {
  if (painting) {
    maskEditor_->setImage(QImage(initImage_->initImage()));
    if (!initImage_->mask().isEmpty()) maskEditor_->setMask(QImage(initImage_->mask()));
    showGallery(false);
    centre_->setCurrentWidget(maskPage_);
    maskEditor_->setFocus();
    return;
  }
  QString stored, error;
  if (maskEditor_->hasPaint()) stored = inputs_.addImage(maskEditor_->mask(), &error);
  if (!error.isEmpty()) showError(tr("Cannot keep the mask"), error);
  initImage_->setMask(stored);
  showModelState();
}

// The shown result again with a random variation seed, queued at once.
void MainWindow::vary(double strength) {
  const GeneratedImage* shown = results_->currentResult();
  if (!shown || !studio_->model()) return;
  const quint64 subseed = QRandomGenerator::global()->bounded(quint64(1) << 32);
  studio_->enqueue(variationOf(shown->params, shown->batchIndex, subseed, strength), settings_.preview());
  statusBar()->showMessage(tr("A variation is queued (strength %1).").arg(strength), 3000);
}

void MainWindow::addFolder() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a model folder"), QDir::homePath());
  if (!folder.isEmpty()) addModel(folder);
}

void MainWindow::addFile() {
  const QString file = QFileDialog::getOpenFileName(this, tr("Add a model file"), QDir::homePath(),
                                                    tr("Safetensors checkpoints (*.safetensors)"));
  if (!file.isEmpty()) addModel(file);
}

// A model folder or single-file checkpoint the picker lists from now on, loaded at once.
QCoro::Task<> MainWindow::addModel(QString location) {
  QPointer<MainWindow> self(this);
  // Named, not a temporary inside co_await: GCC 12 destroys such lambda temporaries twice.
  QFuture<QString> checked = runInPool([location] {
    try {
      const ModelEntry entry = describeModel(location);
      return entry.problems;
    } catch (const std::exception& error) {
      return QString::fromUtf8(error.what());
    }
  });
  const QString problem = co_await checked;
  if (!self) co_return;
  if (!problem.isEmpty()) {
    showError(tr("Not a usable model"), problem);
    co_return;
  }
  QStringList locations = settings_.modelFolders();
  if (!locations.contains(location)) settings_.setModelFolders(locations << location);
  co_await refreshModels();
  if (self) co_await loadModel(location);
}

void MainWindow::saveImageAs() {
  const GeneratedImage* current = results_->currentResult();
  if (!current) return;
  const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                                .filePath(QStringLiteral("bksdm-%1.png").arg(current->params.seed));
  const QString path = QFileDialog::getSaveFileName(this, tr("Save image"), suggested, tr("Images (*.png *.jpg *.webp)"));
  if (!path.isEmpty()) saveImage(path);
}

QCoro::Task<> MainWindow::saveImage(QString path) {
  QPointer<MainWindow> self(this);
  const QString error = co_await bksdm::saveImage(*results_->currentResult(), path);
  if (!self) co_return;
  if (!error.isEmpty())
    showError(tr("Cannot save the image"), error);
  else
    statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
}

void MainWindow::copyImage() {
  if (const GeneratedImage* current = results_->currentResult()) {
    QGuiApplication::clipboard()->setImage(current->image);
    statusBar()->showMessage(tr("Image copied."), 2000);
  }
}

void MainWindow::showPreferences() {
  PreferencesDialog dialog(settings_.preview(), settings_.engine(), settings_.theme(), availableDevices(), cudaGpu(),
                           this);
  if (dialog.exec() != QDialog::Accepted) return;
  settings_.setPreview(dialog.preview());
  for (QAction* action : previewActions_) action->setChecked(action->data().toInt() == int(dialog.preview().mode));
  if (dialog.theme() != settings_.theme()) {
    settings_.setTheme(dialog.theme());
    applyTheme(*qApp, dialog.theme());
  }
  if (!(dialog.engine() == settings_.engine())) {
    settings_.setEngine(dialog.engine());
    if (!loadedLocation_.isEmpty()) loadModel(loadedLocation_);
  }
}

void MainWindow::showModelManager() {
  if (!manager_) {
    manager_ = new ModelManagerDialog(HubConfig::fromEnvironment(), this);
    manager_->setAttribute(Qt::WA_DeleteOnClose);
    connect(manager_, &ModelManagerDialog::modelDownloaded, this, [this](const QString& repoId) { onModelDownloaded(repoId); });
  }
  manager_->show();
  manager_->raise();
  manager_->activateWindow();
}

// A downloaded model joins the picker; it is loaded at once when none is, else on request.
QCoro::Task<> MainWindow::onModelDownloaded(QString repoId) {
  QPointer<MainWindow> self(this);
  if (const KnownModel* known = findKnownModel(repoId); known && known->isVae()) {
    statusBar()->showMessage(tr("%1 is downloaded: choose it as the VAE in Preferences (TAESD serves the TAESD previews).")
                                 .arg(repoId),
                             8000);
    co_return;
  }
  co_await refreshModels();
  if (!self) co_return;
  if (!studio_->model()) {
    co_await loadModel(repoId);
    co_return;
  }
  auto* box = new QMessageBox(QMessageBox::Question, tr("Model downloaded"),
                              tr("%1 is downloaded. Load it now?").arg(repoId), QMessageBox::Yes | QMessageBox::No, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::finished, this, [this, repoId](int button) {
    if (button == QMessageBox::Yes) loadModel(repoId);
  });
  box->open();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (!droppedPngs(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QStringList paths = droppedPngs(event->mimeData());
  if (paths.isEmpty()) return;
  event->acceptProposedAction();
  showGallery(true);
  gallery_->showFiles(paths);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!confirmQuit()) {
    event->ignore();
    return;
  }
  saveQueue();
  persistQueue_ = false;
  QMainWindow::closeEvent(event);
}

bool MainWindow::confirmQuit() {
  const int waiting = studio_->queue()->rowCount() - studio_->queue()->heldCount();
  if (!studio_->isRunning() && waiting == 0) return true;  // paused jobs are kept anyway
  QStringList pending;
  if (studio_->isRunning()) pending << tr("A run is in progress; quitting stops it.");
  if (waiting > 0) pending << tr("Jobs waiting in the queue: %1.").arg(waiting);
  QMessageBox box(QMessageBox::Question, tr("Quit BK-SDM Studio?"), pending.join(QLatin1Char(' ')), QMessageBox::NoButton, this);
  box.setInformativeText(tr("The stopped run and the queue are kept: they come back at the next start, paused "
                            "until you press Resume."));
  QPushButton* quit = box.addButton(tr("&Quit"), QMessageBox::AcceptRole);
  box.addButton(QMessageBox::Cancel);
  box.setDefaultButton(quit);
  box.exec();
  return box.clickedButton() == quit;
}

void MainWindow::connectQueuePersistence() {
  JobQueue* queue = studio_->queue();
  auto save = [this] { saveQueue(); };
  connect(queue, &QAbstractItemModel::rowsInserted, this, save);
  connect(queue, &QAbstractItemModel::rowsRemoved, this, save);
  connect(queue, &QAbstractItemModel::rowsMoved, this, save);
  connect(queue, &QAbstractItemModel::modelReset, this, save);
  connect(queue, &QAbstractItemModel::dataChanged, this, save);
  connect(studio_, &Studio::jobStarted, this, save);
  connect(studio_, &Studio::jobDone, this, save);
}

void MainWindow::saveQueue() {
  if (persistQueue_) settings_.setSavedQueue(studio_->pendingJobs());
}

// Restored jobs wait, paused: the user may not want last session's runs to start on their own.
void MainWindow::restoreQueue() {
  const QList<GenerationJob> saved = settings_.savedQueue();
  for (const GenerationJob& job : saved) studio_->enqueue(job.params, job.preview, true);
  if (!saved.isEmpty())
    statusBar()->showMessage(tr("%1 jobs from the last session wait in the queue, paused: press Resume to run them.")
                                 .arg(saved.size()),
                             10000);
}

void MainWindow::editQueuedJob(const GenerationParams& params) {
  prompt_->setText(params.prompt);
  negativePrompt_->setText(params.negativePrompt);
  parameters_->setParams(params);
  initImage_->setFrom(params);
  showGallery(false);
  statusBar()->showMessage(tr("The job is back in the form and out of the queue; Ctrl+Enter queues it again."), 6000);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape &&
      escapeIsTaken()) {
    event->accept();  // no shortcut: the key goes on to the popup or editor
    return true;
  }
  if (watched == prompt_->editor()->viewport() && takesImageDrop(event)) return true;
  return QMainWindow::eventFilter(watched, event);
}

// An image file dragged onto the prompt becomes the init image; text and other drops go on as usual.
bool MainWindow::takesImageDrop(QEvent* event) {
  const QEvent::Type type = event->type();
  if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop) return false;
  auto* drop = static_cast<QDropEvent*>(event);
  const QString image = droppedImage(drop->mimeData());
  if (image.isEmpty()) return false;
  drop->acceptProposedAction();
  if (type == QEvent::Drop) useFileAsInitImage(image);
  return true;
}

void MainWindow::showError(const QString& title, const QString& message) {
  statusBar()->showMessage(title, 6000);
  // Not modal: a message never holds up the event loop (or a scripted run).
  auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

QCoro::Task<> MainWindow::takeScreenshot(QString path) {
  QPointer<MainWindow> self(this);
  co_await QCoro::sleepFor(std::chrono::milliseconds(400));  // let the last frames paint
  if (!self) co_return;
  const QRect frame = frameGeometry();
  const QPixmap shot = screen()->grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height());
  const bool saved = shot.save(path);
  if (!saved) qWarning("cannot write the screenshot to %s", qPrintable(path));
  QCoreApplication::exit(saved ? 0 : 1);
}

}  // namespace bksdm
