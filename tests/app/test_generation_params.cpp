// The app's one description of a run: every field survives the gallery's JSON and, where A1111's
// "parameters" text has a key for it, that text; the text is A1111's; the defaults, limits and
// scheduler labels are the core's; a weight file is hashed once, then read from the cache.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include "app/file_hashes.h"
#include "app/gallery/generation_settings.h"
#include "app/generation_params.h"
#include "app/lora_tags.h"
#include "app/resource_library.h"
#include "app/schedulers.h"
#include "core/generation/generation_request.h"

using namespace bksdm;

namespace {

const QString kInputs = QStringLiteral(BKSDM_FIXTURES_DIR "/inputs/images/");

// Every field away from its default.
GenerationParams everyField() {
  GenerationParams p;
  p.modelId = QStringLiteral("nota-ai/bk-sdm-v2-tiny");
  p.modelName = QStringLiteral("BK-SDM-v2-Tiny");
  p.modelHashes = {{"unet/diffusion_pytorch_model.safetensors", QString(64, QChar('a'))},
                   {"text_encoder/model.safetensors", QString(64, QChar('b'))}};
  p.prompt = QStringLiteral("a red fox in the snow, (masterpiece:1.2)\nsecond line: with a colon");
  p.negativePrompt = QStringLiteral("blurry, lowres");
  p.scheduler = QStringLiteral("ddim");
  p.steps = 30;
  p.guidanceScale = 6.25;
  p.width = 640;
  p.height = 384;
  p.seed = 18446744073709551557u;  // past int64
  p.numImages = 3;
  p.batchNoise = QStringLiteral("shared");
  p.initImage = kInputs + QStringLiteral("shapes-96x64.png");
  p.mask = kInputs + QStringLiteral("mask-ellipse-96x64.png");
  p.strength = 0.6;
  p.subseed = 1234;
  p.subseedStrength = 0.3;
  p.eta = 0.25;
  p.promptSyntax = QStringLiteral("plain");
  p.clipSkip = 2;
  p.attentionMaps = true;
  p.negativeAttentionMaps = true;
  p.tiledDecode = true;
  p.precision = QStringLiteral("bf16");
  p.loraFolder = QStringLiteral("/home/me/loras");
  p.embeddingsFolder = QStringLiteral("/home/me/embeddings");
  p.loraTeacherBlocks = true;
  p.loraHashes = {{"film-grain", QString(64, QChar('c'))}};
  p.embeddingHashes = {{"lowq-neg", QString(64, QChar('d'))}};
  p.vaeId = QStringLiteral("/home/me/vae/sd-vae-ft-mse");
  p.vaeName = QStringLiteral("sd-vae-ft-mse");
  p.vaeHashes = {{"diffusion_pytorch_model.safetensors", QString(64, QChar('e'))}};
  return p;
}

bool writeFile(const QString& path, const QByteArray& bytes) {
  QFile file(path);
  return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

}  // namespace

class GenerationParamsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everyFieldIsSetAwayFromItsDefault() {
    const GenerationParams defaults, full = everyField();
    QVERIFY(full.modelId != defaults.modelId && full.modelName != defaults.modelName);
    QVERIFY(full.modelHashes != defaults.modelHashes && full.prompt != defaults.prompt);
    QVERIFY(full.negativePrompt != defaults.negativePrompt && full.scheduler != defaults.scheduler);
    QVERIFY(full.steps != defaults.steps && full.guidanceScale != defaults.guidanceScale);
    QVERIFY(full.width != defaults.width && full.height != defaults.height && full.seed != defaults.seed);
    QVERIFY(full.numImages != defaults.numImages && full.eta != defaults.eta);
    QVERIFY(full.subseed != defaults.subseed && full.subseedStrength != defaults.subseedStrength);
    QVERIFY(full.promptSyntax != defaults.promptSyntax && full.clipSkip != defaults.clipSkip);
    QVERIFY(full.attentionMaps != defaults.attentionMaps && full.tiledDecode != defaults.tiledDecode);
    QVERIFY(full.negativeAttentionMaps != defaults.negativeAttentionMaps);
    QVERIFY(full.batchNoise != defaults.batchNoise && full.strength != defaults.strength);
    QVERIFY(full.initImage != defaults.initImage && full.mask != defaults.mask);
    QVERIFY(full.loraFolder != defaults.loraFolder && full.embeddingsFolder != defaults.embeddingsFolder);
    QVERIFY(full.loraTeacherBlocks != defaults.loraTeacherBlocks && full.precision != defaults.precision);
    QVERIFY(full.loraHashes != defaults.loraHashes && full.embeddingHashes != defaults.embeddingHashes);
    QVERIFY(full.vaeId != defaults.vaeId && full.vaeName != defaults.vaeName && full.vaeHashes != defaults.vaeHashes);
  }

