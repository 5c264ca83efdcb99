// What the gallery writes into a PNG comes back exactly, and what other programs write is read.
#include <QImage>
#include <QImageWriter>
#include <QLabel>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

#include "app/gallery/gallery_index.h"
#include "app/gallery/generation_settings.h"
#include "app/gallery/image_file.h"
#include "app/gallery/word_diff.h"
#include "ui/gallery/detail_panel.h"
#include "core/io/error.h"
#include "core/io/png.h"

using namespace bksdm::gallery;
using Pairs = QList<std::pair<QString, QString>>;

namespace {

QImage testImage(int width = 64, int height = 48) {
  QImage image(width, height, QImage::Format_RGB32);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) image.setPixel(x, y, qRgb(x * 4, y * 5, (x * y) % 256));
  return image;
}

GenerationSettings fullSettings() {
  GenerationSettings settings;
  settings.params.prompt = QStringLiteral("a red fox in the snow, (masterpiece:1.2)");
  settings.params.negativePrompt = QStringLiteral("blurry, lowres");
  settings.params.modelId = QStringLiteral("nota-ai/bk-sdm-v2-tiny");
  settings.params.modelName = QStringLiteral("BK-SDM-v2-Tiny");
  settings.params.modelHashes = {{"unet/diffusion_pytorch_model.safetensors", QString(64, QChar('a'))},
                          {"vae/diffusion_pytorch_model.safetensors", QString(64, QChar('b'))}};
  settings.params.scheduler = QStringLiteral("dpmpp_2m_karras");
  settings.params.steps = 25;
  settings.params.guidanceScale = 7.25;
  settings.params.eta = 0.0;
  settings.params.seed = 3221453162u;
  settings.params.width = 512;
  settings.params.height = 768;
  settings.batchIndex = 2;
  settings.params.numImages = 4;
  settings.appVersion = QStringLiteral("0.1.0");
  settings.created = QDateTime::fromString(QStringLiteral("2024-06-11T15:30:12.345+02:00"), Qt::ISODateWithMs);
  return settings;
}

// A PNG as another program writes it: the image and one `parameters` chunk.
QString writeForeignPng(const QString& folder, const QString& name, const QString& parameters) {
  bksdm::RgbImage rgb{4, 4, std::vector<uint8_t>(48, 128)};
  const std::string bytes = bksdm::encode_png(rgb, {{"parameters", parameters.toStdString()}});
  const QString path = folder + '/' + name;
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size())) return {};
  return path;
}

