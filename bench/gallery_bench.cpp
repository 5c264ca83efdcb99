// The gallery with 10,000 images: how long until the first thumbnails show, and what scrolling
// through the whole grid costs the UI thread, with the thumbnail cache cold and warm.
//
//   gallery_bench [--images 10000] [--edge 256] [--folder DIR]
//
// The folder is filled with generated PNGs (with settings, through the gallery's own writer) unless
// it already holds enough. Caches and settings go to a temporary XDG cache/config home. Run it
// with QT_QPA_PLATFORM=offscreen for a headless machine.
#include <QAbstractItemModel>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QListView>
#include <QPainter>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

#include "app/gallery/gallery.h"
#include "app/gallery/gallery_filter_model.h"
#include "app/gallery/gallery_index.h"
#include "app/gallery/gallery_model.h"
#include "app/gallery/image_file.h"
#include "ui/gallery/gallery_widget.h"

using namespace bksdm::gallery;

namespace {

const QStringList kSubjects = {"a red fox in the snow", "a lighthouse at dusk, oil painting",
                               "portrait of an astronaut, studio light", "a bowl of ramen, 35mm photo",
                               "an ancient library with floating books", "눈 덮인 산속의 작은 오두막"};
const QStringList kModels = {"BK-SDM-v2-Tiny", "BK-SDM-v2-Small", "BK-SDM-Tiny", "SD v1.4"};

QImage patternImage(int index, int edge) {
  QImage image(edge, edge, QImage::Format_RGB32);
  QPainter painter(&image);
  QLinearGradient gradient(0, 0, edge, edge);
  gradient.setColorAt(0, QColor::fromHsv((index * 37) % 360, 160, 230));
  gradient.setColorAt(1, QColor::fromHsv((index * 91 + 120) % 360, 200, 90));
  painter.fillRect(image.rect(), gradient);
  painter.setPen(Qt::white);
  painter.drawText(image.rect(), Qt::AlignCenter, QString::number(index));
  return image;
}

GenerationSettings settingsFor(int index, int edge) {
  GenerationSettings settings;
  settings.params.prompt = kSubjects[index % kSubjects.size()] + QStringLiteral(", variation %1").arg(index % 17);
  settings.params.negativePrompt = QStringLiteral("blurry, low quality");
  settings.params.modelName = kModels[index % kModels.size()];
  settings.params.modelId = QStringLiteral("nota-ai/") + settings.params.modelName.toLower();
  settings.params.scheduler = QStringLiteral("dpmpp_2m");
  settings.params.seed = quint64(1000 + index / 4);
  settings.batchIndex = index % 4;
  settings.params.numImages = 4;
  settings.params.width = settings.params.height = edge;
  settings.appVersion = QStringLiteral("bench");
  settings.created = QDateTime::currentDateTime().addSecs(-index * 60);
  return settings;
}

void fillFolder(const QString& folder, int count, int edge) {
  QDir().mkpath(folder);
  const qsizetype present = QDir(folder).entryList({QStringLiteral("*.png")}, QDir::Files).size();
  if (present >= count) return;
  std::vector<int> indexes(size_t(count - present));
  std::iota(indexes.begin(), indexes.end(), int(present));
  QElapsedTimer timer;
  timer.start();
  QtConcurrent::blockingMap(indexes, [&](int index) { writeImageFile(folder, patternImage(index, edge), settingsFor(index, edge)); });
  std::printf("made %zu PNGs of %dx%d in %.1f s\n", indexes.size(), edge, edge, timer.elapsed() / 1000.0);
}

template <typename Condition>
double waitUntil(Condition condition, int timeoutMs = 600000) {
  QElapsedTimer timer;
  timer.start();
  while (!condition() && timer.elapsed() < timeoutMs) QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
  return timer.nsecsElapsed() / 1e6;
}

QModelIndexList visibleIndexes(QListView* view) {
  QModelIndexList visible;
  const QRect area = view->viewport()->rect();
  QModelIndex index = view->indexAt(QPoint(1, 1));
  const QAbstractItemModel* model = view->model();
  const int first = index.isValid() ? index.row() : 0;
  for (int row = std::max(0, first - 16); row < model->rowCount(); ++row) {
    const QModelIndex candidate = model->index(row, 0);
    const QRect rect = view->visualRect(candidate);
    if (rect.top() > area.bottom()) break;
    if (rect.intersects(area)) visible.append(candidate);
  }
  return visible;
}

bool thumbnailsShown(QListView* view) {
  const QModelIndexList visible = visibleIndexes(view);
  return !visible.isEmpty() && std::all_of(visible.begin(), visible.end(), [](const QModelIndex& index) {
    return !index.data(Qt::DecorationRole).isNull();
  });
}

struct Stats {
  double mean = 0, p50 = 0, p95 = 0, max = 0;
};

Stats stats(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  Stats s;
  s.mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
  s.p50 = values[values.size() / 2];
  s.p95 = values[std::min(values.size() - 1, values.size() * 95 / 100)];
  s.max = values.back();
  return s;
}

// The UI thread's cost of one scroll step: moving the bar and painting the viewport (which asks
// for the thumbnails of the rows that come into view).
double scrollStep(QListView* view, int value) {
  QElapsedTimer timer;
  timer.start();
  view->verticalScrollBar()->setValue(value);
  view->viewport()->repaint();
  return timer.nsecsElapsed() / 1e6;
}

// Flings through the whole grid a page per frame, never waiting for thumbnails.
void flingThroughGrid(QListView* view, const char* label) {
  QScrollBar* bar = view->verticalScrollBar();
  std::vector<double> frames;
  QElapsedTimer total;
  total.start();
  for (int value = 0; value <= bar->maximum(); value += bar->pageStep()) {
    frames.push_back(scrollStep(view, value));
    QCoreApplication::processEvents();
  }
  const Stats s = stats(frames);
  std::printf("%-34s %5zu frames in %7.1f ms; per frame mean %.2f p50 %.2f p95 %.2f max %.2f ms\n", label,
              frames.size(), total.nsecsElapsed() / 1e6, s.mean, s.p50, s.p95, s.max);
}

// Goes through the whole grid a page at a time, each page shown with its thumbnails before the next;
// the longest event-loop stall is measured by a 1 ms timer meanwhile.
void pageThroughGrid(QListView* view, const char* label) {
  QScrollBar* bar = view->verticalScrollBar();
  std::vector<double> frames;
  QElapsedTimer sinceTick;
  double longestStall = 0;
  QTimer ticker;
  ticker.setInterval(1);
  QObject::connect(&ticker, &QTimer::timeout, [&] {
    longestStall = std::max(longestStall, sinceTick.nsecsElapsed() / 1e6);
    sinceTick.restart();
  });
  sinceTick.start();
  ticker.start();
  QElapsedTimer total;
  total.start();
  int pages = 0;
  for (int value = 0; value <= bar->maximum(); value += bar->pageStep(), ++pages) {
    frames.push_back(scrollStep(view, value));
    waitUntil([&] { return thumbnailsShown(view); });
  }
  ticker.stop();
  const double seconds = total.nsecsElapsed() / 1e9;
  const int rows = view->model()->rowCount();
  const Stats s = stats(frames);
  std::printf("%-34s %5d pages in %6.2f s (%6.0f thumbnails/s); frame mean %.2f p95 %.2f max %.2f ms; "
              "longest event-loop stall %.1f ms\n",
              label, pages, seconds, rows / seconds, s.mean, s.p95, s.max, longestStall);
}

template <typename Function>
double milliseconds(Function function) {
  QElapsedTimer timer;
  timer.start();
  function();
  return timer.nsecsElapsed() / 1e6;
}

// The index on its own, off the UI thread: a scan without and with it, reading and writing it,
// and on the UI thread, filling the model and sorting it.
void measureIndex(const QString& folder, const QString& cacheFolder) {
  const QString index = QDir(cacheFolder).filePath("bench-index.json");
  QList<GalleryEntry> entries;
  KnownEntries known;
  std::printf("\n[index, %s]\n", qPrintable(folder));
  std::printf("%-34s %8.1f ms\n", "scan, every file read", milliseconds([&] { entries = scanFolder(folder, {}).entries; }));
  std::printf("%-34s %8.1f ms\n", "write index", milliseconds([&] { writeIndex(index, folder, entries); }));
  std::printf("%-34s %8.1f ms (%.1f MB)\n", "read index", milliseconds([&] { known = readIndex(index, folder); }),
              QFileInfo(index).size() / 1e6);
  std::printf("%-34s %8.1f ms\n", "scan with the index (stat only)", milliseconds([&] { scanFolder(folder, known); }));
  ThumbnailCache thumbnails(160, cacheFolder);
  GalleryModel model(&thumbnails);
  std::printf("%-34s %8.1f ms\n", "model filled (UI thread)", milliseconds([&] { model.setEntries(known.values()); }));
  GalleryFilterModel filter(&model);
  std::printf("%-34s %8.1f ms\n", "sorted by date (UI thread)",
              milliseconds([&] { filter.setSortKey(GalleryFilterModel::SortKey::Date, Qt::AscendingOrder); }));
  std::printf("%-34s %8.1f ms\n", "search \"fox\" (UI thread)", milliseconds([&] { filter.setSearchText("fox"); }));
  FolderScan oneNew;
  oneNew.entries = entries;
  oneNew.updated = {entries.first()};
  oneNew.updated.first().path += QStringLiteral(".new.png");
  std::printf("%-34s %8.1f ms\n", "a new image merged (UI thread)", milliseconds([&] { model.update(oneNew); }));
}

struct Run {
  double listed = 0;
  double firstThumbnails = 0;
  double allListed = 0;
};

Run openAndShow(GalleryWidget& widget, const QString& folder) {
  Run run;
  QElapsedTimer timer;
  timer.start();
  widget.openFolder(folder);
  run.listed = waitUntil([&] { return widget.view()->model()->rowCount() > 0; });
  run.firstThumbnails = run.listed + waitUntil([&] { return thumbnailsShown(widget.view()); });
  waitUntil([&] { return !widget.gallery()->isLoading(); });
  run.allListed = timer.nsecsElapsed() / 1e6;
  return run;
}

void measure(const QString& folder, const QString& cacheHome, bool coldIndex, bool coldThumbnails, const char* label) {
  if (coldIndex) QDir(cacheHome + "/galleries").removeRecursively();
  if (coldThumbnails) QDir(cacheHome + "/thumbnails").removeRecursively();
  GalleryWidget widget;
  widget.resize(1280, 800);
  widget.show();
  const Run run = openAndShow(widget, folder);
  std::printf("\n[%s]\n", label);
  std::printf("%-34s %8.1f ms (listed after %.1f ms; all %d images read after %.1f ms)\n", "first screen of thumbnails",
              run.firstThumbnails, run.listed, widget.view()->model()->rowCount(), run.allListed);
  std::printf("%-34s %5zu cells on screen\n", "", size_t(visibleIndexes(widget.view()).size()));
  flingThroughGrid(widget.view(), "fling, page per frame (no wait)");
  widget.view()->verticalScrollBar()->setValue(0);
  pageThroughGrid(widget.view(), "page by page, thumbnails shown");
  flingThroughGrid(widget.view(), "fling again (memory cache)");
}

}  // namespace

