// Browsing: the index follows the files, the grid loads thumbnails lazily and caches them on disk,
// search, filters and order, and the widget's actions (reuse, compare, trash, copy, drop).
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <qcoro/qcorotask.h>

#include "app/gallery/gallery.h"
#include "app/gallery/gallery_filter_model.h"
#include "app/gallery/gallery_index.h"
#include "app/gallery/gallery_model.h"
#include "app/gallery/image_file.h"
#include "app/gallery/thumbnail_cache.h"
#include "core/io/png.h"
#include "ui/gallery/compare_view.h"
#include "ui/gallery/detail_panel.h"
#include "ui/gallery/gallery_widget.h"

using namespace bksdm::gallery;

namespace {

QImage solidImage(int width, int height, QColor color = Qt::darkCyan) {
  QImage image(width, height, QImage::Format_RGB32);
  image.fill(color);
  return image;
}

GenerationSettings settings(const QString& prompt, quint64 seed, const QString& model = "BK-SDM-v2-Tiny",
                            QDateTime created = QDateTime::currentDateTime()) {
  GenerationSettings result;
  result.params.prompt = prompt;
  result.params.negativePrompt = QStringLiteral("blurry");
  result.params.modelName = model;
  result.params.modelId = QStringLiteral("nota-ai/") + model.toLower();
  result.params.scheduler = QStringLiteral("euler_a");
  result.params.seed = seed;
  result.params.width = result.params.height = 64;
  result.created = created;
  return result;
}

QString save(const QString& folder, const GenerationSettings& settings) {
  return writeImageFile(folder, solidImage(64, 64, QColor::fromHsv(int(settings.params.seed * 40 % 360), 200, 200)), settings).path;
}

QStringList sortedPaths(const GalleryModel& model) {
  QStringList paths;
  for (const GalleryEntry& entry : model.entries()) paths << entry.path;
  paths.sort();
  return paths;
}

QStringList pngFiles(const QString& folder) {
  QStringList paths;
  for (const QFileInfo& file : QDir(folder).entryInfoList({"*.png"}, QDir::Files, QDir::Name)) paths << file.absoluteFilePath();
  return paths;
}

template <typename T>
T await(QCoro::Task<T>&& task) {
  return QCoro::waitFor(std::move(task));
}

void openAndWait(Gallery& gallery, const QString& folder) { await(gallery.open(folder)); }

GalleryEntry syntheticEntry(const QString& path, const QString& prompt, quint64 seed, const QString& model, const QDateTime& created) {
  GalleryEntry entry;
  entry.path = path;
  entry.metadata.source = ImageMetadata::Source::Studio;
  entry.metadata.settings = settings(prompt, seed, model, created);
  return entry;
}

QList<quint64> seedsInOrder(const QAbstractItemModel& model) {
  QList<quint64> seeds;
  for (int row = 0; row < model.rowCount(); ++row) seeds << model.index(row, 0).data(GalleryModel::SeedRole).toULongLong();
  return seeds;
}

}  // namespace

class BrowsingTest : public QObject {
  Q_OBJECT

  QTemporaryDir scratch_;
  QString thumbnails() const { return scratch_.filePath("thumbnails"); }

 private Q_SLOTS:
  void indexRebuildsItself() {
    QTemporaryDir folder;
    for (quint64 seed : {1, 2, 3}) save(folder.path(), settings("a red fox", seed));
    {
      Gallery gallery(64, thumbnails());
      openAndWait(gallery, folder.path());
      QCOMPARE(sortedPaths(*gallery.model()), pngFiles(folder.path()));
    }
    const QString index = indexPath(folder.path());
    QVERIFY(QFile::exists(index));

    QVERIFY(QFile::remove(index));  // missing
    {
      Gallery gallery(64, thumbnails());
      openAndWait(gallery, folder.path());
      QCOMPARE(gallery.model()->rowCount(), 3);
    }
    QVERIFY(QFile::exists(index));

    QFile garbage(index);  // damaged
    QVERIFY(garbage.open(QIODevice::WriteOnly | QIODevice::Truncate) && garbage.write("{\"format\": 1, \"entr") > 0);
    garbage.close();
    {
      Gallery gallery(64, thumbnails());
      openAndWait(gallery, folder.path());
      QCOMPARE(sortedPaths(*gallery.model()), pngFiles(folder.path()));
    }

    QVERIFY(QFile::remove(pngFiles(folder.path()).first()));  // stale: files changed while closed
    save(folder.path(), settings("a blue fox", 4));
    {
      Gallery gallery(64, thumbnails());
      openAndWait(gallery, folder.path());
      QCOMPARE(sortedPaths(*gallery.model()), pngFiles(folder.path()));
      QCOMPARE(gallery.model()->rowCount(), 3);
    }
  }