  void toTheCoreAndBack() {
    const GenerationParams full = everyField();
    const GenerationRequest request = toRequest(full);
    QCOMPARE(request.model.id, std::string("nota-ai/bk-sdm-v2-tiny"));
    QCOMPARE(request.model.hashes.at("text_encoder/model.safetensors"), std::string(64, 'b'));
    QCOMPARE(request.seed, 18446744073709551557u);
    QCOMPARE(request.eta, 0.25);
    QCOMPARE(request.subseed, uint64_t(1234));
    QCOMPARE(request.subseed_strength, 0.3);
    QVERIFY(request.prompt_syntax == PromptSyntax::Plain);
    QCOMPARE(request.clip_skip, 2);
    QVERIFY(request.attention_maps && request.attention_maps_per_step && request.tiled_decode);
    QVERIFY(request.negative_attention_maps);
    QVERIFY(request.batch_noise == BatchNoise::Shared);
    QCOMPARE(request.strength, 0.6);
    QCOMPARE(request.embeddings, std::string("/home/me/embeddings"));
    QCOMPARE(request.embedding_hashes.at("lowq-neg"), std::string(64, 'd'));
    QCOMPARE(request.vae.id, std::string("/home/me/vae/sd-vae-ft-mse"));
    QCOMPARE(request.vae.hashes.at("diffusion_pytorch_model.safetensors"), std::string(64, 'e'));
    QVERIFY(request.loras.empty());  // the prompt names none
    QVERIFY(request.lora_teacher_blocks);
    // The image inputs' files, read as the command line reads them.
    QCOMPARE(request.init_image.width, 96);
    QCOMPARE(request.mask.height, 64);
    // The core holds pixels and LoRA files, not files and folders: they do not come back.
    GenerationParams withoutFiles = full;
    withoutFiles.initImage.clear();
    withoutFiles.mask.clear();
    withoutFiles.loraFolder.clear();
    withoutFiles.loraHashes.clear();
    QCOMPARE(fromRequest(request), withoutFiles);
  }

  void anUnreadableInitImageIsAnErrorNamingIt() {
    GenerationParams params;
    params.initImage = QStringLiteral("/nonexistent/init.png");
    QVERIFY_THROWS_EXCEPTION(std::exception, toRequest(params));
  }

  // The steps a run makes: from an init image, int(steps x strength) of them.
  void stepsThatRunFollowTheStrength() {
    GenerationParams params;
    params.steps = 25;
    params.strength = 0.3;
    QCOMPARE(stepsThatRun(params), 25);  // no init image: all
    params.initImage = kInputs + QStringLiteral("gradient-64x64.png");
    QCOMPARE(stepsThatRun(params), 7);
  }

