// Saving never loses an image: names never collide, and a write that fails half-way (a file size
// limit, a full disk, a read-only folder, a killed process) leaves no partial file under an image's
// name and every earlier file as it was, and says what went wrong.
#include <QDir>
#include <QGuiApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentMap>

#include <qcoro/qcorotask.h>

#include <csignal>
#include <cstring>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

#include "app/gallery/gallery.h"
#include "app/gallery/image_file.h"
#include "app/gallery/new_files.h"
#include "core/io/error.h"

using namespace bksdm::gallery;

namespace {

constexpr char kChildWriteOption[] = "--write-forever";

// Noise does not compress: a PNG of about 3 bytes a pixel.
QImage noiseImage(int edge) {
  QImage image(edge, edge, QImage::Format_RGB32);
  auto* random = QRandomGenerator::global();
  for (int y = 0; y < edge; ++y)
    for (int x = 0; x < edge; ++x) image.setPixel(x, y, random->generate());
  return image;
}

GenerationSettings settingsWithSeed(quint64 seed) {
  GenerationSettings settings;
  settings.params.prompt = QStringLiteral("a red fox");
  settings.params.seed = seed;
  settings.created = QDateTime::fromString(QStringLiteral("2024-06-11T15:30:12"), Qt::ISODate);
  return settings;
}

// Every file of the folder (hidden ones too) with its bytes.
QMap<QString, QByteArray> snapshot(const QString& folder) {
  QMap<QString, QByteArray> files;
  for (const QFileInfo& info : QDir(folder).entryInfoList(QDir::Files | QDir::Hidden | QDir::System)) {
    QFile file(info.filePath());
    files.insert(info.fileName(), file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>"));
  }
  return files;
}

// A tmpfs of `kib` KiB at `folder`, unmounted again on destruction (root only).
class SmallDisk {
 public:
  SmallDisk(const QString& folder, int kib) : folder_(QFile::encodeName(folder)) {
    const QByteArray options = "size=" + QByteArray::number(kib) + "k";
    mounted_ = ::geteuid() == 0 && ::mount("tmpfs", folder_.constData(), "tmpfs", 0, options.constData()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(folder_.constData(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  bool makeReadOnly() {
    return ::mount("tmpfs", folder_.constData(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
  }

 private:
  QByteArray folder_;
  bool mounted_ = false;
};

// A process-wide file size limit (write() then fails with EFBIG) for the life of this object.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &saved_);
    previous_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = saved_;
    limit.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, previous_);
  }

 private:
  rlimit saved_{};
  void (*previous_)(int) = nullptr;
};

// The child process of killedMidWrite: writes a huge file into the folder until it is killed.
int writeForever(const QString& folder) {
  const QByteArray huge(512 << 20, 'x');
  writeNewFiles(folder, QStringLiteral("never"), {{QStringLiteral(".png"), huge}});
  return 0;
}

template <typename T>
T await(QCoro::Task<T>&& task) {
  return QCoro::waitFor(std::move(task));
}

}  // namespace

class SavingTest : public QObject {
  Q_OBJECT

 private:
  // An earlier image, then a save that fails: the folder must be exactly as before.
  void expectFailedSaveChangesNothing(const QString& folder, const QImage& image, const char* reason) {
    const QMap<QString, QByteArray> before = snapshot(folder);
    try {
      writeImageFile(folder, image, settingsWithSeed(2));
      QFAIL("the save did not fail");
    } catch (const bksdm::Error& error) {
      QVERIFY2(QString::fromStdString(error.what()).contains(QLatin1String(reason)), error.what());
      QVERIFY2(QString::fromStdString(error.what()).contains(folder), error.what());
    }
    QCOMPARE(snapshot(folder), before);
  }

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void namesNeverCollide() {
    QTemporaryDir folder;
    QStringList paths;
    for (int i = 0; i < 4; ++i) paths << writeImageFile(folder.path(), noiseImage(16), settingsWithSeed(7)).path;
    QCOMPARE(paths[0], folder.filePath("20240611-153012_7.png"));
    QCOMPARE(paths[1], folder.filePath("20240611-153012_7-2.png"));
    QCOMPARE(paths[3], folder.filePath("20240611-153012_7-4.png"));
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden).size(), 4);
  }

  // A stem is free only when every file of the save is: an old sidecar never gets a new image.
  void sidecarsKeepTheirImages() {
    QTemporaryDir folder;
    QFile stray(folder.filePath("20240611-153012_7.safetensors"));
    QVERIFY(stray.open(QIODevice::WriteOnly) && stray.write("old maps") > 0);
    stray.close();
    QTemporaryDir source;
    QFile maps(source.filePath("maps.safetensors"));
    QVERIFY(maps.open(QIODevice::WriteOnly) && maps.write("new maps") > 0);
    maps.close();

    const GalleryEntry entry = writeImageFile(folder.path(), noiseImage(16), settingsWithSeed(7), maps.fileName());
    QCOMPARE(entry.path, folder.filePath("20240611-153012_7-2.png"));
    QVERIFY(entry.hasAttentionMaps);
    QCOMPARE(snapshot(folder.path()).value("20240611-153012_7-2.safetensors"), QByteArray("new maps"));
    QCOMPARE(snapshot(folder.path()).value("20240611-153012_7.safetensors"), QByteArray("old maps"));
    QVERIFY(!QFile::exists(folder.filePath("20240611-153012_7.png")));
  }

  void concurrentSavesGetTheirOwnNames() {
    QTemporaryDir folder;
    QList<int> indexes(16);
    const QList<QString> paths = QtConcurrent::blockingMapped(indexes, [&](int) {
      return writeImageFile(folder.path(), noiseImage(32), settingsWithSeed(5)).path;
    });
    QCOMPARE(QSet<QString>(paths.begin(), paths.end()).size(), 16);
    for (const QString& path : paths) QCOMPARE(readImageMetadata(path).settings.params.seed, quint64(5));
  }

  // write() fails with EFBIG part-way through the image, as on a quota or a full disk.
  void writeFailsHalfWay() {
    QTemporaryDir folder;
    writeImageFile(folder.path(), noiseImage(64), settingsWithSeed(1));
    const QImage big = noiseImage(256);  // about 200 KB of PNG
    FileSizeLimit limit(64 * 1024);
    expectFailedSaveChangesNothing(folder.path(), big, strerror(EFBIG));
  }

  void diskFull() {
    QTemporaryDir folder;
    SmallDisk disk(folder.path(), 256);
    if (!disk.mounted()) QSKIP("needs root to mount a small tmpfs");
    writeImageFile(folder.path(), noiseImage(128), settingsWithSeed(1));  // about 50 KB
    expectFailedSaveChangesNothing(folder.path(), noiseImage(320), strerror(ENOSPC));  // about 300 KB
  }

  void readOnlyFolder() {
    QTemporaryDir folder;
    SmallDisk disk(folder.path(), 1024);
    if (disk.mounted()) {
      writeImageFile(folder.path(), noiseImage(32), settingsWithSeed(1));
      QVERIFY(disk.makeReadOnly());
      expectFailedSaveChangesNothing(folder.path(), noiseImage(32), strerror(EROFS));
    } else {
      if (::geteuid() == 0) QSKIP("root writes into read-only folders, and no tmpfs can be mounted here");
      writeImageFile(folder.path(), noiseImage(32), settingsWithSeed(1));
      QFile::setPermissions(folder.path(), QFile::ReadOwner | QFile::ExeOwner);
      expectFailedSaveChangesNothing(folder.path(), noiseImage(32), strerror(EACCES));
      QFile::setPermissions(folder.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
  }

  // kill -9 in the middle of a write: no file under an image name, the partial data only in a
  // hidden temporary file, which the gallery never lists and clears away later.
  void killedMidWrite() {
    QTemporaryDir folder;
    const QString old = writeImageFile(folder.path(), noiseImage(32), settingsWithSeed(1)).path;
    const QMap<QString, QByteArray> before = snapshot(folder.path());
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {kChildWriteOption, folder.path()});
    QVERIFY(child.waitForStarted());
    QStringList partial;
    QTRY_VERIFY_WITH_TIMEOUT((partial = QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), partial.size() > 1), 10000);
    ::kill(pid_t(child.processId()), SIGKILL);
    child.waitForFinished();

    const QMap<QString, QByteArray> after = snapshot(folder.path());
    QCOMPARE(QDir(folder.path()).entryList({"*.png"}, QDir::Files), QStringList{QFileInfo(old).fileName()});
    QCOMPARE(after.value(QFileInfo(old).fileName()), before.value(QFileInfo(old).fileName()));
    QCOMPARE(after.size(), 2);
    for (const QString& name : after.keys())
      if (name != QFileInfo(old).fileName()) QVERIFY2(isTemporaryFileName(name), qPrintable(name));
    removeStaleTemporaryFiles(folder.path(), std::chrono::seconds(-1));
    QCOMPARE(snapshot(folder.path()), before);
  }

  // The gallery reports a failed save with its reason and keeps its model as it was.
  void gallerySignalsFailure() {
    QTemporaryDir folder;
    Gallery gallery(64, folder.filePath("thumbnails"));
    const QString images = folder.filePath("images");
    await(gallery.open(images));
    QVERIFY(!await(gallery.save(noiseImage(16), settingsWithSeed(1))).isEmpty());
    QCOMPARE(gallery.model()->rowCount(), 1);

    QSignalSpy failed(&gallery, &Gallery::saveFailed);
    {
      FileSizeLimit limit(4096);
      QCOMPARE(await(gallery.save(noiseImage(256), settingsWithSeed(2))), QString());
    }
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QString::fromLocal8Bit(strerror(EFBIG))));
    QCOMPARE(gallery.model()->rowCount(), 1);
    QCOMPARE(QDir(images).entryList(QDir::Files | QDir::Hidden).size(), 1);
  }
};

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], kChildWriteOption) == 0) return writeForever(QString::fromLocal8Bit(argv[2]));
  QGuiApplication app(argc, argv);
  SavingTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_saving.moc"