  // An index entry is used while its file's size and mtime match, and read again once they do not.
  void indexTrustedOnlyWhileFilesMatch() {
    QTemporaryDir folder;
    const QString path = save(folder.path(), settings("the real prompt", 1));
    {
      Gallery gallery(64, thumbnails());
      openAndWait(gallery, folder.path());
    }
    const QString index = indexPath(folder.path());
    KnownEntries known = readIndex(index, QDir(folder.path()).absolutePath());
    QCOMPARE(known.size(), 1);
    known[path].metadata.settings.params.prompt = QStringLiteral("from the index");
    QVERIFY(writeIndex(index, QDir(folder.path()).absolutePath(), known.values()));
    {
      Gallery gallery(64, thumbnails());
      openAndWait(gallery, folder.path());
      QCOMPARE(gallery.model()->entry(0).metadata.settings.params.prompt, QStringLiteral("from the index"));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));
    file.close();
    {
      Gallery gallery(64, thumbnails());
      openAndWait(gallery, folder.path());
      QCOMPARE(gallery.model()->entry(0).metadata.settings.params.prompt, QStringLiteral("the real prompt"));
    }
  }

  void followsTheFolder() {
    QTemporaryDir folder;
    save(folder.path(), settings("one", 1));
    Gallery gallery(64, thumbnails());
    openAndWait(gallery, folder.path());
    QCOMPARE(gallery.model()->rowCount(), 1);

    const QString added = save(folder.path(), settings("two", 2));  // by another program
    QTRY_COMPARE(gallery.model()->rowCount(), 2);
    QVERIFY(gallery.model()->rowOf(added) >= 0);

    bksdm::RgbImage rgb{2, 2, std::vector<uint8_t>(12, 0)};
    const std::string foreign = bksdm::encode_png(rgb, {{"parameters", "a cat\nSteps: 9, Sampler: Euler, CFG scale: 4, Seed: 5, Size: 2x2"}});
    QFile other(folder.filePath("other-tool.png"));
    QVERIFY(other.open(QIODevice::WriteOnly) && other.write(foreign.data(), qint64(foreign.size())) > 0);
    other.close();
    QTRY_COMPARE(gallery.model()->rowCount(), 3);
    const GalleryEntry& entry = gallery.model()->entry(gallery.model()->rowOf(QFileInfo(other).absoluteFilePath()));
    QCOMPARE(entry.metadata.source, ImageMetadata::Source::Parameters);
    QCOMPARE(entry.metadata.settings.params.steps, 9);

    QVERIFY(QFile::remove(added));
    QTRY_COMPARE(gallery.model()->rowCount(), 2);
    QCOMPARE(gallery.model()->rowOf(added), -1);
  }

  // Another folder opened while the first is still being scanned: the second is read in full.
  void openWhileScanning() {
    QTemporaryDir first, second;
    for (int i = 0; i < 400; ++i) save(first.path(), settings("first", quint64(i)));
    for (quint64 seed : {1, 2, 3}) save(second.path(), settings("second", seed));
    Gallery gallery(64, thumbnails());
    gallery.open(first.path());
    while (gallery.model()->rowCount() == 0) QCoreApplication::processEvents();  // the bare listing
    QVERIFY(gallery.isLoading());  // its scan still runs
    openAndWait(gallery, second.path());
    QTRY_VERIFY(!gallery.isLoading());
    QCOMPARE(sortedPaths(*gallery.model()), pngFiles(second.path()));
    for (const GalleryEntry& entry : gallery.model()->entries())
      QCOMPARE(entry.metadata.settings.params.prompt, QStringLiteral("second"));
  }

  void savedImagesAppearAtOnce() {
    QTemporaryDir folder;
    Gallery gallery(64, thumbnails());
    openAndWait(gallery, folder.path());
    QSignalSpy saved(&gallery, &Gallery::saved);
    const GenerationSettings made = settings(QStringLiteral("여우\nin the snow"), 77);
    const QString path = await(gallery.save(solidImage(64, 64), made));
    QCOMPARE(saved.size(), 1);
    QCOMPARE(gallery.model()->rowCount(), 1);
    const GalleryEntry& entry = gallery.model()->entry(0);
    QCOMPARE(entry.path, path);
    QCOMPARE(entry, readEntry(QFileInfo(path), false));
    QCOMPARE(entry.metadata.settings, made);
  }

  void trashTakesTheMapsAlong() {
    QTemporaryDir folder;
    QTemporaryDir source;
    QFile maps(source.filePath("maps.safetensors"));
    QVERIFY(maps.open(QIODevice::WriteOnly) && maps.write("maps") > 0);
    maps.close();
    Gallery gallery(64, thumbnails());
    openAndWait(gallery, folder.path());
    const QString path = await(gallery.save(solidImage(8, 8), settings("x", 1), maps.fileName()));
    QVERIFY(gallery.model()->entry(0).hasAttentionMaps);
    QVERIFY(QFile::exists(attentionMapsPath(path)));
    QVERIFY(gallery.moveToTrash(path));
    QCOMPARE(gallery.model()->rowCount(), 0);
    QVERIFY(!QFile::exists(path));
    QVERIFY(!QFile::exists(attentionMapsPath(path)));
    const QString trash = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/Trash/files/";
    QVERIFY(QFile::exists(trash + QFileInfo(path).fileName()));
  }

  void searchFilterAndOrder() {
    ThumbnailCache cache(32, thumbnails());
    GalleryModel model(&cache);
    const QDateTime now = QDateTime::currentDateTime();
    model.setEntries({
        syntheticEntry("/g/a.png", "A red FOX in the snow", 30, "BK-SDM-v2-Tiny", now.addSecs(-10)),
        syntheticEntry("/g/b.png", "a red panda", 10, "BK-SDM-v2-Tiny", now.addSecs(-20)),
        syntheticEntry("/g/c.png", "fox, red, sketch", 20, "SD v1.4", now.addDays(-10)),
        syntheticEntry("/g/d.png", "a lighthouse", 40, "SD v1.4", now.addDays(-400)),
    });
    QCOMPARE(model.modelNames(), (QStringList{"BK-SDM-v2-Tiny", "SD v1.4"}));
    GalleryFilterModel filter(&model);
    QCOMPARE(seedsInOrder(filter), (QList<quint64>{30, 10, 20, 40}));  // newest first

    filter.setSearchText("fox RED");
    QCOMPARE(seedsInOrder(filter), (QList<quint64>{30, 20}));
    filter.setModelName("SD v1.4");
    QCOMPARE(seedsInOrder(filter), (QList<quint64>{20}));
    filter.setSearchText("");
    filter.setModelName("");
    filter.setDateRange(QDate::currentDate().addDays(-6), {});
    QCOMPARE(seedsInOrder(filter), (QList<quint64>{30, 10}));
    filter.setDateRange({}, {});

    filter.setSortKey(GalleryFilterModel::SortKey::Seed, Qt::AscendingOrder);
    QCOMPARE(seedsInOrder(filter), (QList<quint64>{10, 20, 30, 40}));
    filter.setSortKey(GalleryFilterModel::SortKey::Seed, Qt::DescendingOrder);
    QCOMPARE(seedsInOrder(filter), (QList<quint64>{40, 30, 20, 10}));
    filter.setSortKey(GalleryFilterModel::SortKey::Date, Qt::AscendingOrder);
    QCOMPARE(seedsInOrder(filter), (QList<quint64>{40, 20, 10, 30}));

    model.addOrReplace(syntheticEntry("/g/e.png", "newest", 50, "Other", now));
    QCOMPARE(seedsInOrder(filter).last(), quint64(50));  // kept in order as it comes
    QCOMPARE(model.modelNames().size(), 3);
  }

  // Made off the UI thread, kept on disk by path+mtime+size, then served from disk.
  void thumbnailsAreCachedOnDisk() {
    QTemporaryDir folder, cacheFolder;
    const QString path = folder.filePath("wide.png");
    QVERIFY(solidImage(256, 128).save(path));
    const QFileInfo file(path);
    const ThumbnailSource source{path, file.size(), file.lastModified().toMSecsSinceEpoch()};
    {
      ThumbnailCache cache(64, cacheFolder.path());
      QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
      QVERIFY(cache.thumbnail(source).isNull());
      QTRY_COMPARE(ready.size(), 1);
      QCOMPARE(cache.thumbnail(source).size(), QSize(64, 32));
    }
    QVERIFY(QFile::exists(QDir(cacheFolder.path()).filePath(ThumbnailCache::cacheFileName(source, 64))));
    QVERIFY(QFile::remove(path));  // from now on only the disk cache has it
    ThumbnailCache cache(64, cacheFolder.path());
    QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
    cache.thumbnail(source);
    QTRY_COMPARE(ready.size(), 1);
    QCOMPARE(cache.thumbnail(source).size(), QSize(64, 32));
    const ThumbnailSource changed{path, source.size, source.modifiedMs + 1000};
    QVERIFY(cache.thumbnail(changed).isNull());  // another version of the file: not that thumbnail
    QTRY_COMPARE(ready.size(), 2);
    QVERIFY(cache.thumbnail(changed).isNull());  // unreadable: asked once, not again and again
    QCOMPARE(cache.pendingRequests() + cache.runningRequests(), 0);
  }

  void oldRequestsAreDropped() {
    QTemporaryDir cacheFolder;
    ThumbnailCache cache(64, cacheFolder.path());
    for (int i = 0; i < 1000; ++i) cache.thumbnail({QStringLiteral("/nonexistent/%1.png").arg(i), 1, 1});
    QVERIFY(cache.pendingRequests() <= 256);
    cache.dropPendingRequests();
    QCOMPARE(cache.pendingRequests(), 0);
    QTRY_COMPARE(cache.runningRequests(), 0);
  }

  // Only the rows on screen cost a thumbnail.
  void gridLoadsOnlyWhatIsVisible() {
    QTemporaryDir folder;
    const QDateTime start = QDateTime::currentDateTime();
    for (int i = 0; i < 300; ++i) save(folder.path(), settings("grid", quint64(i), "M", start.addSecs(-i)));
    QDir(ThumbnailCache::defaultCacheFolder()).removeRecursively();
    GalleryWidget widget;
    widget.resize(900, 600);
    widget.openFolder(folder.path());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QTRY_COMPARE(widget.view()->model()->rowCount(), 300);
    QTRY_VERIFY(!widget.gallery()->isLoading());
    QTRY_VERIFY(!widget.view()->model()->index(0, 0).data(Qt::DecorationRole).isNull());
    QTRY_COMPARE(widget.gallery()->thumbnails()->runningRequests(), 0);
    const qsizetype made = QDir(ThumbnailCache::defaultCacheFolder()).entryList(QDir::Files).size();
    QVERIFY2(made > 0 && made < 100, qPrintable(QString::number(made)));
  }

  void widgetReuseCompareAndDrop() {
    QTemporaryDir folder;
    const QDateTime now = QDateTime::currentDateTime();
    save(folder.path(), settings("a red fox in the snow", 42, "BK-SDM-v2-Tiny", now.addSecs(-2)));
    save(folder.path(), settings("a blue fox in the snow", 42, "BK-SDM-v2-Tiny", now.addSecs(-1)));
    GalleryWidget widget;
    widget.resize(1000, 700);
    widget.openFolder(folder.path());
    widget.show();
    QTRY_COMPARE(widget.view()->model()->rowCount(), 2);
    QTRY_VERIFY(!widget.gallery()->isLoading());

    const auto action = [&](const char* name) { return widget.findChild<QAction*>(name); };
    widget.view()->setCurrentIndex(widget.view()->model()->index(1, 0));  // oldest: the red fox
    QVERIFY(widget.detailPanel()->entry().has_value());
    const GenerationSettings shown = widget.detailPanel()->entry()->metadata.settings;
    QCOMPARE(shown.params.prompt, QStringLiteral("a red fox in the snow"));

    QSignalSpy reuse(&widget, &GalleryWidget::reuseRequested);
    QSignalSpy reuseNewSeed(&widget, &GalleryWidget::reuseWithNewSeedRequested);
    action("reuse")->trigger();
    QCOMPARE(reuse.size(), 1);
    QCOMPARE(reuse.first().first().value<GenerationSettings>(), shown);
    action("reuseWithNewSeed")->trigger();
    GenerationSettings renewed = reuseNewSeed.first().first().value<GenerationSettings>();
    QVERIFY(renewed.params.seed != shown.params.seed);
    renewed.params.seed = shown.params.seed;
    QCOMPARE(renewed, shown);

    widget.view()->selectAll();
    QVERIFY(action("compare")->isEnabled());
    action("compare")->trigger();
    QVERIFY(widget.compareView()->isVisible());
    QCOMPARE(widget.compareView()->entries().size(), 2);
    QCOMPARE(widget.compareView()->differingKeys(), QStringList{"prompt"});

    action("copy")->trigger();
    const QMimeData* copied = QGuiApplication::clipboard()->mimeData();
    QVERIFY(copied && copied->urls().size() == 2);

    QMimeData* dragged = widget.view()->model()->mimeData({widget.view()->model()->index(0, 0)});
    QVERIFY(dragged->hasUrls() && dragged->hasImage());
    delete dragged;

    // A PNG from another program, dropped on the widget: its settings can be reused.
    QTemporaryDir elsewhere;
    bksdm::RgbImage rgb{2, 2, std::vector<uint8_t>(12, 0)};
    const std::string foreign = bksdm::encode_png(rgb, {{"parameters", "a dog\nSteps: 9, Sampler: DDIM, CFG scale: 4, Seed: 5, Size: 2x2"}});
    QFile file(elsewhere.filePath("a1111.png"));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(foreign.data(), qint64(foreign.size())) > 0);
    file.close();
    await(widget.showFiles({file.fileName()}));
    QVERIFY(!widget.compareView()->isVisible());
    QCOMPARE(widget.detailPanel()->entry()->metadata.settings.params.prompt, QStringLiteral("a dog"));
    QVERIFY(action("reuse")->isEnabled());
    QVERIFY(!action("trash")->isEnabled());
    action("reuse")->trigger();
    QCOMPARE(reuse.last().first().value<GenerationSettings>().params.scheduler, QStringLiteral("ddim"));
  }

  // Select A, select B, delete it, drop a PNG from elsewhere: the detail panel and every action
  // that it offers are about the dropped file, the deleted image is shown nowhere, and the count
  // is the gallery's.
  void actionsFollowTheImageShownAfterADelete() {
    QTemporaryDir folder, elsewhere;
    const QDateTime now = QDateTime::currentDateTime();
    QStringList paths;
    for (int i = 0; i < 4; ++i) paths << save(folder.path(), settings(QStringLiteral("fox %1").arg(i), quint64(i + 1), "M", now.addSecs(i - 10)));
    GalleryWidget widget;
    widget.resize(1000, 700);
    widget.openFolder(folder.path());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QTRY_COMPARE(widget.view()->model()->rowCount(), 4);
    QTRY_VERIFY(!widget.gallery()->isLoading());
    auto* count = widget.findChild<QLabel*>(QStringLiteral("count"));
    QVERIFY(count);
    const auto action = [&](const char* name) { return widget.findChild<QAction*>(name); };
    const auto click = [&](int row) {
      const QModelIndex index = widget.view()->model()->index(row, 0);
      QTest::mouseClick(widget.view()->viewport(), Qt::LeftButton, {}, widget.view()->visualRect(index).center());
      return index.data(GalleryModel::PathRole).toString();
    };
    click(1);
    const QString deleted = click(2);
    QCOMPARE(widget.detailPanel()->entry()->path, deleted);
    action("trash")->trigger();
    QCOMPARE(count->text(), QStringLiteral("Images: 3"));
    QVERIFY(!QFile::exists(deleted));
    QTest::qWait(1000);  // the rescan that follows a change on disk
    QCOMPARE(count->text(), QStringLiteral("Images: 3"));
    QVERIFY(!widget.detailPanel()->entry() || widget.detailPanel()->entry()->path != deleted);
    QVERIFY(!widget.detailPanel()->entry() || QFile::exists(widget.detailPanel()->entry()->path));

    const QString dropped = save(elsewhere.path(), settings("a dropped owl", 99, "Other"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dropped)});
    const QPoint centre = widget.rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&widget, &enter);
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&widget, &drop);
    QTRY_VERIFY(widget.detailPanel()->entry() && widget.detailPanel()->entry()->path == dropped);
    // The grid taking the focus back (the window activated again, or Tab) must not choose an image.
    widget.findChild<QLineEdit*>(QStringLiteral("search"))->setFocus(Qt::TabFocusReason);
    widget.view()->setFocus(Qt::ActiveWindowFocusReason);
    QTest::qWait(1000);
    QSignalSpy reuse(&widget, &GalleryWidget::reuseRequested);
    action("reuse")->trigger();
    QCOMPARE(reuse.size(), 1);
    QCOMPARE(reuse.first().first().value<GenerationSettings>().params.prompt, QStringLiteral("a dropped owl"));
    QCOMPARE(widget.detailPanel()->entry()->path, dropped);
  }

  // Files dragged in from another program are read; several open side by side.
  void dropFromOtherPrograms() {
    QTemporaryDir folder, elsewhere;
    GalleryWidget widget;
    widget.openFolder(folder.path());
    widget.resize(800, 600);
    widget.show();
    const QString one = save(elsewhere.path(), settings("dropped one", 1));
    const QString two = save(elsewhere.path(), settings("dropped two", 1));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(one), QUrl::fromLocalFile(two)});
    const QPoint centre = widget.rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&widget, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&widget, &drop);
    QVERIFY(drop.isAccepted());
    QTRY_VERIFY(widget.compareView()->isVisible());
    QCOMPARE(widget.compareView()->entries().size(), 2);
    QCOMPARE(widget.compareView()->differingKeys(), QStringList{"prompt"});
    QCOMPARE(pngFiles(folder.path()).size(), 0);  // read, not copied into the gallery
  }

  void autoSaveFollowsTheSetting() {
    QTemporaryDir folder;
    GalleryWidget widget;
    widget.openFolder(folder.path());
    QTRY_VERIFY(!widget.gallery()->isLoading());
    QSignalSpy saved(&widget, &GalleryWidget::saved);
    GallerySettings().setAutoSave(true);
    widget.addResult(solidImage(8, 8), settings("kept", 1));
    QTRY_COMPARE(saved.size(), 1);
    GallerySettings().setAutoSave(false);
    widget.addResult(solidImage(8, 8), settings("not kept", 2));
    widget.saveResult(solidImage(8, 8), settings("saved by hand", 3));
    QTRY_COMPARE(saved.size(), 2);
    QTest::qWait(100);
    QCOMPARE(pngFiles(folder.path()).size(), 2);
  }
};

int main(int argc, char** argv) {
  // Caches, settings and the trash in a folder of their own, on the disk of the test images.
  QTemporaryDir home;
  qputenv("XDG_CACHE_HOME", home.filePath("cache").toUtf8());
  qputenv("XDG_CONFIG_HOME", home.filePath("config").toUtf8());
  qputenv("XDG_DATA_HOME", home.filePath("data").toUtf8());
  QDir().mkpath(home.filePath("data"));
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("bksdm-tests"));
  QApplication::setApplicationName(QStringLiteral("gallery-browsing"));
  BrowsingTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_browsing.moc"
