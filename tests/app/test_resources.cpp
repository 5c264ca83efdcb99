// The files people bring (issue 19) in the window: the Resources tab lists a folder's LoRAs and
// embeddings with their names, previews and families (the widths their tensors say), a click puts
// the tag or word at the prompt's cursor, a multiplier box rewrites the tag; a queued job with a
// <lora:NAME:0.5> tag makes the library's image with that file at 0.5, a LoRA that does not fit
// the model is the job's error and the next job still runs; the token counter counts an
// embedding's vectors.
#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDoubleSpinBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include <ATen/ATen.h>

#include "app/app_settings.h"
#include "app/gallery/generation_settings.h"
#include "app/model_catalog.h"
#include "app/resource_library.h"
#include "app/studio.h"
#include "core/io/safetensors.h"
#include "core/loading/model_folder.h"
#include "core/pipeline/pipeline.h"
#include "tests/app/temporary_settings.h"
#include "ui/gallery/gallery_widget.h"
#include "ui/image_view.h"
#include "ui/main_window.h"
#include "ui/parameters_panel.h"
#include "ui/prompt_editor.h"
#include "ui/resources_panel.h"
#include "ui/result_strip.h"
#include "ui/seed_field.h"

using namespace bksdm;

namespace {

const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini");
const QString kLoras = QStringLiteral(BKSDM_FIXTURES_DIR "/inputs/lora");
const QString kEmbeddings = QStringLiteral(BKSDM_FIXTURES_DIR "/inputs/embeddings/sd2");
const QString kPeft = QStringLiteral("bk-sdm-v2-tiny-mini-peft");

// The largest difference between a window's image and a tensor image [3,H,W] in [0,1], in 8-bit steps.
int maxDifference(const QImage& image, const at::Tensor& expected) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  const at::Tensor want = (expected * 255).round().to(at::kInt).permute({1, 2, 0}).contiguous();
  int most = 0;
  for (int y = 0; y < rgb.height(); ++y)
    for (int x = 0; x < rgb.width(); ++x)
      for (int c = 0; c < 3; ++c)
        most = std::max(most, std::abs(int(uchar(rgb.constScanLine(y)[x * 3 + c])) - want[y][x][c].item<int>()));
  return most;
}

// A kohya LoRA of rank 1 on the text encoder's first q_proj, for a text encoder `width` wide.
void writeKohyaLora(const QString& path, int64_t width) {
  const std::string layer = "lora_te_text_model_encoder_layers_0_self_attn_q_proj";
  write_safetensors(path.toStdString(), {{layer + ".lora_down.weight", at::full({1, width}, 0.01)},
                                         {layer + ".lora_up.weight", at::full({width, 1}, 0.01)},
                                         {layer + ".alpha", at::scalar_tensor(1.0)}});
}

// A PEFT LoRA of rank 1 on a cross-attention key, whose input is the text encoder's width.
void writePeftLora(const QString& path, int64_t width) {
  const std::string layer = "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k";
  write_safetensors(path.toStdString(), {{layer + ".lora_A.weight", at::zeros({1, width})},
                                         {layer + ".lora_B.weight", at::zeros({320, 1})}});
}

// sha256 of what follows a safetensors file's length and header: A1111's LoRA hash, by hand.
QString tensorDataSha256(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  const QByteArray bytes = file.readAll();
  quint64 headerSize = 0;
  for (int i = 7; i >= 0; --i) headerSize = headerSize << 8 | uchar(bytes[i]);
  return QString::fromLatin1(QCryptographicHash::hash(bytes.mid(8 + int(headerSize)), QCryptographicHash::Sha256).toHex());
}

QStringList names(const ResourceListModel* model) {
  QStringList found;
  for (int row = 0; row < model->rowCount(); ++row) found << model->index(row, ResourceListModel::NameColumn).data().toString();
  return found;
}

}  // namespace

class ResourcesTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    testing::keepSettingsIn(settingsDir_.path(), QStringLiteral("resources-test"));
    qputenv("XDG_CACHE_HOME", cacheDir_.path().toLocal8Bit());  // the hash cache
    qputenv("XDG_DATA_HOME", cacheDir_.path().toLocal8Bit());
    qputenv("HF_HUB_OFFLINE", "1");
    window_ = new MainWindow;
    window_->resize(1200, 800);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_));
    QVERIFY(QCoro::waitFor(window_->loadModel(kFixture)));
    ParametersPanel* parameters = window_->parametersPanel();
    parameters->stepsBox()->setValue(3);
    parameters->schedulerBox()->setCurrentIndex(parameters->schedulerBox()->findData(QStringLiteral("ddim")));
    parameters->seedField()->setValue(7);
    parameters->seedField()->setLocked(true);
    panel()->setLoraFolder(kLoras);
    panel()->setEmbeddingsFolder(kEmbeddings);
    QTRY_COMPARE(panel()->loraModel()->rowCount(), 4);
    QTRY_COMPARE(panel()->embeddingModel()->rowCount(), 3);
  }

  void cleanupTestCase() { delete window_; }

  // The fixtures' files by their stems; the mini models' text encoders are 16 wide (their config's
  // hidden_size), neither SD 1.x's 768 nor SD 2.x's 1024.
  void theFixtureFilesAreListedWithTheirWidths() {
    QCOMPARE(names(panel()->loraModel()), (QStringList{kPeft, "sd-v1-4-mini-attn-kohya", "sd-v1-4-mini-kohya", "sd-v2-1-base-mini-kohya"}));
    QCOMPARE(names(panel()->embeddingModel()), (QStringList{"dusk3v", "lowq-neg", "moonlit-ti"}));
    for (const ResourceListModel* model : {panel()->loraModel(), panel()->embeddingModel()})
      for (const ResourceFile& file : model->files()) {
        QCOMPARE(file.width, 16);
        QCOMPARE(file.family, QString("unknown"));
        QVERIFY(file.problem.isEmpty());
      }
    // Remembered for the next start.
    QCOMPARE(AppSettings().loraFolder(), kLoras);
    QCOMPARE(AppSettings().embeddingsFolder(), kEmbeddings);
  }

  // 768 is SD 1.x's text encoder, 1024 SD 2.x's, whichever tensors say it; a preview beside a file
  // as A1111 names it.
  void theFamilyComesFromTheWidths() {
    QTemporaryDir folder;
    writeKohyaLora(folder.filePath("one.safetensors"), 768);
    writePeftLora(folder.filePath("two.safetensors"), 1024);
    QImage red(8, 8, QImage::Format_RGB32);
    red.fill(Qt::red);
    QVERIFY(red.save(folder.filePath("one.png")));
    QVERIFY(red.save(folder.filePath("two.preview.png")));
    const QList<ResourceFile> loras = scanResources(folder.path(), ResourceKind::Lora);
    QCOMPARE(loras.size(), 2);
    QCOMPARE(loras[0].family, QString("SD 1.x"));
    QCOMPARE(loras[1].family, QString("SD 2.x"));
    QVERIFY(!loras[0].preview.isNull() && !loras[1].preview.isNull());
    QCOMPARE(loras[0].preview.pixelColor(4, 4), QColor(Qt::red));

    QTemporaryDir embeddings;
    write_safetensors((embeddings.path() + "/wide.safetensors").toStdString(), {{"emb_params", at::zeros({2, 1024})}});
    write_safetensors((embeddings.path() + "/narrow.safetensors").toStdString(), {{"<narrow>", at::zeros({768})}});
    const QList<ResourceFile> words = scanResources(embeddings.path(), ResourceKind::Embedding);
    QCOMPARE(words.size(), 2);
    QCOMPARE(words[0].name, QString("narrow"));
    QCOMPARE(words[0].family, QString("SD 1.x"));
    QCOMPARE(words[1].family, QString("SD 2.x"));
    QVERIFY(words[1].preview.isNull());
  }

  // A click puts the tag at the cursor as a word of its own; the multiplier box rewrites it.
  void aClickInsertsTheTagAtTheCursor() {
    QPlainTextEdit* editor = window_->promptEditor()->editor();
    window_->promptEditor()->setText(QStringLiteral("a cat by the sea"));
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(5);  // after "a cat"
    editor->setTextCursor(cursor);
    clickRow(panel()->loraView(), 0);
    QCOMPARE(window_->promptEditor()->text(), QStringLiteral("a cat <lora:%1:1> by the sea").arg(kPeft));

    QTRY_VERIFY(panel()->multiplierBox(kPeft));
    QCOMPARE(panel()->multiplierBox(kPeft)->value(), 1.0);
    panel()->multiplierBox(kPeft)->setValue(0.5);
    QCOMPARE(window_->promptEditor()->text(), QStringLiteral("a cat <lora:%1:0.5> by the sea").arg(kPeft));

    cursor = editor->textCursor();
    cursor.movePosition(QTextCursor::End);
    editor->setTextCursor(cursor);
    clickRow(panel()->embeddingView(), 0);
    QCOMPARE(window_->promptEditor()->text(), QStringLiteral("a cat <lora:%1:0.5> by the sea dusk3v").arg(kPeft));
  }

  // lowq-neg.safetensors holds 2 vectors ([2, 16]): with the folder set, the word counts 2 tokens.
  void anEmbeddingCountsItsVectors() {
    window_->promptEditor()->setText(QStringLiteral("a lowq-neg sky"));
    QTRY_COMPARE(window_->promptEditor()->lastCount().tokens, 4);
  }

  // The window's run with <lora:NAME:0.5> is the library's run with that file at 0.5.
  void aQueuedLoraRunIsTheLibrarysRun() {
    const QString prompt = QStringLiteral("a red cube <lora:%1:0.5>").arg(kPeft);
    window_->promptEditor()->setText(prompt);
    const GenerationOutcome outcome = runFromTheWindow();
    QCOMPARE(int(outcome.status), int(GenerationOutcome::Status::Finished));
    const QString file = kLoras + "/" + kPeft + ".safetensors";
    QCOMPARE(outcome.params.loraFolder, kLoras);
    QCOMPARE(outcome.params.loraHashes.value(kPeft), tensorDataSha256(file));
    QVERIFY(!outcome.notes.isEmpty());
    QVERIFY(panel()->notesLabel()->isVisibleTo(panel()));

    GenerationRequest request;
    request.prompt = "a red cube";
    request.steps = 3;
    request.scheduler = "ddim";
    request.seed = 7;
    request.loras = {{file.toStdString(), 0.5}};
    const auto pipeline = StableDiffusionPipeline::load(ModelFolder::open(kFixture.toStdString()));
    const at::Tensor withLora = pipeline->generate(request).images[0];
    QVERIFY(maxDifference(window_->imageView()->image(), withLora) <= 1);
    request.loras.clear();
    QVERIFY(maxDifference(window_->imageView()->image(), pipeline->generate(request).images[0]) > 1);  // it changed the image
  }

  // A LoRA whose layers are for a wider text encoder, and one that is not in the folder, each fail
  // their job with the file named; the window's next job runs.
  void aLoraThatDoesNotFitIsTheJobsError() {
    QTemporaryDir folder;
    writeKohyaLora(folder.filePath("wide.safetensors"), 1024);
    panel()->setLoraFolder(folder.path());
    QTRY_COMPARE(panel()->loraModel()->rowCount(), 1);
    window_->promptEditor()->setText(QStringLiteral("a cat <lora:wide:1>"));
    GenerationOutcome outcome = runFromTheWindow();
    QCOMPARE(int(outcome.status), int(GenerationOutcome::Status::Failed));
    QVERIFY2(outcome.error.contains("wide.safetensors"), qPrintable(outcome.error));
    QTest::keyClick(QApplication::activeModalWidget() ? QApplication::activeModalWidget() : window_, Qt::Key_Escape);

    window_->promptEditor()->setText(QStringLiteral("a cat <lora:absent:1>"));
    outcome = runFromTheWindow();
    QCOMPARE(int(outcome.status), int(GenerationOutcome::Status::Failed));
    QVERIFY2(outcome.error.contains("absent"), qPrintable(outcome.error));
    QTest::keyClick(QApplication::activeModalWidget() ? QApplication::activeModalWidget() : window_, Qt::Key_Escape);

    window_->promptEditor()->setText(QStringLiteral("a cat"));
    QCOMPARE(int(runFromTheWindow().status), int(GenerationOutcome::Status::Finished));
    panel()->setLoraFolder(kLoras);
  }

  // An embedding of another width than the model's text encoder (16) fails the job naming the file;
  // the next job runs once the folder is set back.
  void anEmbeddingOfAnotherWidthIsTheJobsError() {
    QTemporaryDir folder;
    write_safetensors(folder.filePath("wide-word.safetensors").toStdString(), {{"emb_params", at::zeros({1, 24})}});
    panel()->setEmbeddingsFolder(folder.path());
    QTRY_COMPARE(panel()->embeddingModel()->rowCount(), 1);
    window_->promptEditor()->setText(QStringLiteral("a wide-word cat"));
    const GenerationOutcome outcome = runFromTheWindow();
    QCOMPARE(int(outcome.status), int(GenerationOutcome::Status::Failed));
    QVERIFY2(outcome.error.contains("wide-word.safetensors"), qPrintable(outcome.error));
    panel()->setEmbeddingsFolder(kEmbeddings);
    QCOMPARE(int(runFromTheWindow().status), int(GenerationOutcome::Status::Finished));
  }

  // Reuse of a run whose LoRA was named otherwise finds the file by the 12 digits of its hash that
  // A1111's `Lora hashes` give, and writes its name into the tag.
  void reuseFindsARenamedLoraByItsHash() {
    gallery::GenerationSettings settings;
    settings.params.prompt = QStringLiteral("a cat <lora:renamed-since:0.7>");
    settings.params.loraHashes = {{"renamed-since", tensorDataSha256(kLoras + "/" + kPeft + ".safetensors").left(12)}};
    Q_EMIT window_->galleryWidget()->reuseRequested(settings);
    QTRY_COMPARE(window_->promptEditor()->text(), QStringLiteral("a cat <lora:%1:0.7>").arg(kPeft));
  }

  // Reuse of a run made with a VAE named by A1111's `VAE hash` (the fixture VAE's sha256, from
  // Python's hashlib) finds it in the Hugging Face cache under another name, sets it as the VAE and
  // reloads the model with it.
  void reuseFindsAVaeByItsHash() {
    QTemporaryDir hub;
    const QString snapshot = hub.filePath(QStringLiteral("models--stabilityai--sd-vae-ft-mse/snapshots/4567cdef"));
    QVERIFY(copyFolder(QStringLiteral(BKSDM_FIXTURES_DIR "/models/sd-v1-4-mini/vae"), snapshot));
    QDir().mkpath(hub.filePath(QStringLiteral("models--stabilityai--sd-vae-ft-mse/refs")));
    QFile ref(hub.filePath(QStringLiteral("models--stabilityai--sd-vae-ft-mse/refs/main")));
    QVERIFY(ref.open(QIODevice::WriteOnly) && ref.write("4567cdef") == 8);
    ref.close();
    qputenv("HF_HUB_CACHE", hub.path().toLocal8Bit());
    gallery::GenerationSettings settings;
    settings.params.prompt = QStringLiteral("a cat");
    settings.params.vaeName = QStringLiteral("vae-ft-mse-840000-ema-pruned");
    settings.params.vaeHashes = {{settings.params.vaeName, QStringLiteral("3c637fd891")}};
    Q_EMIT window_->galleryWidget()->reuseRequested(settings);
    QTRY_COMPARE(AppSettings().engine().vae, snapshot);
    QTRY_VERIFY(window_->studio()->model() && window_->studio()->model()->engine.vae == snapshot);
    QCOMPARE(window_->studio()->model()->location, kFixture);
    EngineOptions engine = AppSettings().engine();
    engine.vae.clear();
    AppSettings().setEngine(engine);
    QVERIFY(QCoro::waitFor(window_->loadModel(kFixture)));
    qunsetenv("HF_HUB_CACHE");
  }

  // A single-file checkpoint (SD v1.4's fixture in one file), with SD v1.4 in the Hugging Face cache
  // for its tokenizer and configs: listed beside the folders by its name and family, and loaded.
  void aCheckpointFileIsListedAndLoads() {
    QTemporaryDir hub;
    const QString snapshot = hub.filePath(QStringLiteral("models--CompVis--stable-diffusion-v1-4/snapshots/0123abcd"));
    QVERIFY(copyFolder(QStringLiteral(BKSDM_FIXTURES_DIR "/models/sd-v1-4-mini"), snapshot));
    QDir().mkpath(hub.filePath(QStringLiteral("models--CompVis--stable-diffusion-v1-4/refs")));
    QFile ref(hub.filePath(QStringLiteral("models--CompVis--stable-diffusion-v1-4/refs/main")));
    QVERIFY(ref.open(QIODevice::WriteOnly) && ref.write("0123abcd") == 8);
    ref.close();
    qputenv("HF_HUB_CACHE", hub.path().toLocal8Bit());
    const QString file = QStringLiteral(BKSDM_FIXTURES_DIR "/inputs/single_file/sd-v1-4-mini.safetensors");
    const QList<ModelEntry> models = QCoro::waitFor(discoverModels({file}));
    const auto listed = std::find_if(models.begin(), models.end(), [&](const ModelEntry& entry) { return entry.location == file; });
    QVERIFY(listed != models.end());
    QVERIFY2(listed->problems.isEmpty(), qPrintable(listed->problems));
    QCOMPARE(listed->family, QStringLiteral("SD 1.x"));
    QVERIFY(!listed->name.contains(QLatin1String(".safetensors")));
    QVERIFY(QCoro::waitFor(window_->loadModel(file)));
    qunsetenv("HF_HUB_CACHE");
  }

 private:
  ResourcesPanel* panel() const { return window_->resourcesPanel(); }

  static bool copyFolder(const QString& from, const QString& to) {
    QDir().mkpath(to);
    for (const QFileInfo& entry : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
      const QString target = to + QLatin1Char('/') + entry.fileName();
      if (entry.isDir() ? !copyFolder(entry.filePath(), target) : !QFile::copy(entry.filePath(), target)) return false;
    }
    return true;
  }

  void clickRow(QTreeView* view, int row) {
    window_->resourcesAction()->trigger();
    panel()->findChild<QTabWidget*>()->setCurrentWidget(view->parentWidget());  // its folder's page
    QTRY_VERIFY(view->isVisible());
    const QRect cell = view->visualRect(view->model()->index(row, ResourceListModel::NameColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    window_->resourcesAction()->trigger();
  }

  GenerationOutcome runFromTheWindow() {
    GenerationOutcome outcome;
    bool done = false;
    auto finished = connect(window_->studio(), &Studio::jobDone, this, [&](const GenerationOutcome& o) {
      outcome = o;
      done = true;
    });
    window_->generateAction()->trigger();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 120000); }();
    disconnect(finished);
    return outcome;
  }

  QTemporaryDir settingsDir_, cacheDir_;
  MainWindow* window_ = nullptr;
};

QTEST_MAIN(ResourcesTest)
#include "test_resources.moc"