  // Vary: image 2 of a per-image batch is seed + 2's image, varied alone; a shared batch stays whole.
  void aVariationIsTheImagesOwnRun() {
    GenerationParams params;
    params.seed = 100;
    params.numImages = 4;
    const GenerationParams varied = variationOf(params, 2, 77, 0.1);
    QCOMPARE(varied.seed, quint64(102));
    QCOMPARE(varied.numImages, 1);
    QCOMPARE(varied.subseed, quint64(77));
    QCOMPARE(varied.subseedStrength, 0.1);
    params.batchNoise = QStringLiteral("shared");
    QCOMPARE(variationOf(params, 2, 77, 0.1).seed, quint64(100));
    QCOMPARE(variationOf(params, 2, 77, 0.1).numImages, 4);
  }

  void galleryJsonRoundTrip() {
    gallery::GenerationSettings settings;
    settings.params = everyField();
    settings.batchIndex = 2;
    const QByteArray text = QJsonDocument(settings.toJson()).toJson();
    const gallery::GenerationSettings read = gallery::GenerationSettings::fromJson(QJsonDocument::fromJson(text).object());
    QCOMPARE(read.params, everyField());
    QCOMPARE(read.batchIndex, 2);
  }

  void theGalleryNamesAVariationsSubseed() {
    gallery::GenerationSettings settings;
    settings.params = everyField();
    const auto variation = [&] {
      for (const gallery::SettingsField& field : settings.displayFields())
        if (field.key == QLatin1String("variation")) return field.value;
      return QString();
    };
    QVERIFY2(variation().contains(QLatin1String("1234")), qPrintable(variation()));
    settings.params.subseedStrength = 0;
    QVERIFY(variation().isEmpty());  // no variation: no such line
  }

  // The queue keeps its jobs across sessions in the same JSON of a run.
  void queueJsonRoundTrip() {
    const QJsonObject json = paramsToJson(everyField());
    QCOMPARE(paramsFromJson(json), everyField());
    // A seed beyond int64 goes as a string so that no JSON reader rounds it.
    QVERIFY(json["seed"].isString());
    QCOMPARE(paramsFromJson(QJsonObject{{"seed", "42"}, {"steps", -3}}).seed, quint64(42));
    QCOMPARE(paramsFromJson(QJsonObject{{"steps", -3}}).steps, 1);
    // Images stored before the prompt syntax existed were made from plain text.
    QCOMPARE(paramsFromJson(QJsonObject{}).promptSyntax, QString("plain"));
    // and batches were drawn from one generator.
    QCOMPARE(paramsFromJson(QJsonObject{{"num_images", 2}}).batchNoise, QString("shared"));
    QCOMPARE(paramsFromJson(QJsonObject{}).batchNoise, QString("per-image"));
    QCOMPARE(GenerationParams().promptSyntax, QString("a1111"));
  }

  void a1111TextIsA1111s() {
    QCOMPARE(a1111Text(everyField(), 2),
             QStringLiteral("a red fox in the snow, (masterpiece:1.2)\nsecond line: with a colon\n"
                            "Negative prompt: blurry, lowres\n"
                            "Steps: 30, Sampler: DDIM, CFG scale: 6.25, Seed: 18446744073709551557, Size: 640x384, "
                            "Model: BK-SDM-v2-Tiny, VAE hash: eeeeeeeeee, VAE: sd-vae-ft-mse, Denoising strength: 0.6, "
                            "Batch size: 3, Batch pos: 2, Batch noise: shared, Variation seed: 1234, "
                            "Variation seed strength: 0.3, Eta DDIM: 0.25, Clip skip: 2, Precision: bf16, "
                            "Prompt syntax: plain, Lora blocks: teacher, TI hashes: \"lowq-neg: dddddddddddd\""));
  }

