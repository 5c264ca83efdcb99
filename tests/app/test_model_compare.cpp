// Comparing runs (issue 20): a BK-SDM model's teacher by its name, each shared word's two maps
// measured (against maps whose agreement is known by hand), the comparison sorted least alike
// first, and in the window a model compared with itself: every word alike, the model loaded after.
#include <QHeaderView>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include "app/model_comparison.h"
#include "app/studio.h"
#include "tests/app/temporary_settings.h"
#include "ui/main_window.h"
#include "ui/model_compare_dialog.h"
#include "ui/parameters_panel.h"
#include "ui/prompt_editor.h"
#include "ui/result_strip.h"
#include "ui/seed_field.h"

using namespace bksdm;

namespace {

const QString kFixture = QStringLiteral(BKSDM_FIXTURES_DIR "/models/sd-v1-4-mini");
constexpr int kSide = 4;

// Maps of 4 x 4 whose slot 1 is `cat` and slot 2 `hat`: a ramp 0..15 or its reverse.
ImageAttention attention(bool hatReversed, const QString& third = {}) {
  ImageAttention maps;
  maps.height = maps.width = kSide;
  maps.tokens = QStringList(ImageAttention::kChunkSlots, QStringLiteral("<|endoftext|>"));
  maps.tokens[1] = QStringLiteral("cat</w>");
  maps.tokens[2] = QStringLiteral("hat</w>");
  maps.words = {{QStringLiteral("cat"), {QStringLiteral("cat</w>")}, {1}}, {QStringLiteral("hat"), {QStringLiteral("hat</w>")}, {2}}};
  if (!third.isEmpty()) {
    maps.tokens[3] = third + QStringLiteral("</w>");
    maps.words.append({third, {maps.tokens[3]}, {3}});
  }
  maps.maps.assign(size_t(ImageAttention::kChunkSlots) * kSide * kSide, 0.f);
  for (int i = 0; i < kSide * kSide; ++i) {
    maps.maps[1 * kSide * kSide + i] = float(i);
    maps.maps[2 * kSide * kSide + i] = float(hatReversed ? kSide * kSide - 1 - i : i);
    maps.maps[3 * kSide * kSide + i] = float(i % 3);
  }
  return maps;
}

QImage grey() {
  QImage image(32, 32, QImage::Format_RGB888);
  image.fill(Qt::gray);
  return image;
}

}  // namespace

class ModelCompareTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { testing::keepSettingsIn(settingsDir_.path(), QStringLiteral("compare-test")); }

  void aBkSdmModelsTeacherIsKnownByItsName() {
    QCOMPARE(teacherRepo("nota-ai/bk-sdm-v2-tiny"), QStringLiteral("stabilityai/stable-diffusion-2-1-base"));
    QCOMPARE(teacherRepo("nota-ai/bk-sdm-small-2m"), QStringLiteral("CompVis/stable-diffusion-v1-4"));
    QCOMPARE(teacherRepo("/home/me/models/BK-SDM-Base"), QStringLiteral("CompVis/stable-diffusion-v1-4"));
    QVERIFY(teacherRepo("CompVis/stable-diffusion-v1-4").isEmpty());
  }

  // cat: the same ramp in both runs (Pearson 1, IoU 1); hat: a ramp against its reverse (Pearson
  // -1; the top 4 of 16 pixels, {12..15} and {0..3}, do not meet: IoU 0); a word of one run only is
  // left out.
  void sharedWordsAreMeasured() {
    const QList<WordAgreement> words = wordAgreements(grey(), attention(false, "dog"), grey(), attention(true));
    QCOMPARE(words.size(), 2);
    QCOMPARE(words[0].word, QStringLiteral("cat"));
    QCOMPARE(words[0].pearson, 1.0);
    QCOMPARE(words[0].iou, 1.0);
    QCOMPARE(words[1].word, QStringLiteral("hat"));
    QVERIFY(qAbs(words[1].pearson + 1.0) < 1e-9);
    QCOMPARE(words[1].iou, 0.0);
    QCOMPARE(words[1].overlayA.size(), grey().size());
  }

  void theComparisonListsTheLeastAlikeFirst() {
    ModelCompareDialog dialog("A", grey(), "B", grey(), wordAgreements(grey(), attention(false), grey(), attention(true)));
    QCOMPARE(dialog.table()->item(0, 0)->text(), QStringLiteral("hat"));
    QCOMPARE(dialog.table()->item(1, 0)->text(), QStringLiteral("cat"));
    dialog.table()->sortByColumn(3, Qt::DescendingOrder);
    QCOMPARE(dialog.table()->item(0, 0)->text(), QStringLiteral("cat"));
  }

  // The same model twice runs the same description twice: every word's maps are equal.
  void aModelComparedWithItselfAgreesOnEveryWord() {
    MainWindow window;
    window.show();
    QVERIFY(QCoro::waitFor(window.loadModel(kFixture)));
    window.promptEditor()->setText(QStringLiteral("a red vase of roses"));
    window.parametersPanel()->widthBox()->setValue(64);
    window.parametersPanel()->heightBox()->setValue(64);
    window.parametersPanel()->stepsBox()->setValue(2);
    window.parametersPanel()->seedField()->setValue(3);
    window.parametersPanel()->seedField()->setLocked(true);
    QSignalSpy done(window.studio(), &Studio::jobDone);
    window.generate();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 120000);
    QTRY_VERIFY(window.resultStrip()->currentResult());
    QCoro::waitFor(window.compareRuns(kFixture, QString()));
    QVERIFY(window.lastComparison());
    QTableWidget* table = window.lastComparison()->table();
    QCOMPARE(table->rowCount(), 5);  // every word: a, red, vase, of, roses
    for (int row = 0; row < table->rowCount(); ++row) {
      QCOMPARE(table->item(row, 3)->data(Qt::UserRole).toDouble(), 1.0);
      QCOMPARE(table->item(row, 4)->data(Qt::UserRole).toDouble(), 1.0);
    }
    QVERIFY(window.studio()->model());
    QCOMPARE(window.studio()->model()->location, kFixture);  // loaded again after
  }

  // scripts/doc-screenshots.sh: BK-SDM-Tiny's fixture against SD v1.4's, as
  // docs/walkthrough/teacher-compare.png shows it (random weights: the figures mean nothing).
  void aTeacherComparisonForTheDocs() {
    const QString docs = qEnvironmentVariable("BKSDM_DOCS_DIR");
    if (docs.isEmpty()) QSKIP("BKSDM_DOCS_DIR is not set");
    MainWindow window;
    window.show();
    QVERIFY(QCoro::waitFor(window.loadModel(QStringLiteral(BKSDM_FIXTURES_DIR "/models/bk-sdm-tiny-mini"))));
    window.promptEditor()->setText(QStringLiteral("a red vase of roses on a table"));
    window.parametersPanel()->widthBox()->setValue(128);
    window.parametersPanel()->heightBox()->setValue(128);
    window.parametersPanel()->stepsBox()->setValue(10);
    QSignalSpy done(window.studio(), &Studio::jobDone);
    window.generate();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 120000);
    QTRY_VERIFY(window.resultStrip()->currentResult());
    QCoro::waitFor(window.compareRuns(kFixture, QString()));
    QVERIFY(window.lastComparison());
    QVERIFY(window.lastComparison()->grab().save(docs + QStringLiteral("/teacher-compare.png")));
  }

 private:
  QTemporaryDir settingsDir_;
};

QTEST_MAIN(ModelCompareTest)
#include "test_model_compare.moc"