int main(int argc, char** argv) {
  QTemporaryDir home;
  qputenv("XDG_CACHE_HOME", home.filePath("cache").toUtf8());
  qputenv("XDG_CONFIG_HOME", home.filePath("config").toUtf8());
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("bksdm-bench"));
  QApplication::setApplicationName(QStringLiteral("gallery-bench"));

  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addOption({"images", "Images in the folder.", "count", "10000"});
  parser.addOption({"edge", "Side of the generated images, px.", "px", "256"});
  parser.addOption({"folder", "The gallery folder (kept).", "dir", QDir::temp().filePath("bksdm-gallery-bench")});
  parser.process(app);
  const int count = parser.value("images").toInt();
  const int edge = parser.value("edge").toInt();
  const QString folder = QDir(parser.value("folder")).absolutePath();
  fillFolder(folder, count, edge);

  const QString cacheHome = home.filePath("cache/bksdm-bench/gallery-bench");
  std::printf("folder %s, %d threads for thumbnails, platform %s\n", qPrintable(folder),
              std::max(2, QThread::idealThreadCount() / 2), qPrintable(QGuiApplication::platformName()));
  measureIndex(folder, home.filePath("index-bench"));
  measure(folder, cacheHome, true, true, "cold: no index, no thumbnails on disk");
  measure(folder, cacheHome, false, false, "warm: index and thumbnails on disk");
  return 0;
}