  void a1111TextRoundTrip() {
    const ParametersReading read = readA1111Text(a1111Text(everyField(), 2));
    // What the text does not carry: the model's id (its Model key is the name) and file hashes,
    // the attention maps' and tiled decode's switches, and the image inputs' files.
    GenerationParams expected = everyField();
    expected.initImage.clear();
    expected.mask.clear();
    expected.modelId.clear();
    expected.modelHashes.clear();
    expected.attentionMaps = false;
    expected.negativeAttentionMaps = false;
    expected.tiledDecode = false;
    // Nor folders and whole hashes: A1111 writes the VAE's name and 12 digits of each TI hash.
    expected.loraFolder.clear();
    expected.embeddingsFolder.clear();
    expected.loraHashes.clear();  // the prompt names no LoRA
    expected.embeddingHashes = {{"lowq-neg", QString(12, QChar('d'))}};
    expected.vaeId.clear();
    expected.vaeHashes = {{"sd-vae-ft-mse", QString(10, QChar('e'))}};  // by its name: the file's is not written
    QCOMPARE(read.params, expected);
    QCOMPARE(read.batchIndex, 2);
    // The files' hashes are shown as they were written, with what no field of the form holds.
    QCOMPARE(read.otherSettings, (QList<std::pair<QString, QString>>{{"VAE hash", "eeeeeeeeee"},
                                                                     {"TI hashes", "lowq-neg: dddddddddddd"}}));
  }

  // JSON written before LoRAs, embeddings and VAEs existed reads as runs without them.
  // Another program's text names its checkpoint by the first 10 digits of the file's sha256 (here
  // the fixture checkpoint's, computed with Python's hashlib); Reuse finds it among the catalog's
  // files under any name, and leaves a description that names its model by location alone.
  void aCheckpointIsFoundByA1111sModelHash() {
    const QString checkpoint = QStringLiteral(BKSDM_FIXTURES_DIR "/inputs/single_file/sd-v1-4-mini.safetensors");
    const QString other = QStringLiteral(BKSDM_FIXTURES_DIR "/inputs/single_file/sd-v2-1-base-mini.safetensors");
    const QString folder = QStringLiteral(BKSDM_FIXTURES_DIR "/models/sd-v1-4-mini");
    const QMap<QString, QString> hashes = QCoro::waitFor(checkpointHashesInPool({folder, other, checkpoint}));
    QCOMPARE(hashes.keys(), (QStringList{checkpoint, other}));  // files only, not folders
    const ParametersReading read =
        readA1111Text(QStringLiteral("a vase\nSteps: 20, Seed: 1, Size: 64x64, Model hash: 294dae9cfa, Model: renamed"));
    QCOMPARE(read.params.modelHashes, (QMap<QString, QString>{{"renamed.safetensors", "294dae9cfa"}}));
    QCOMPARE(checkpointWithHash(read.params, hashes), checkpoint);
    GenerationParams located = read.params;
    located.modelId = folder;
    QVERIFY(checkpointWithHash(located, hashes).isEmpty());
  }

  void oldJsonHasNoResources() {
    QJsonObject json = paramsToJson(everyField());
    for (const char* key : {"lora_folder", "lora_hashes", "lora_teacher_blocks", "embeddings_folder", "embedding_hashes", "vae"})
      json.remove(key);
    const GenerationParams read = paramsFromJson(json);
    QVERIFY(!read.loraTeacherBlocks);
    QVERIFY(read.loraFolder.isEmpty() && read.embeddingsFolder.isEmpty() && read.vaeId.isEmpty() && read.vaeName.isEmpty());
    QVERIFY(read.loraHashes.isEmpty() && read.embeddingHashes.isEmpty() && read.vaeHashes.isEmpty());
    QCOMPARE(read.prompt, everyField().prompt);
  }

  // A1111's tags as its re reads them; the multiplier and the name rewritten in place.
  void loraTagsAreRewrittenInPlace() {
    const QString prompt = QStringLiteral("a <lora:grain:0.8> cat, <hypernet:x:1> <lora:grain> <lora:soft:abc:2>");
    const QList<LoraTag> tags = loraTags(prompt);
    QCOMPARE(tags.size(), 3);
    QCOMPARE(tags[0], (LoraTag{"grain", 0.8, 2, 16}));
    QCOMPARE(tags[1].multiplier, 1.0);  // none given
    QCOMPARE(tags[2].multiplier, 1.0);  // none that parses
    QCOMPARE(withLoraMultiplier(prompt, "grain", 0.5),
             QStringLiteral("a <lora:grain:0.5> cat, <hypernet:x:1> <lora:grain:0.5> <lora:soft:abc:2>"));
    QCOMPARE(withLoraRenamed(prompt, "grain", "film"),
             QStringLiteral("a <lora:film:0.8> cat, <hypernet:x:1> <lora:film:1> <lora:soft:abc:2>"));
  }

