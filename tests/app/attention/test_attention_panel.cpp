// The attention panel on made-up maps: chips and their signals, overlays at the image's size, the
// comparison grid, the step slider, cut words, the all-tokens view, a batch, and export.
#include <algorithm>
#include <random>

#include <ATen/ATen.h>
#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <qcoro/qcorotask.h>

#include "app/attention/attention_export.h"
#include "app/attention/attention_render.h"
#include "core/io/safetensors.h"
#include "ui/attention/attention_panel.h"

using namespace bksdm;

namespace {

constexpr int kSize = 64, kMap = 8, kSteps = 4;

std::vector<float> randomMaps(std::mt19937& random) {
  std::uniform_real_distribution<float> value(0, 1);
  std::vector<float> maps(size_t(ImageAttention::kChunkSlots) * kMap * kMap);
  for (float& v : maps) v = value(random);
  return maps;
}

// "a red cat", with a fourth word cut past the limit.
ImageAttention madeUpAttention(unsigned seed) {
  std::mt19937 random(seed);
  ImageAttention attention;
  attention.words = {{"a", {"a</w>"}, {1}, false},
                     {"red", {"red</w>"}, {2}, false},
                     {"cat", {"ca", "t</w>"}, {3, 4}, false},
                     {"hat", {"hat</w>"}, {}, true}};
  attention.tokens << QStringLiteral("<|startoftext|>") << "a</w>" << "red</w>" << "ca" << "t</w>";
  while (attention.tokens.size() < ImageAttention::kChunkSlots) attention.tokens << QStringLiteral("<|endoftext|>");
  attention.height = attention.width = kMap;
  for (int k = 0; k < kSteps; ++k) attention.stepMaps.push_back(randomMaps(random));
  attention.maps = attention.stepMaps.back();
  return attention;
}

// "a [red|blue] cat" over 4 steps, two chunks long: red in force at steps 1 and 3, blue at 2 and 4;
// the context is two chunks long, as if "cat" had come after a BREAK.
ImageAttention madeUpEditedAttention() {
  std::mt19937 random(5);
  ImageAttention attention = madeUpAttention(4);
  attention.words = {{"a", {"a</w>"}, {1}, false, -1},
                     {"red", {"red</w>"}, {2}, false, 0},
                     {"cat", {"cat</w>"}, {78}, false, -1},
                     {"blue", {"blue</w>"}, {2}, false, 1}};
  attention.tokens = QStringList{"<|startoftext|>", "a</w>", "red</w>", "<|endoftext|>"};
  while (attention.tokens.size() < 77) attention.tokens << QStringLiteral("<|endoftext|>");
  attention.tokens << QStringLiteral("<|startoftext|>") << "cat</w>";
  while (attention.tokens.size() < 2 * 77) attention.tokens << QStringLiteral("<|endoftext|>");
  const auto maps = [&] {
    std::vector<float> two = randomMaps(random);
    const std::vector<float> more = randomMaps(random);
    two.insert(two.end(), more.begin(), more.end());
    return two;
  };
  attention.stepMaps.clear();
  for (int k = 0; k < kSteps; ++k) attention.stepMaps.push_back(maps());
  attention.maps = attention.stepMaps.back();
  attention.texts = {{"a red cat", {1, 3}, {}, {}}, {"a blue cat", {2, 4}, {}, {}}};
  for (int k = 1; k <= kSteps; ++k)
    for (TextMaps& text : attention.texts)
      text.stepMaps.push_back(k < text.steps.first() ? std::vector<float>() : maps());
  for (TextMaps& text : attention.texts) text.maps = text.stepMaps.back();
  return attention;
}

QImage madeUpImage(QRgb colour) {
  QImage image(kSize, kSize, QImage::Format_RGB888);
  image.fill(colour);
  return image;
}

}  // namespace

class AttentionPanelTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void init() {
    panel_ = std::make_unique<AttentionPanel>();
    panel_->resize(640, 400);
    panel_->setResults({image_}, {attention_});
    panel_->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel_.get()));
  }

  void cleanup() { panel_.reset(); }

  void wordsAreChips() {
    QVERIFY(panel_->hasMaps());
    QCOMPARE(panel_->chips().size(), 4);
    QCOMPARE(panel_->chips()[2]->text(), QString("cat"));
    QVERIFY(panel_->overlay().isNull());
  }

  void choosingAWordEmitsItsIndexAndAnOverlayOfTheImagesSize() {
    QSignalSpy chosen(panel_.get(), &AttentionPanel::wordSelected);
    QSignalSpy overlays(panel_.get(), &AttentionPanel::overlayChanged);
    QTest::mouseClick(panel_->chips()[2], Qt::LeftButton);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen[0][0].toInt(), 2);
    QCOMPARE(panel_->selection(), QList<int>{2});
    QVERIFY(panel_->chips()[2]->isChecked());
    QCOMPARE(overlays.size(), 1);
    const QImage overlay = overlays[0][0].value<QImage>();
    QCOMPARE(overlay.size(), image_.size());
    QCOMPARE(overlay, panel_->overlay());
    QVERIFY(overlay != image_.convertToFormat(overlay.format()));
    QVERIFY(panel_->gridOverlays().isEmpty());  // one word: on the image itself
    // The same overlay core draws from the word's tokens' mean map.
    const AttentionSubject cat = wordSubjects(attention_)[2];
    QCOMPARE(overlay, attentionOverlay(image_, attention_, cat, kSteps, 0.6));

    QTest::mouseClick(panel_->chips()[1], Qt::LeftButton);  // a plain click moves the choice
    QCOMPARE(panel_->selection(), QList<int>{1});
    QVERIFY(!panel_->chips()[2]->isChecked());
    QTest::mouseClick(panel_->chips()[1], Qt::LeftButton);  // and clicking it again clears it
    QVERIFY(panel_->selection().isEmpty());
    QVERIFY(panel_->overlay().isNull());
    QVERIFY(overlays.last()[0].value<QImage>().isNull());
  }

  void severalWordsShowAGridWithOneOverlayEach() {
    QTest::mouseClick(panel_->chips()[0], Qt::LeftButton);
    QTest::mouseClick(panel_->chips()[2], Qt::LeftButton, Qt::ControlModifier);
    QTest::mouseClick(panel_->chips()[1], Qt::LeftButton, Qt::ControlModifier);
    QCOMPARE(panel_->selection(), (QList<int>{0, 2, 1}));
    QCOMPARE(panel_->gridOverlays().size(), 3);
    for (const QImage& tile : panel_->gridOverlays()) QVERIFY(tile.width() <= 160 && tile.height() <= 160);
    QVERIFY(panel_->gridOverlays()[0] != panel_->gridOverlays()[1]);
    QCOMPARE(panel_->overlay().size(), image_.size());  // the last chosen, on the image

    QTest::mouseClick(panel_->chips()[2], Qt::LeftButton, Qt::ControlModifier);
    QCOMPARE(panel_->selection(), (QList<int>{0, 1}));
    QCOMPARE(panel_->gridOverlays().size(), 2);
  }

  void theStepSliderShowsTheMapsUpToAStep() {
    panel_->setSelection({2});
    QCOMPARE(panel_->step(), kSteps);
    const QImage last = panel_->overlay();
    QSignalSpy overlays(panel_.get(), &AttentionPanel::overlayChanged);
    panel_->setStep(1);
    QCOMPARE(panel_->step(), 1);
    QCOMPARE(overlays.size(), 1);
    QVERIFY(panel_->overlay() != last);
    QCOMPARE(panel_->overlay(), attentionOverlay(image_, attention_, wordSubjects(attention_)[2], 1, 0.6));
    panel_->setStep(kSteps);
    QCOMPARE(panel_->overlay(), last);
  }

  void opacityChangesTheOverlay() {
    panel_->setSelection({1});
    const QImage before = panel_->overlay();
    panel_->setOpacity(0.2);
    QCOMPARE(panel_->opacity(), 0.2);
    QVERIFY(panel_->overlay() != before);
  }

  void cutWordsAreDisabledAndSaySo() {
    QAbstractButton* hat = panel_->chips()[3];
    QVERIFY(!hat->isEnabled());
    QVERIFY(hat->toolTip().contains(QStringLiteral("cut")));
    QVERIFY(hat->font().strikeOut());
    panel_->setSelection({3});
    QVERIFY(panel_->selection().isEmpty());
  }

  // The slots from the start to the end token, read as words are: no "</w>", the padding after the
  // end token one chip; the choice carries over between the two views.
  void allTokensShowsTheSlotsUpToTheEndToken() {
    QSignalSpy chosen(panel_.get(), &AttentionPanel::wordSelected);
    panel_->setSelection({2});
    panel_->setShowsAllTokens(true);
    QCOMPARE(panel_->selection(), (QList<int>{3, 4}));  // "cat" is the pieces "ca" and "t"
    QStringList labels;
    for (QAbstractButton* chip : panel_->chips()) labels << chip->text();
    QCOMPARE(labels, (QStringList{"start", "a", "red", "ca", "t", "end"}));
    QVERIFY(panel_->chips()[4]->toolTip().contains(QStringLiteral("t</w>")));
    QTRY_VERIFY(!panel_->chips()[0]->visibleRegion().isEmpty());  // rows of chips, not a sliver
    const auto* padding = panel_->findChild<QAbstractButton*>(QStringLiteral("paddingChip"));
    QVERIFY(padding && !padding->isEnabled());
    QCOMPARE(padding->text(), QString("+71 padding"));  // slots 6..76 after "start a red ca t end"
    for (QAbstractButton* chip : panel_->chips()) QVERIFY(chip->isEnabled());
    QTest::mouseClick(panel_->chips()[0], Qt::LeftButton);
    QCOMPARE(chosen.last()[0].toInt(), 0);
    QCOMPARE(panel_->overlay().size(), image_.size());
    QTest::mouseClick(panel_->chips()[2], Qt::LeftButton);
    panel_->setShowsAllTokens(false);
    QCOMPARE(panel_->chips().size(), 4);
    QCOMPARE(panel_->selection(), QList<int>{1});  // "red"
    QVERIFY(panel_->chips()[1]->isChecked());
  }

  void everyImageOfABatch() {
    const ImageAttention second = madeUpAttention(2);
    const QImage secondImage = madeUpImage(qRgb(20, 120, 40));
    panel_->setResults({image_, secondImage}, {attention_, second});
    auto* chooser = panel_->findChild<QComboBox*>();
    QVERIFY(chooser && chooser->isVisible());
    QCOMPARE(chooser->count(), 2);
    panel_->setSelection({2});
    const QImage first = panel_->overlay();
    chooser->setCurrentIndex(1);
    QCOMPARE(panel_->imageIndex(), 1);
    QCOMPARE(panel_->selection(), QList<int>{2});  // the same words in every image
    QCOMPARE(panel_->overlay(), attentionOverlay(secondImage, second, wordSubjects(second)[2], kSteps, 0.6));
    QVERIFY(panel_->overlay() != first);
    QVERIFY(panel_->showImage(image_));
    QCOMPARE(panel_->imageIndex(), 0);
    QVERIFY(!panel_->showImage(madeUpImage(qRgb(1, 2, 3))));

    panel_->setResults({image_}, {attention_});
    QVERIFY(!chooser->isVisible());
  }

  void withoutMapsItSaysHowToGetThem() {
    panel_->setResults({image_}, {ImageAttention{}});
    QVERIFY(!panel_->hasMaps());
    QVERIFY(panel_->chips().isEmpty());
    ImageAttention finalOnly = attention_;
    finalOnly.stepMaps.clear();
    panel_->setResults({image_}, {finalOnly});
    panel_->setSelection({0});
    QCOMPARE(panel_->step(), 0);
    QCOMPARE(panel_->overlay().size(), image_.size());
  }

  // An edited prompt: its texts' words are italic chips that say when they were in force, the
  // slider names the text at its step, and a word shows no map where its text was not yet in force.
  void anEditedPromptsWordsFollowTheirTexts() {
    const ImageAttention edited = madeUpEditedAttention();
    panel_->setResults({image_}, {edited});
    QCOMPARE(panel_->chips().size(), 4);
    QVERIFY(panel_->chips()[1]->font().italic());
    QVERIFY(!panel_->chips()[2]->font().italic());
    QVERIFY(panel_->chips()[1]->toolTip().contains(QStringLiteral("a red cat")));
    QVERIFY(panel_->chips()[1]->toolTip().contains(QStringLiteral("1, 3")));
    auto* inForce = panel_->findChild<QLabel*>(QStringLiteral("textInForce"));
    QVERIFY(inForce && inForce->isVisible());
    panel_->setStep(2);
    QVERIFY(inForce->text().contains(QStringLiteral("a blue cat")));
    panel_->setStep(3);
    QVERIFY(inForce->text().contains(QStringLiteral("a red cat")));

    panel_->setSelection({3});  // blue
    QCOMPARE(panel_->overlay(), attentionOverlay(image_, edited, wordSubjects(edited)[3], 3, 0.6));
    panel_->setStep(1);
    QCOMPARE(panel_->overlay(), image_.convertToFormat(panel_->overlay().format()));  // not yet in force
    panel_->setStep(kSteps);
    QCOMPARE(panel_->overlay(), attentionOverlay(image_, edited, wordSubjects(edited)[3], kSteps, 0.6));
    QVERIFY(panel_->overlay() != attentionOverlay(image_, edited, wordSubjects(edited)[1], kSteps, 0.6));
  }

  // The negative prompt's maps, where the run has them, behind a check box: its own words and
  // overlays, and back.
  void theNegativePromptsMapsAreOneClickAway() {
    auto* negativeBox = panel_->findChild<QCheckBox*>(QStringLiteral("negativeBox"));
    QVERIFY(negativeBox && !negativeBox->isVisible());
    ImageAttention negative = madeUpAttention(6);
    negative.words = {{"blurry", {"blurry</w>"}, {1}, false, -1}};
    panel_->setResults({image_}, {attention_}, {negative});
    QVERIFY(negativeBox->isVisible() && !negativeBox->isChecked());
    QCOMPARE(panel_->chips().size(), 4);
    negativeBox->click();
    QVERIFY(panel_->showsNegative());
    QCOMPARE(panel_->chips().size(), 1);
    QCOMPARE(panel_->chips()[0]->text(), QString("blurry"));
    panel_->setSelection({0});
    QCOMPARE(panel_->overlay(), attentionOverlay(image_, negative, wordSubjects(negative)[0], kSteps, 0.6));
    panel_->setShowsNegative(false);
    QCOMPARE(panel_->chips().size(), 4);
    QVERIFY(panel_->selection().isEmpty());
  }

  // Two chunks: the "All tokens" view marks where the second begins and shows its slots, each
  // chunk's padding as one chip (slots 4..76 and 80..153 of "start a red end" and "start cat end"),
  // and a slot of the second chunk can be chosen.
  void allTokensMarksTheChunks() {
    const ImageAttention edited = madeUpEditedAttention();
    panel_->setResults({image_}, {edited});
    panel_->setShowsAllTokens(true);
    QStringList labels;
    for (QAbstractButton* chip : panel_->chips()) labels << chip->text();
    QCOMPARE(labels, (QStringList{"start", "a", "red", "end", "start", "cat", "end"}));
    bool marked = false;
    for (const QLabel* label : panel_->findChildren<QLabel*>())
      marked = marked || label->text().contains(QStringLiteral("chunk 2"));
    QVERIFY(marked);
    QVERIFY(panel_->chips()[5]->toolTip().contains(QStringLiteral("chunk 2")));
    QStringList padding;
    for (const QAbstractButton* chip : panel_->findChildren<QAbstractButton*>(QStringLiteral("paddingChip")))
      padding << chip->text();
    QCOMPARE(padding, (QStringList{"+73 padding", "+74 padding"}));

    QTest::mouseClick(panel_->chips()[5], Qt::LeftButton);
    QCOMPARE(panel_->selection(), QList<int>{78});
    QVERIFY(panel_->chips()[5]->isChecked());
    const AttentionSubject cat{AttentionSubject::Kind::Token, 78, "cat", {78}, -1, 1};
    QCOMPARE(panel_->overlay(), attentionOverlay(image_, edited, cat, kSteps, 0.6));
    panel_->setShowsAllTokens(false);
    QCOMPARE(panel_->selection(), QList<int>{2});  // the word "cat"
  }

  // The gallery keeps an edited prompt's texts and their maps (float16) beside the image.
  void theGalleryKeepsAnEditedPromptsTexts() {
    QTemporaryDir folder;
    const ImageAttention edited = madeUpEditedAttention();
    const QString path = folder.filePath("maps.safetensors");
    writeImageAttention(path, edited);
    const ImageAttention read = readImageAttention(path);
    QCOMPARE(read.slots(), 2 * 77);
    QCOMPARE(read.texts.size(), 2);
    QCOMPARE(read.texts[1].text, QString("a blue cat"));
    QCOMPARE(read.texts[1].steps, (QList<int>{2, 4}));
    QCOMPARE(read.words[3].textIndex, 1);
    QVERIFY(read.texts[1].stepMaps.front().empty());
    const auto close = [](const std::vector<float>& a, const std::vector<float>& b) {
      // Slots 0..79 kept (through the second chunk's end token): the rest reads back as zeros.
      for (size_t i = 0; i < a.size(); ++i) {
        const bool kept = i < size_t(80 * kMap * kMap);
        if (std::abs(a[i] - (kept ? b[i] : 0.0f)) > 1e-3) return false;
      }
      return a.size() == b.size();
    };
    QVERIFY(close(read.texts[0].maps, edited.texts[0].maps));
    QVERIFY(close(read.texts[1].stepMaps[1], edited.texts[1].stepMaps[1]));
    QVERIFY(close(read.maps, edited.maps));
  }

  void exportWritesAPngPerChosenWordAndTheRawMaps() {
    QTemporaryDir folder;
    panel_->setSelection({0, 2});
    QCOMPARE(QCoro::waitFor(panel_->exportOverlays(folder.filePath("overlays"))), QString());
    const QStringList written = QDir(folder.filePath("overlays")).entryList({"*.png"}, QDir::Files, QDir::Name);
    QCOMPARE(written, (QStringList{"00-a.png", "02-cat.png"}));
    const QImage cat(folder.filePath("overlays/02-cat.png"));
    QCOMPARE(cat.size(), image_.size());
    QCOMPARE(cat.convertToFormat(QImage::Format_RGB888), panel_->overlay());

    // In a batch the files are numbered as the panel numbers the images: "Image 1 of 2" is image1.
    const ImageAttention second = madeUpAttention(3);
    panel_->setResults({image_, image_.copy()}, {attention_, second});
    panel_->setSelection({1});
    QCOMPARE(QCoro::waitFor(panel_->exportOverlays(folder.filePath("batch"))), QString());
    QCOMPARE(QDir(folder.filePath("batch")).entryList({"*.png"}, QDir::Files), QStringList{"image1-01-red.png"});
    const QString path = folder.filePath("maps.safetensors");
    QCOMPARE(QCoro::waitFor(panel_->exportMaps(path)), QString());
    const auto file = SafetensorsFile::open(path.toStdString());
    const at::Tensor maps = file->tensor("attention");
    QCOMPARE(maps.sizes().vec(), (std::vector<int64_t>{2, 77, kMap, kMap}));
    QVERIFY(at::equal(maps[0].flatten(), at::tensor(at::ArrayRef<float>(attention_.maps))));
    QVERIFY(at::equal(maps[1].flatten(), at::tensor(at::ArrayRef<float>(second.maps))));
    const at::Tensor steps = file->tensor("attention_steps");
    QCOMPARE(steps.sizes().vec(), (std::vector<int64_t>{kSteps, 2, 77, kMap, kMap}));
    for (int k = 0; k < kSteps; ++k) {
      QVERIFY(at::equal(steps[k][0].flatten(), at::tensor(at::ArrayRef<float>(attention_.stepMaps[k]))));
      QVERIFY(at::equal(steps[k][1].flatten(), at::tensor(at::ArrayRef<float>(second.stepMaps[k]))));
    }
    QVERIFY(QString::fromStdString(file->metadata().at("tokens")).startsWith("[\"<|startoftext|>\",\"a</w>\""));
  }

 private:
  const ImageAttention attention_ = madeUpAttention(1);
  const QImage image_ = madeUpImage(qRgb(200, 180, 90));
  std::unique_ptr<AttentionPanel> panel_;
};

QTEST_MAIN(AttentionPanelTest)
#include "test_attention_panel.moc"