QByteArray fileBytes(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class MetadataTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void settingsJsonRoundTrip() {
    GenerationSettings settings = fullSettings();
    QCOMPARE(GenerationSettings::fromJson(settings.toJson()), settings);
    settings.params.seed = std::numeric_limits<quint64>::max();  // beyond int64: written as a string
    const QJsonObject json = QJsonDocument::fromJson(QJsonDocument(settings.toJson()).toJson()).object();
    QCOMPARE(GenerationSettings::fromJson(json), settings);
  }

  void settingsFromForeignJsonKeepDefaults() {
    const GenerationSettings settings = GenerationSettings::fromJson(QJsonObject{{"prompt", "x"}, {"steps", "many"}});
    QCOMPARE(settings.params.prompt, QStringLiteral("x"));
    QCOMPARE(settings.params.steps, GenerationSettings{}.params.steps);
  }

  void pngRoundTrip_data() {
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("negative");
    QTest::newRow("ascii") << QString("a red fox in the snow, (masterpiece:1.2)") << QString("blurry");
    QTest::newRow("latin-1") << QString("café crème, déjà vu") << QString();
    QTest::newRow("unicode") << QStringLiteral("눈 속의 붉은 여우, 雪の中の狐, лиса 🦊") << QStringLiteral("흐릿한, 低品質");
    QTest::newRow("multi-line") << QString("  first line, indented\n\nthird line: with a colon, \"quotes\"\n")
                                << QString("Negative prompt: inside\nsecond: line, 2");
  }

  // Write, read, reuse: the settings read back are the ones written, to the last field.
  void pngRoundTrip() {
    QFETCH(QString, prompt);
    QFETCH(QString, negative);
    QTemporaryDir folder;
    GenerationSettings settings = fullSettings();
    settings.params.prompt = prompt;
    settings.params.negativePrompt = negative;
    const GalleryEntry written = writeImageFile(folder.path(), testImage(), settings);

    const ImageMetadata read = readImageMetadata(written.path);
    QCOMPARE(read.source, ImageMetadata::Source::Studio);
    QCOMPARE(read.settings, settings);
    QCOMPARE(read, written.metadata);
    QCOMPARE(readEntry(QFileInfo(written.path), false), written);
    QCOMPARE(QImage(written.path).convertToFormat(QImage::Format_RGB32), testImage());

    // Other programs see the A1111 text: prompt and settings line as A1111 writes them.
    const ImageMetadata a1111 = metadataFromParameters(read.parameters);
    // Image `batchIndex` of a per-image batch is its own seed's, as A1111 writes it.
    QCOMPARE(a1111.settings.params.seed, settings.params.seed + quint64(settings.batchIndex));
    QCOMPARE(a1111.settings.params.steps, settings.params.steps);
    QCOMPARE(a1111.settings.params.guidanceScale, settings.params.guidanceScale);
    QCOMPARE(a1111.settings.params.scheduler, settings.params.scheduler);
    QCOMPARE(a1111.settings.params.width, settings.params.width);
    QCOMPARE(a1111.settings.params.height, settings.params.height);
    QCOMPARE(a1111.settings.params.modelName, settings.params.modelName);
    QCOMPARE(a1111.settings.params.negativePrompt, negative.trimmed());
  }

  // PIL's (and A1111's) choice: tEXt for Latin-1, iTXt for anything else.
  void chunkTypeFollowsText() {
    QTemporaryDir folder;
    GenerationSettings settings = fullSettings();
    const QByteArray latin = fileBytes(writeImageFile(folder.path(), testImage(), settings).path);
    QVERIFY(latin.contains("tEXtparameters"));
    settings.params.prompt = QStringLiteral("여우");
    settings.params.seed += 1;
    const QByteArray unicode = fileBytes(writeImageFile(folder.path(), testImage(), settings).path);
    QVERIFY(unicode.contains("iTXtparameters"));
    QVERIFY(unicode.contains(QByteArray("iTXt") + kSettingsKeyword));
  }

  void foreignParameters_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("negative");
    QTest::addColumn<QString>("scheduler");
    QTest::addColumn<int>("steps");
    QTest::addColumn<double>("guidance");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("model");
    QTest::addColumn<Pairs>("other");
    QTest::addColumn<int>("clipSkip");

    QTest::newRow("AUTOMATIC1111 1.9")
        << QString("masterpiece, best quality, 1girl, (blue eyes:1.2), looking at viewer\n"
           "Negative prompt: lowres, bad anatomy, bad hands,\n"
           "text, error, missing fingers\n"
           "Steps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 3221453162, Size: 512x768, "
           "Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, Denoising strength: 0.7, Hires upscale: 2, "
           "Lora hashes: \"add_detail: 7c6bad76eb54, more_details: 3b8aa1d351ef\", Version: v1.9.4")
        << QString("masterpiece, best quality, 1girl, (blue eyes:1.2), looking at viewer")
        << QString("lowres, bad anatomy, bad hands,\ntext, error, missing fingers") << QString("dpmpp_2m_karras") << 20 << 7.0
        << quint64(3221453162u) << QSize(512, 768) << QString("v1-5-pruned-emaonly")
        << Pairs{{"Model hash", "6ce0161689"},
                 {"Hires upscale", "2"},
                 {"Lora hashes", "add_detail: 7c6bad76eb54, more_details: 3b8aa1d351ef"},
                 {"Version", "v1.9.4"}} << 1;
    QTest::newRow("AUTOMATIC1111 1.5, multi-line prompt")
        << QString("a castle on a hill,\nat sunset, (dramatic lighting)\n"
           "Steps: 30, Sampler: Euler a, CFG scale: 8.5, Seed: 12, Size: 768x512, Model hash: e6bb9ea85b, "
           "Model: sd-v1-4, Clip skip: 2, ENSD: 31337")
        << QString("a castle on a hill,\nat sunset, (dramatic lighting)") << QString("") << QString("euler_a") << 30 << 8.5 << quint64(12)
        << QSize(768, 512) << QString("sd-v1-4") << Pairs{{"Model hash", "e6bb9ea85b"}, {"ENSD", "31337"}} << 2;
    // stable-diffusion.cpp names its samplers its own way: kept, not guessed.
    QTest::newRow("stable-diffusion.cpp")
        << QString("a lovely cat\nNegative prompt: ugly\nSteps: 20, CFG scale: 7.000000, Seed: 42, Size: 512x512, "
           "Model: sd-v1-4.safetensors, RNG: cuda, Sampler: euler_a, Version: stable-diffusion.cpp")
        << QString("a lovely cat") << QString("ugly") << QString("") << 20 << 7.0 << quint64(42) << QSize(512, 512) << QString("sd-v1-4.safetensors")
        << Pairs{{"RNG", "cuda"}, {"Sampler", "euler_a"}, {"Version", "stable-diffusion.cpp"}} << 1;
    QTest::newRow("prompt only")
        << QStringLiteral("just a prompt, nothing else") << QString("just a prompt, nothing else") << QString("") << QString("") << 25 << 7.5
        << quint64(0) << QSize(512, 512) << QString("") << Pairs{} << 1;
    QTest::newRow("unicode prompt") << QStringLiteral("고양이, 猫\nSteps: 10, Sampler: DDIM, CFG scale: 5, Seed: 7, Size: 256x256")
                                    << QStringLiteral("고양이, 猫") << QString("") << QString("ddim") << 10 << 5.0 << quint64(7)
                                    << QSize(256, 256) << QString("") << Pairs{} << 1;
  }

  // Read through the same reader as gallery files: from a PNG on disk.
  void foreignParameters() {
    QFETCH(QString, text);
    QTemporaryDir folder;
    const QString path = writeForeignPng(folder.path(), "foreign.png", text);
    const ImageMetadata metadata = readImageMetadata(path);
    QCOMPARE(metadata.source, ImageMetadata::Source::Parameters);
    QCOMPARE(metadata.parameters, text);
    QTEST(metadata.settings.params.prompt, "prompt");
    QTEST(metadata.settings.params.negativePrompt, "negative");
    QTEST(metadata.settings.params.scheduler, "scheduler");
    QTEST(metadata.settings.params.steps, "steps");
    QTEST(metadata.settings.params.guidanceScale, "guidance");
    QTEST(metadata.settings.params.seed, "seed");
    QTEST(QSize(metadata.settings.params.width, metadata.settings.params.height), "size");
    QTEST(metadata.settings.params.modelName, "model");
    QTEST(metadata.otherParameters, "other");
    QTEST(metadata.settings.params.clipSkip, "clipSkip");
    QCOMPARE(metadata.settings.params.promptSyntax, QString("a1111"));  // A1111 reads its own syntax
  }

  // Qt writes long texts compressed (zTXt), its newlines as spaces; any PNG writer's
  // `parameters` is read.
  void compressedParametersFromQt() {
    QTemporaryDir folder;
    const QString path = folder.filePath("qt.png");
    QImageWriter writer(path);
    writer.setText(QStringLiteral("parameters"), QString(300, QChar('w')) + " Steps: 12, Sampler: DDIM, CFG scale: 6, Seed: 99, Size: 64x48");
    QVERIFY(writer.write(testImage()));
    const ImageMetadata metadata = readImageMetadata(path);
    QCOMPARE(metadata.source, ImageMetadata::Source::Parameters);
    QVERIFY(metadata.parameters.startsWith(QString(300, QChar('w'))));
    QCOMPARE(metadata.settings.params.seed, quint64(99));
    QCOMPARE(metadata.settings.params.scheduler, QStringLiteral("ddim"));
  }

  // `bksdm generate` writes the A1111 text and "Software: bksdm VERSION" (cli/image_output.cpp):
  // the detail panel says the image is ours, read from our command-line tool's text; another
  // program's stays "another program", and the index keeps which is which.
  void ourCommandLinesPngsAreRecognised() {
    QTemporaryDir folder;
    bksdm::RgbImage rgb{4, 4, std::vector<uint8_t>(48, 128)};
    const std::string parameters = "a lighthouse\nSteps: 25, Sampler: PNDM, CFG scale: 7.5, Seed: 5, Size: 4x4";
    const std::string bytes = bksdm::encode_png(rgb, {{"parameters", parameters}, {"Software", "bksdm 0.1.0"}});
    QFile file(folder.filePath("cli.png"));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes.data(), qint64(bytes.size())) > 0);
    file.close();
    const GalleryEntry ours = readEntry(QFileInfo(file.fileName()), false);
    QCOMPARE(ours.metadata.source, ImageMetadata::Source::Parameters);
    QVERIFY(ours.metadata.fromCommandLine());
    QCOMPARE(GalleryEntry::fromJson(ours.toJson()), ours);
    const GalleryEntry foreign = readEntry(QFileInfo(writeForeignPng(folder.path(), "other.png", QString::fromStdString(parameters))), false);
    QVERIFY(!foreign.metadata.fromCommandLine());

    DetailPanel panel({});
    const auto readFrom = [&] {
      for (QLabel* label : panel.findChildren<QLabel*>())
        if (label->text().startsWith(QLatin1String("the \"parameters\" text"))) return label->text();
      return QString();
    };
    panel.showEntry(ours);
    QVERIFY2(readFrom().contains(QLatin1String("bksdm")), qPrintable(readFrom()));
    panel.showEntry(foreign);
    QVERIFY2(readFrom().contains(QLatin1String("another program")), qPrintable(readFrom()));
  }

  void fileWithoutSettings() {
    QTemporaryDir folder;
    const QString plain = folder.filePath("plain.png");
    QVERIFY(testImage().save(plain));
    QCOMPARE(readImageMetadata(plain).source, ImageMetadata::Source::None);
    const QString jpeg = folder.filePath("photo.jpg");
    QVERIFY(testImage().save(jpeg));
    QVERIFY_THROWS_EXCEPTION(bksdm::Error, readImageMetadata(jpeg));
    QCOMPARE(readEntry(QFileInfo(jpeg), false).metadata.hasSettings(), false);
  }

  void fileStems() {
    GenerationSettings settings = fullSettings();
    QCOMPARE(imageFileStem(settings), QStringLiteral("20240611-153012_3221453162_3"));
    settings.params.numImages = 1;
    QCOMPARE(imageFileStem(settings), QStringLiteral("20240611-153012_3221453162"));
  }

  // The comparison's highlights: only what differs, and in prompts the words that differ.
  void differences() {
    GenerationSettings a = fullSettings(), b = fullSettings();
    b.params.prompt = QStringLiteral("a blue fox in the snow, (masterpiece:1.2)");
    b.created = b.created.addSecs(60);
    QCOMPARE(differingFields({a, b}), QStringList{"prompt"});
    b.params.steps = 30;
    QCOMPARE(differingFields({a, b}), (QStringList{"prompt", "steps"}));

    QStringList changed;
    QString joined;
    for (const DiffPiece& piece : diffWords(b.params.prompt, a.params.prompt)) {
      joined += piece.text;
      if (piece.changed) changed << piece.text;
    }
    QCOMPARE(joined, b.params.prompt);
    QCOMPARE(changed, QStringList{"blue"});
    QCOMPARE(diffWords("Red FOX", "a red fox").size(), 3);
    QVERIFY(!diffWords("Red FOX", "a red fox")[0].changed);
  }
};

QTEST_MAIN(MetadataTest)
#include "test_metadata.moc"
