// Questions asked of the maps, on hand-made maps whose answers are known: which words hold a place
// of the image (the hover ranking), and the image view's report of the hovered pixel; the colour
// scale against matplotlib's inferno; two words' overlap counted by hand.
#include <algorithm>
#include <cmath>
#include <optional>

#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

#include "app/attention/attention_measures.h"
#include "app/attention/attention_render.h"
#include "ui/attention/attention_panel.h"
#include "ui/image_view.h"

using namespace bksdm;

namespace {

constexpr int kSize = 64, kMap = 8, kCells = kMap * kMap;

// "a red vase, table" over a 64×64 image with 8×8 maps: every slot 0.1 everywhere, the start token
// 0.9 (to be left out), except at the cell (2, 5), where a is 0.1, vase 0.4, red 0.3 and table's
// two pieces 0.1 and 0.3 (mean 0.2): shares 10, 40, 30 and 20 %.
ImageAttention rankedAttention() {
  ImageAttention attention;
  attention.words = {{"a", {"a</w>"}, {1}, false},
                     {"red", {"red</w>"}, {2}, false},
                     {"vase", {"vase</w>"}, {3}, false},
                     {"table", {"ta", "ble</w>"}, {4, 5}, false}};
  attention.tokens << QStringLiteral("<|startoftext|>") << "a</w>" << "red</w>" << "vase</w>" << "ta" << "ble</w>";
  while (attention.tokens.size() < ImageAttention::kChunkSlots) attention.tokens << QStringLiteral("<|endoftext|>");
  attention.height = attention.width = kMap;
  attention.maps.assign(size_t(ImageAttention::kChunkSlots) * kCells, 0.1f);
  const auto at = [&](int slot, int x, int y) -> float& { return attention.maps[size_t(slot) * kCells + y * kMap + x]; };
  for (int cell = 0; cell < kCells; ++cell) at(0, cell % kMap, cell / kMap) = 0.9f;
  at(2, 2, 5) = 0.3f;
  at(3, 2, 5) = 0.4f;
  at(5, 2, 5) = 0.3f;
  return attention;
}

QImage plainImage() {
  QImage image(kSize, kSize, QImage::Format_RGB888);
  image.fill(qRgb(90, 90, 90));
  return image;
}

// The maps are float32: shares agree with their decimal values to float precision.
bool near(double a, double b) { return std::abs(a - b) < 1e-6; }

// Within 6 of 255 per channel: core's inferno is a degree-6 polynomial fit of matplotlib's table.
bool nearColour(QRgb actual, QRgb expected) {
  return std::abs(qRed(actual) - qRed(expected)) <= 6 && std::abs(qGreen(actual) - qGreen(expected)) <= 6 &&
         std::abs(qBlue(actual) - qBlue(expected)) <= 6;
}

// matplotlib's inferno at 0, 0.5 and 1: #000004, #bc3754, #fcffa4.
const QRgb kInfernoLow = qRgb(0, 0, 4), kInfernoMiddle = qRgb(188, 55, 84), kInfernoHigh = qRgb(252, 255, 164);

QStringList words(const QList<WordShare>& shares) {
  QStringList list;
  for (const WordShare& share : shares) list << share.word;
  return list;
}

}  // namespace

class AttentionQuestionsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void wordsAreRankedByTheirShareAtThePixel() {
    // Pixels 16..23 × 40..47 lie in the cell (2, 5): 64 pixels over 8 cells.
    for (const QPoint pixel : {QPoint(20, 45), QPoint(16, 40), QPoint(23, 47)}) {
      const QList<WordShare> shares = wordSharesAt(attention_, 0, pixel, image_.size());
      QCOMPARE(words(shares), (QStringList{"vase", "red", "table", "a"}));
      QVERIFY(near(shares[0].share, 0.4));
      QVERIFY(near(shares[1].share, 0.3));
      QVERIFY(near(shares[2].share, 0.2));
      QVERIFY(near(shares[3].share, 0.1));
    }
  }

  void equalSharesKeepThePromptsOrder() {
    const QList<WordShare> shares = wordSharesAt(attention_, 0, QPoint(24, 45), image_.size());  // the cell (3, 5)
    QCOMPARE(words(shares), (QStringList{"a", "red", "vase", "table"}));
    for (const WordShare& share : shares) QVERIFY(near(share.share, 0.25));
  }

  void noSharesOffTheImage() {
    QVERIFY(wordSharesAt(attention_, 0, QPoint(-1, -1), image_.size()).isEmpty());
    QVERIFY(wordSharesAt(attention_, 0, QPoint(kSize, 3), image_.size()).isEmpty());
  }

  void theSharesFollowTheStep() {
    ImageAttention stepped = attention_;
    std::vector<float> first(stepped.maps.size(), 0.1f);
    first[size_t(1) * kCells + 5 * kMap + 2] = 0.7f;  // "a" at the cell (2, 5) in step 1: 0.7 of 1.0
    stepped.stepMaps = {first, stepped.maps};
    QCOMPARE(wordSharesAt(stepped, 1, QPoint(20, 45), image_.size()).first().word, QString("a"));
    QVERIFY(near(wordSharesAt(stepped, 1, QPoint(20, 45), image_.size()).first().share, 0.7));
    QCOMPARE(wordSharesAt(stepped, 2, QPoint(20, 45), image_.size()).first().word, QString("vase"));
  }

  void thePanelNamesTheWordsAtTheHoveredPixel() {
    AttentionPanel panel;
    panel.setResults({image_}, {attention_});
    panel.showSharesAt(QPoint(20, 45));
    QCOMPARE(panel.sharesText(), QString("At the pointer: vase 40 %, red 30 %, table 20 %, a 10 %"));
    panel.showSharesAt(QPoint(-1, -1));
    QVERIFY(panel.sharesText().startsWith("Point at the image"));
  }

  // The negative prompt's maps answer for its own words: one word holds all of it.
  void theNegativePromptsWordsAreRankedToo() {
    ImageAttention negative = attention_;
    negative.words = {{"blurry", {"blurry</w>"}, {1}, false}};
    AttentionPanel panel;
    panel.setResults({image_}, {attention_}, {negative});
    panel.setShowsNegative(true);
    panel.showSharesAt(QPoint(20, 45));
    QCOMPARE(panel.sharesText(), QString("At the pointer: blurry 100 %"));
  }

  // A 64×64 image at 100 % in a 200×200 view sits at (68, 68); the pixel under the pointer is its
  // offset from there, and leaving the image reports (-1, -1).
  void theImageViewReportsTheHoveredPixel() {
    ImageView view;
    view.resize(200, 200);
    view.setImage(image_);
    view.showActualSize();
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy hovered(&view, &ImageView::hoveredPixelChanged);
    QTest::mouseMove(view.viewport(), QPoint(68 + 10, 68 + 20));
    QTRY_COMPARE(hovered.size(), 1);
    QCOMPARE(hovered.last()[0].toPoint(), QPoint(10, 20));
    QTest::mouseMove(view.viewport(), QPoint(10, 10));
    QTRY_COMPARE(hovered.size(), 2);
    QCOMPARE(hovered.last()[0].toPoint(), QPoint(-1, -1));
  }

  void theLegendRunsThroughInfernoFromLowToHigh() {
    const QImage legend = attentionLegend(101, 4);
    QCOMPARE(legend.size(), QSize(101, 4));
    QVERIFY(nearColour(legend.pixel(0, 0), kInfernoLow));
    QVERIFY(nearColour(legend.pixel(50, 3), kInfernoMiddle));
    QVERIFY(nearColour(legend.pixel(100, 2), kInfernoHigh));
  }

  void thePanelShowsTheLegendWithAnOverlay() {
    AttentionPanel panel;
    panel.setResults({image_}, {attention_});
    auto* legend = panel.findChild<QWidget*>(QStringLiteral("colourLegend"));
    QVERIFY(legend && legend->isHidden());
    panel.setSelection({2});
    QVERIFY(!legend->isHidden());
    const QImage ramp = panel.findChild<QLabel*>(QStringLiteral("colourRamp"))->pixmap().toImage();
    QVERIFY(nearColour(ramp.pixel(0, 0), kInfernoLow));
    QVERIFY(nearColour(ramp.pixel(ramp.width() - 1, 0), kInfernoHigh));
    panel.setSelection({});
    QVERIFY(legend->isHidden());
  }

  // 64 cells, so each top 20 % region is ceil(12.8) = 13 cells: "sun" is 1 at cells 0..12, "sky" at
  // 6..18, 0 elsewhere; they share cells 6..12 of 0..18: IoU 7 / 19.
  void twoWordsMapsOverlapByTheirTopRegions() {
    ImageAttention attention = attention_;
    std::fill(attention.maps.begin(), attention.maps.end(), 0.0f);
    for (int cell = 0; cell <= 12; ++cell) attention.maps[size_t(1) * kCells + cell] = 1;
    for (int cell = 6; cell <= 18; ++cell) attention.maps[size_t(2) * kCells + cell] = 1;
    const QList<AttentionSubject> subjects = wordSubjects(attention);
    const std::optional<MapOverlap> overlap = mapOverlap(attention, subjects[0], subjects[1], 0);
    QVERIFY(overlap);
    QCOMPARE(overlap->iou, 7.0 / 19.0);
    QCOMPARE(overlap->topFraction, 0.2);

    AttentionPanel panel;
    panel.setResults({image_}, {attention});
    auto* label = panel.findChild<QLabel*>(QStringLiteral("pairOverlap"));
    panel.setSelection({0});
    QVERIFY(label->isHidden());
    panel.setSelection({0, 1});
    QVERIFY(!label->isHidden());
    QCOMPARE(label->text(), QString("\u201ca\u201d and \u201cred\u201d overlap: IoU 0.37 of their top 20 %"));
    panel.setSelection({0, 1, 2});
    QVERIFY(label->isHidden());
  }

  void noOverlapWithAWordWithoutAMap() {
    ImageAttention attention = attention_;
    attention.words[1].positions.clear();
    const QList<AttentionSubject> subjects = wordSubjects(attention);
    QVERIFY(!mapOverlap(attention, subjects[0], subjects[1], 0));
  }

  void theStepRowSaysWhatKeepingTheStepMapsCost() {
    ImageAttention stepped = attention_;
    stepped.stepMaps = {stepped.maps, stepped.maps};
    AttentionPanel panel;
    panel.setResults({image_}, {stepped});
    auto* cost = panel.findChild<QLabel*>(QStringLiteral("stepCost"));
    QVERIFY(cost->isHidden());  // not measured
    stepped.captureMsPerStep = 2.54;
    panel.setResults({image_}, {stepped});
    QVERIFY(!cost->isHidden());
    QCOMPARE(cost->text(), QString("(keeping them: ~2.5 ms a step)"));
  }

 private:
  const ImageAttention attention_ = rankedAttention();
  const QImage image_ = plainImage();
};

QTEST_MAIN(AttentionQuestionsTest)
#include "test_attention_questions.moc"
