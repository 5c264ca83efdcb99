#pragma once
#include <optional>

#include <QMap>
#include <QPointer>
#include <QTemporaryDir>

#include <QMainWindow>

#include <qcoro/qcorotask.h>

#include "app/app_settings.h"
#include "app/attention/image_attention.h"
#include "app/event_loop_monitor.h"
#include "app/generation_job.h"
#include "app/grid_plan.h"
#include "app/input_images.h"
#include "app/loaded_model.h"
#include "ui/startup_options.h"

class QAction;
class QCloseEvent;
class QDropEvent;
class QDragEnterEvent;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace bksdm {

namespace gallery {
class GalleryWidget;
struct GenerationSettings;
}  // namespace gallery

class AttentionPanel;
struct GeneratedImage;
class GridPanel;
class ModelCompareDialog;
class ImageView;
class InitImagePanel;
class MaskEditor;
class ModelManagerDialog;
class ModelPicker;
class NoModelPanel;
class ParametersPanel;
class ProgressPanel;
class PromptEditor;
class QueuePanel;
class ResourcesPanel;
class ResultStrip;
class Studio;
class WelcomePanel;

// The window: prompt and parameters on the left, the image forming step by step in the middle,
// this session's results below. All inference runs on the Studio's worker thread.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;  // saves the settings

  // Finds the models, loads the chosen or last one, and runs what the options ask for.
  QCoro::Task<> start(StartupOptions options);
  // Loads a model off the UI thread; false (and a message) when it fails.
  QCoro::Task<bool> loadModel(QString location);

  Studio* studio() const { return studio_; }
  PromptEditor* promptEditor() const { return prompt_; }
  PromptEditor* negativePromptEditor() const { return negativePrompt_; }
  InitImagePanel* initImagePanel() const { return initImage_; }
  MaskEditor* maskEditor() const { return maskEditor_; }
  ParametersPanel* parametersPanel() const { return parameters_; }
  ModelPicker* modelPicker() const { return picker_; }
  ImageView* imageView() const { return imageView_; }
  AttentionPanel* attentionPanel() const { return attention_; }
  ResultStrip* resultStrip() const { return results_; }
  ProgressPanel* progressPanel() const { return progress_; }
  QueuePanel* queuePanel() const { return queue_; }
  ResourcesPanel* resourcesPanel() const { return resources_; }
  GridPanel* gridPanel() const { return grid_; }
  NoModelPanel* noModelPanel() const { return noModel_; }
  WelcomePanel* welcomePanel() const { return welcome_; }
  gallery::GalleryWidget* galleryWidget() const { return gallery_; }
  QSplitter* mainSplitter() const { return mainSplitter_; }
  QAction* generateAction() const { return generateAction_; }
  QAction* cancelAction() const { return cancelAction_; }
  QAction* attentionAction() const { return attentionAction_; }
  QAction* negativeAttentionAction() const { return negativeAttentionAction_; }
  QAction* tiledDecodeAction() const { return tiledDecodeAction_; }
  QAction* useAsInitImageAction() const { return useAsInitAction_; }
  QAction* varySubtleAction() const { return varySubtleAction_; }
  QAction* varyStrongAction() const { return varyStrongAction_; }
  QAction* downloadModelsAction() const { return downloadModelsAction_; }
  QAction* galleryAction() const { return galleryAction_; }
  QAction* resourcesAction() const { return resourcesAction_; }
  QAction* gridAction() const { return gridAction_; }
  QAction* compareTeacherAction() const { return compareTeacherAction_; }
  // The shown result's description run again with attention maps on the loaded model and on
  // `modelB` (empty: the same model) with `promptB` (empty: the same prompt), one model in memory at
  // a time and the loaded model loaded again after; then the two side by side.
  QCoro::Task<> compareRuns(QString modelB, QString promptB);
  ModelCompareDialog* lastComparison() const;
  QAction* preferencesAction() const { return preferencesAction_; }
  QAction* shortcutsAction() const { return shortcutsAction_; }
  QAction* docsAction() const { return docsAction_; }
  // docs/app.md as installed, or in the source tree for a build that is not installed; empty if neither.
  static QUrl docsUrl();
  // The no-model panel or, before any model was found, the welcome panel.
  bool showsNoModelPanel() const;
  bool showsWelcomePanel() const;
  bool showsGallery() const;
  // The longest event-loop stall during the last run, in milliseconds.
  double lastRunStallMs() const { return lastRunStallMs_; }