  // A LoRA renamed since the run is found by the 12 digits A1111 wrote; one found neither way is named.
  void renamedLorasAreFoundByHash() {
    GenerationParams params;
    params.prompt = QStringLiteral("a cat <lora:old-name:0.7> <lora:kept:1> <lora:lost:1>");
    params.negativePrompt = QStringLiteral("<lora:old-name:-1>");
    params.loraHashes = {{"old-name", "0123456789ab"}, {"lost", "ffffffffffff"}};
    const QMap<QString, QString> folder{{"new-name", "0123456789abcdef"}, {"kept", "aaaa"}, {"other", "bbbb"}};
    QStringList missing;
    const GenerationParams found = withLorasFoundByHash(params, folder, &missing);
    QCOMPARE(found.prompt, QStringLiteral("a cat <lora:new-name:0.7> <lora:kept:1> <lora:lost:1>"));
    QCOMPARE(found.negativePrompt, QStringLiteral("<lora:new-name:-1>"));
    QCOMPARE(missing, QStringList{"lost"});
    QCOMPARE(found.loraHashes.value("new-name"), QString("0123456789ab"));
  }

  // An A1111 text names its embeddings and VAE by hash (here the fixture files' sha256, computed with
  // Python's hashlib): found under other names, the prompts' words renamed; what is found neither
  // by name nor by hash is named.
  void renamedFilesOfARunAreFoundByHash() {
    QTemporaryDir dir;
    const QString embeddings = dir.filePath("embeddings");
    const QString otherVae = dir.filePath("other-vae");
    QVERIFY(QDir().mkpath(embeddings) && QDir().mkpath(otherVae));
    QVERIFY(QFile::copy(BKSDM_FIXTURES_DIR "/inputs/embeddings/sd1/vase-style.safetensors", embeddings + "/vase-look.safetensors"));
    QVERIFY(writeFile(otherVae + "/diffusion_pytorch_model.safetensors", "other weights"));
    const QString vae = QStringLiteral(BKSDM_FIXTURES_DIR "/models/sd-v1-4-mini/vae");
    const ParametersReading read = readA1111Text(
        "a vase-style vase <lora:gone:1>\nNegative prompt: vase-style\nSteps: 20, Seed: 1, Size: 64x64, "
        "VAE hash: 3c637fd891, VAE: ft-mse, TI hashes: \"vase-style: 690650dfb20f\", Lora hashes: \"gone: 0123456789ab\"");
    QCOMPARE(read.params.vaeHashes, (QMap<QString, QString>{{"ft-mse", "3c637fd891"}}));
    const ResourcePlaces places{dir.filePath("loras"), embeddings, {}, {otherVae, dir.filePath("no-vae"), vae}};
    const FoundRunFiles found = QCoro::waitFor(findRunFiles(read.params, places));
    QCOMPARE(found.params.prompt, QStringLiteral("a vase-look vase <lora:gone:1>"));
    QCOMPARE(found.params.negativePrompt, QStringLiteral("vase-look"));
    QCOMPARE(found.params.embeddingHashes, (QMap<QString, QString>{{"vase-look", "690650dfb20f"}}));
    QCOMPARE(found.vae, vae);
    QCOMPARE(found.missing, QStringList{"gone"});

    const FoundRunFiles lost = QCoro::waitFor(findRunFiles(read.params, {{}, {}, {}, {otherVae}}));
    QVERIFY(lost.vae.isEmpty());
    QCOMPARE(lost.missing, (QStringList{"gone", "vase-style", "ft-mse"}));
    QCOMPARE(lost.params.prompt, read.params.prompt);
  }

