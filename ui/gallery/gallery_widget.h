#pragma once
#include <QImage>
#include <QList>
#include <QWidget>

#include <optional>

#include <qcoro/qcorotask.h>

#include "app/gallery/gallery_entry.h"
#include "app/gallery/gallery_settings.h"
#include "app/gallery/generation_settings.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QSplitter;
class QStackedWidget;

namespace bksdm::gallery {

class CompareView;
class DetailPanel;
class Gallery;
class GalleryFilterModel;

// The gallery as one widget: the galleries to choose from, search and filters, the thumbnail grid,
// the detail panel with its actions, and the side-by-side comparison. PNG files dropped on it
// from other programs are read so that their settings can be reused.
class GalleryWidget : public QWidget {
  Q_OBJECT

 public:
  explicit GalleryWidget(QWidget* parent = nullptr);
  ~GalleryWidget() override;

  Gallery* gallery() { return gallery_; }
  QListView* view() { return view_; }
  GalleryFilterModel* filterModel() { return filter_; }
  DetailPanel* detailPanel() { return detail_; }
  CompareView* compareView() { return compare_; }

  // Shows `folder` and adds it to the galleries offered.
  void openFolder(const QString& folder);
  void compare(const QList<GalleryEntry>& entries);
  // Shows files from anywhere in the detail panel (one) or side by side (several).
  QCoro::Task<> showFiles(QStringList paths);

  // Whether addResult keeps an image's attention maps: "Save every image" and "Save attention
  // maps with the images" are both on.
  bool keepsAttentionMaps() const;

 public Q_SLOTS:
  // A finished image: saved into the current gallery when "Save every image" is on, with its
  // attention maps when that is on too and a maps file is given. The task gives the saved
  // image's path, or an empty string.
  QCoro::Task<QString> addResult(QImage image, bksdm::gallery::GenerationSettings settings,
                                 QString attentionMapsPath = {});
  // Saved whatever the settings say (e.g. a "Save to gallery" button).
  QCoro::Task<QString> saveResult(QImage image, bksdm::gallery::GenerationSettings settings,
                                  QString attentionMapsPath = {});

 Q_SIGNALS:
  // "Reuse": the whole form from these settings.
  void reuseRequested(const bksdm::gallery::GenerationSettings& settings);
  // "Reuse with new seed": the same, with a fresh random seed already in `settings`.
  void reuseWithNewSeedRequested(const bksdm::gallery::GenerationSettings& settings);
  // "Reuse with this seed": the same as Reuse, and the seed is to be locked.
  void reuseWithSeedRequested(const bksdm::gallery::GenerationSettings& settings);
  // "Use as init image": the next run starts from this image file.
  void useAsInitImageRequested(const QString& imagePath);
  // A double click or Enter on an image: show it large.
  void openRequested(const bksdm::gallery::GalleryEntry& entry);
  // "Attention maps" on an image saved with them: the sidecar file and the prompt it belongs to.
  void attentionMapsRequested(const QString& imagePath, const QString& mapsPath,
                              const bksdm::gallery::GenerationSettings& settings);
  void saved(const QString& path);
  void saveFailed(const QString& message);
  void errorOccurred(const QString& message);  // any failure, saving included, as shown in the widget

 protected:
  void showEvent(QShowEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  QWidget* makeToolBar();
  void makeActions();
  void configureView();
  void connectFilters();
  void ensureOpen();
  void fillFolderList();
  void fillModelFilter(const QStringList& names);
  void applyDateFilter(int choice);
  void applySort(int choice);
  void chooseFolderToAdd();
  void removeCurrentFolder();
  void showChosen();
  void forgetRemovedImage();
  bool showsGalleryImage() const;
  void updateActions();
  void updateCount();
  void showError(const QString& message);
  QList<GalleryEntry> selectedEntries() const;
  void reuse(bool newSeed);
  void copyShown();
  void revealShown();
  void trashSelected();
  void compareSelected();

  GallerySettings settings_;
  Gallery* gallery_;
  GalleryFilterModel* filter_;
  QComboBox* folders_ = nullptr;
  QLineEdit* search_ = nullptr;
  QComboBox* models_ = nullptr;
  QComboBox* dates_ = nullptr;
  QComboBox* sort_ = nullptr;
  QListView* view_;
  DetailPanel* detail_ = nullptr;
  CompareView* compare_;
  QSplitter* splitter_;
  QStackedWidget* pages_;
  QLabel* count_;
  QLabel* error_;
  QAction* reuse_ = nullptr;
  QAction* reuseNewSeed_ = nullptr;
  QAction* reuseSeed_ = nullptr;
  QAction* useAsInit_ = nullptr;
  QAction* compareAction_ = nullptr;
  QAction* copy_ = nullptr;
  QAction* reveal_ = nullptr;
  QAction* trash_ = nullptr;
  QAction* attention_ = nullptr;
  QAction* autoSave_ = nullptr;
  QAction* saveMaps_ = nullptr;
};

}  // namespace bksdm::gallery