 public Q_SLOTS:
  void generate();
  void addFolder();
  void addFile();
  void saveImageAs();
  void copyImage();
  void showPreferences();
  void showModelManager();
  void showShortcuts();
  void showDocs();
  void showAbout();

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  // Asks before quitting a run or a queue; the queue is kept for the next start either way.
  void closeEvent(QCloseEvent* event) override;
  // Esc goes to an open popup or editor first; only unclaimed, it cancels the run.
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void buildActions();
  void buildMenus();
  void buildHelpActions();
  void buildHelpMenu();
  QWidget* buildControls();
  QWidget* buildCentre();
  void connectStudio();
  void restoreSettings();
  void fitIntoScreen();
  void saveSettings();
  QCoro::Task<> refreshModels();
  QCoro::Task<> addModel(QString location);
  QCoro::Task<> saveImage(QString path);
  QCoro::Task<> takeScreenshot(QString path);
  GenerationParams currentParams();
  void applyOptions(const StartupOptions& options);
  void showModelState();
  void onJobStarted(const GenerationJob& job);
  void onStage(quint64 jobId, JobStage stage);
  void onStep(const StepProgress& progress);
  void showCancelledRun();
  bool confirmQuit();
  void connectQueuePersistence();
  void restoreQueue();
  void saveQueue();
  void editQueuedJob(const GenerationParams& params);
  void onPreview(quint64 jobId, int step, const QImage& image);
  void onJobDone(const GenerationOutcome& outcome);
  void showAttentionFor(const GeneratedImage& generated);
  void showOverlay(const QImage& overlay);
  gallery::GenerationSettings gallerySettings(const GenerationOutcome& outcome, int batchIndex) const;
  // lockSeed: "Reuse with this seed" locks it; plain Reuse leaves the lock as the user had it.
  QCoro::Task<> reuse(gallery::GenerationSettings settings, bool lockSeed);
  QCoro::Task<> keepInGallery(int row, QImage image, gallery::GenerationSettings settings, ImageAttention attention);
  QCoro::Task<> showSavedAttention(QString imagePath, QString mapsPath);
  QCoro::Task<> onModelDownloaded(QString repoId);
  void showGallery(bool show);
  void showResources(bool show);
  void showGrid(bool show);
  void compareWithTeacher();
  void compareWithModel();
  void compareWithPrompt();
  QWidget* buildGrid();
  // Queues a grid's cells in its run order, model by model (each loaded once, one at a time, the
  // loaded one loaded again at the end); each one's outcome fills it in.
  QCoro::Task<> makeGrid(GridPlan plan);
  // A grid cell's outcome into the grid; true when the job was one.
  bool takeGridOutcome(const GenerationOutcome& outcome);
  // The finished grid's images (one per Z value) into the gallery, as its first cell's description.
  QCoro::Task<> keepGrid(GridPlan plan, QList<QImage> cellImages);
  QWidget* buildResources();
  void insertIntoPrompt(const QString& text);
  void setLoraMultiplier(const QString& loraName, double multiplier);
  void updateActions();
  void showError(const QString& title, const QString& message);
  // Image inputs: the init image from a file or a result (kept in inputs_), the mask painted in the
  // image area, variations of a result.
  void openInitImage();
  void useFileAsInitImage(const QString& path);
  void useAsInitImage(const QImage& image);
  void setInitImage(const QString& storedPath, const QString& error);
  void paintMask(bool painting);
  void vary(double strength);
  bool takesImageDrop(QEvent* event);

  AppSettings settings_;
  Studio* studio_;
  ModelPicker* picker_ = nullptr;
  PromptEditor* prompt_ = nullptr;
  PromptEditor* negativePrompt_ = nullptr;
  ParametersPanel* parameters_ = nullptr;
  InitImagePanel* initImage_ = nullptr;
  MaskEditor* maskEditor_ = nullptr;
  QWidget* maskPage_ = nullptr;
  QPushButton* generateButton_ = nullptr;
  QPushButton* cancelButton_ = nullptr;
  QueuePanel* queue_ = nullptr;
  ResourcesPanel* resources_ = nullptr;
  GridPanel* grid_ = nullptr;
  QMap<quint64, int> gridJobs_;  // the running grid's queued and running jobs -> their cells
  QStackedWidget* centre_ = nullptr;
  NoModelPanel* noModel_ = nullptr;
  WelcomePanel* welcome_ = nullptr;
  QTabWidget* tabs_ = nullptr;
  gallery::GalleryWidget* gallery_ = nullptr;
  QPointer<ModelManagerDialog> manager_;
  ImageView* imageView_ = nullptr;
  AttentionPanel* attention_ = nullptr;
  ProgressPanel* progress_ = nullptr;
  ResultStrip* results_ = nullptr;
  QSplitter* mainSplitter_ = nullptr;
  QSplitter* imageSplitter_ = nullptr;
  QLabel* engineLabel_ = nullptr;
  QLabel* stepLabel_ = nullptr;

  QAction* addFolderAction_ = nullptr;
  QAction* addFileAction_ = nullptr;
  QAction* saveAction_ = nullptr;
  QAction* copyAction_ = nullptr;
  QAction* generateAction_ = nullptr;
  QAction* cancelAction_ = nullptr;
  QAction* cancelAllAction_ = nullptr;
  QAction* randomSeedAction_ = nullptr;
  QAction* attentionAction_ = nullptr;
  QAction* negativeAttentionAction_ = nullptr;
  QAction* tiledDecodeAction_ = nullptr;
  QAction* useAsInitAction_ = nullptr;
  QAction* varySubtleAction_ = nullptr;
  QAction* varyStrongAction_ = nullptr;
  QAction* fitAction_ = nullptr;
  QAction* actualSizeAction_ = nullptr;
  QAction* zoomInAction_ = nullptr;
  QAction* zoomOutAction_ = nullptr;
  QAction* preferencesAction_ = nullptr;
  QAction* downloadModelsAction_ = nullptr;
  QAction* galleryAction_ = nullptr;
  QAction* resourcesAction_ = nullptr;
  QAction* gridAction_ = nullptr;
  QAction* compareTeacherAction_ = nullptr;
  QAction* compareModelAction_ = nullptr;
  QAction* comparePromptAction_ = nullptr;
  QPointer<ModelCompareDialog> lastComparison_;
  QAction* shortcutsAction_ = nullptr;
  QAction* docsAction_ = nullptr;
  QList<QAction*> previewActions_;

  EventLoopMonitor stallMonitor_;
  double lastRunStallMs_ = 0;
  bool reportStalls_ = false;
  bool persistQueue_ = true;  // off once the window closes: the teardown's cancellations are not the user's
  std::optional<quint64> shownJob_;  // the run whose steps the view shows
  QString loadedLocation_;
  bool modelsKnown_ = false;  // the first discovery is done
  QTemporaryDir scratch_;  // attention maps on their way into the gallery
  InputImages inputs_;      // the init images' and masks' copies
  int scratchFiles_ = 0;
};

}  // namespace bksdm