  // A1111's `Lora hashes` and `TI hashes` come back as the run's short hashes.
  void a1111HashesAreRead() {
    const ParametersReading read = readA1111Text(
        "a cat <lora:grain:1>\nSteps: 20, Sampler: Euler, Seed: 1, Size: 512x512, Lora hashes: \"grain: 0123456789ab\", "
        "TI hashes: \"lowq-neg: ba9876543210\"");
    QCOMPARE(read.params.loraHashes, (QMap<QString, QString>{{"grain", "0123456789ab"}}));
    QCOMPARE(read.params.embeddingHashes, (QMap<QString, QString>{{"lowq-neg", "ba9876543210"}}));
  }

  // The BK-SDM model card's evaluation setting and the usual guidance; what any front end accepts.
  void defaultsAndLimitsAreTheCores() {
    QCOMPARE(GenerationParams{}.steps, 25);
    QCOMPARE(GenerationParams{}.guidanceScale, 7.5);
    QCOMPARE(maxSteps(), kMaxSteps);
    QCOMPARE(maxImages(), kMaxImages);
  }

  // A1111's sampler names, which other tools and their users know.
  void schedulersCarryA1111Labels() {
    const QList<SchedulerChoice> choices = schedulerChoices();
    QStringList labels;
    for (const SchedulerChoice& choice : choices) labels << choice.label;
    QCOMPARE(schedulerNames(), (QStringList{"pndm", "ddim", "euler", "euler_a", "dpmpp_2m", "dpmpp_2m_karras"}));
    QCOMPARE(labels, (QStringList{"PNDM", "DDIM", "Euler", "Euler a", "DPM++ 2M", "DPM++ 2M Karras"}));
  }

  void aFileIsHashedOnceThenReadFromTheCache() {
    QTemporaryDir folder;
    const QString weights = folder.filePath("weights.safetensors"), cache = folder.filePath("cache/hashes.json");
    QVERIFY(writeFile(weights, "abc"));
    const QString abc = QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");  // FIPS 180-2
    QCOMPARE(FileHashes(cache).sha256(weights), abc);

    // Same size and mtime: the cache answers, so the changed bytes go unseen, also in a new instance.
    QFile file(weights);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const QDateTime mtime = file.fileTime(QFileDevice::FileModificationTime);
    QVERIFY(file.write("xyz") == 3 && file.flush());
    QVERIFY(file.setFileTime(mtime, QFileDevice::FileModificationTime));
    file.close();
    QCOMPARE(FileHashes(cache).sha256(weights), abc);

    // Another size: hashed again.
    QVERIFY(writeFile(weights, "abcd"));
    QCOMPARE(FileHashes(cache).sha256(weights),
             QStringLiteral("88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589"));
    QCOMPARE(FileHashes(cache).sha256(folder.filePath("missing")), QString());
  }

  // A LoRA's hash is of its tensor data alone (A1111's), kept apart from the whole file's.
  void aSafetensorsFilesDataHashIsKeptApart() {
    QTemporaryDir folder;
    const QString file = folder.filePath("lora.safetensors"), cache = folder.filePath("cache/hashes.json");
    QByteArray bytes("\x02\0\0\0\0\0\0\0{}", 10);  // an 8-byte header length, the header "{}"
    bytes += "abc";
    QVERIFY(writeFile(file, bytes));
    FileHashes hashes(cache);
    QCOMPARE(hashes.safetensorsDataSha256(file), QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QVERIFY(hashes.sha256(file) != hashes.safetensorsDataSha256(file));
    QCOMPARE(FileHashes(cache).safetensorsDataSha256(file), QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  }
};

QTEST_GUILESS_MAIN(GenerationParamsTest)
#include "test_generation_params.moc"
