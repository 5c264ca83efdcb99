// The inpainting mask editor on the offscreen platform: mouse strokes land on the image pixels under
// them whatever the fit (exact, letterboxed, pillarboxed, shrunk), the brush is measured in image
// pixels, fast strokes are continuous, soft edges stay soft where dabs overlap, the eraser, invert and
// clear, one undo step per stroke with Ctrl+Z and Ctrl+Shift+Z, masks made elsewhere, the bracket and
// X keys, and the toolbar kept in step with the editor.
#include <QAbstractButton>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

#include "ui/mask_editor.h"

using namespace bksdm;

namespace {

const QSize kImageSize(200, 100);

QImage testImage() {
  QImage image(kImageSize, QImage::Format_RGB32);
  image.fill(QColor(40, 90, 160));
  return image;
}

int maskAt(const MaskEditor& editor, int x, int y) { return editor.mask().constScanLine(y)[x]; }

int paintedPixels(const QImage& mask) {
  int count = 0;
  for (int y = 0; y < mask.height(); ++y)
    for (int x = 0; x < mask.width(); ++x) count += mask.constScanLine(y)[x] != 0;
  return count;
}

// Press at the first point, move through the rest with the button held, release at the last.
void stroke(MaskEditor& editor, const QList<QPoint>& path) {
  QTest::mousePress(&editor, Qt::LeftButton, {}, path.first());
  for (qsizetype i = 1; i < path.size(); ++i) QTest::mouseMove(&editor, path[i]);
  QTest::mouseRelease(&editor, Qt::LeftButton, {}, path.last());
}

void click(MaskEditor& editor, QPoint at) { stroke(editor, {at}); }

// An editor 400×200 wide shows the 200×100 image at exactly twice its size, with no border.
void setUp(MaskEditor& editor, QSize size = QSize(400, 200)) {
  editor.resize(size);
  editor.setImage(testImage());
}

template <typename Widget>
Widget* childWithText(QWidget* parent, const QString& text) {
  for (Widget* child : parent->findChildren<Widget*>())
    if (child->text().remove('&') == text) return child;
  qFatal("no child %s", qPrintable(text));
}

QSpinBox* spinWithMaximum(QWidget* parent, int maximum) {
  for (QSpinBox* spin : parent->findChildren<QSpinBox*>())
    if (spin->maximum() == maximum) return spin;
  qFatal("no spin box up to %d", maximum);
}

}  // namespace

class MaskEditorTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void noImageHasNoMask() {
    MaskEditor editor;
    QVERIFY(editor.mask().isNull());
    QVERIFY(!editor.hasPaint());
  }

  void maskIsGreyAndImageSized() {
    MaskEditor editor;
    setUp(editor);
    QCOMPARE(editor.mask().size(), kImageSize);
    QCOMPARE(editor.mask().format(), QImage::Format_Grayscale8);
    QCOMPARE(paintedPixels(editor.mask()), 0);
    QVERIFY(!editor.hasPaint());
    click(editor, QPoint(100, 50));
    QVERIFY(editor.hasPaint());
    QCOMPARE(editor.mask().size(), kImageSize);
    QCOMPARE(editor.mask().format(), QImage::Format_Grayscale8);
  }

  void strokesLandWhereTheImageIsShown_data() {
    QTest::addColumn<QSize>("widgetSize");
    QTest::addColumn<QPoint>("widgetPoint");
    QTest::addColumn<QPoint>("imagePoint");
    QTest::addColumn<QPoint>("unmappedPoint");  // where it would land if the fit's scale or offset were ignored
    QTest::newRow("exact fit, ×2") << QSize(400, 200) << QPoint(100, 50) << QPoint(50, 25) << QPoint(100, 50);
    QTest::newRow("letterbox, 100 above") << QSize(400, 400) << QPoint(100, 150) << QPoint(50, 25) << QPoint(50, 75);
    QTest::newRow("pillarbox, 100 left") << QSize(600, 200) << QPoint(200, 50) << QPoint(50, 25) << QPoint(100, 25);
    QTest::newRow("shrunk, ×0.5") << QSize(100, 50) << QPoint(30, 15) << QPoint(60, 30) << QPoint(30, 15);
  }

  void strokesLandWhereTheImageIsShown() {
    QFETCH(QSize, widgetSize);
    QFETCH(QPoint, widgetPoint);
    QFETCH(QPoint, imagePoint);
    QFETCH(QPoint, unmappedPoint);
    MaskEditor editor;
    setUp(editor, widgetSize);
    editor.setBrushHardness(1);
    editor.setBrushSize(20);
    click(editor, widgetPoint);
    QCOMPARE(maskAt(editor, imagePoint.x(), imagePoint.y()), 255);
    QCOMPARE(maskAt(editor, unmappedPoint.x(), unmappedPoint.y()), 0);
    QCOMPARE(maskAt(editor, 190, 90), 0);
    // A disc of diameter 20 image pixels at every scale: π·10² ≈ 314.
    QVERIFY2(qAbs(paintedPixels(editor.mask()) - 314) < 30, qPrintable(QString::number(paintedPixels(editor.mask()))));
  }

  void maskShowsAsARedTintAndTheBrushAsAnOutline() {
    MaskEditor editor;
    setUp(editor, QSize(400, 400));  // the image spans y 100..300
    editor.setBrushHardness(1);
    editor.setBrushSize(40);         // 80 widget pixels across
    click(editor, QPoint(100, 200));
    QMouseEvent hover(QEvent::MouseMove, QPointF(300, 200), editor.mapToGlobal(QPointF(300, 200)), Qt::NoButton,
                      Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(&editor, &hover);
    const QImage shown = editor.grab().toImage();
    const QColor image(40, 90, 160);
    const QColor painted = shown.pixelColor(100, 200);
    QVERIFY2(painted.red() > image.red() + 80 && painted.blue() < image.blue() - 40, qPrintable(painted.name()));
    QCOMPARE(shown.pixelColor(200, 250), image);
    QCOMPARE(shown.pixelColor(320, 200), image);  // inside the outline
    const QColor outline = shown.pixelColor(340, 200);
    const int difference = qAbs(outline.red() - image.red()) + qAbs(outline.green() - image.green());
    QVERIFY2(difference > 60, qPrintable(outline.name()));
    QVERIFY(shown.pixelColor(200, 50) != image);  // the letterbox above the image
  }

  void strokeOutsideTheImagePaintsNothing() {
    MaskEditor editor;
    setUp(editor, QSize(400, 400));  // the image spans y 100..300
    editor.setBrushHardness(1);
    editor.setBrushSize(20);
    click(editor, QPoint(100, 40));  // image y -30: the brush's reach of 10 stops short
    QVERIFY(!editor.hasPaint());
    QCOMPARE(editor.undoStack()->count(), 0);
  }

  void hardBrushIsMeasuredInImagePixels() {
    MaskEditor editor;
    setUp(editor);
    editor.setBrushHardness(1);
    editor.setBrushSize(20);
    click(editor, QPoint(100, 50));  // image (50, 25), radius 10
    QCOMPARE(maskAt(editor, 50, 25), 255);
    QCOMPARE(maskAt(editor, 55, 25), 255);  // 5 away
    QCOMPARE(maskAt(editor, 50, 31), 255);
    QCOMPARE(maskAt(editor, 58, 25), 255);  // inside 10 image pixels, outside 10 widget pixels
    QCOMPARE(maskAt(editor, 65, 25), 0);    // 15 away
    QCOMPARE(maskAt(editor, 50, 40), 0);
    QCOMPARE(maskAt(editor, 150, 75), 0);
  }

  void fastStrokeIsContinuous() {
    MaskEditor editor;
    setUp(editor);
    editor.setBrushHardness(1);
    editor.setBrushSize(10);
    stroke(editor, {QPoint(20, 50), QPoint(380, 50)});  // image (10, 25) to (190, 25) in one move
    for (int x = 10; x <= 190; ++x) QCOMPARE(maskAt(editor, x, 25), 255);
    QCOMPARE(maskAt(editor, 100, 40), 0);
    QCOMPARE(maskAt(editor, 197, 25), 0);
    QCOMPARE(editor.undoStack()->count(), 1);
  }

  void softBrushHasAGradedEdge() {
    MaskEditor editor;
    setUp(editor);
    editor.setBrushHardness(0.5);
    editor.setBrushSize(40);        // radius 20: opaque to 10, clear from 20
    click(editor, QPoint(100, 50));  // image (50, 25)
    QCOMPARE(maskAt(editor, 50, 25), 255);
    QCOMPARE(maskAt(editor, 55, 25), 255);
    const int near = maskAt(editor, 62, 25), middle = maskAt(editor, 65, 25), far = maskAt(editor, 68, 25);
    QVERIFY2(255 > near && near > middle && middle > far && far > 0,
             qPrintable(QStringLiteral("%1 %2 %3").arg(near).arg(middle).arg(far)));
    QCOMPARE(maskAt(editor, 72, 25), 0);
  }

  void overlappingSoftDabsDoNotAddUp() {
    MaskEditor single, line;
    for (MaskEditor* editor : {&single, &line}) {
      setUp(*editor);
      editor->setBrushHardness(0.5);
      editor->setBrushSize(40);
    }
    click(single, QPoint(200, 100));  // image (100, 50)
    QList<QPoint> path;
    for (int x = 80; x <= 320; x += 6) path << QPoint(x, 100);  // image (40, 50) to (160, 50)
    stroke(line, path);
    const int once = maskAt(single, 100, 65);
    const int overlapped = maskAt(line, 100, 65);  // 15 from the line, under a dozen dabs' edges
    QVERIFY2(once > 0 && once < 255, qPrintable(QString::number(once)));
    QVERIFY2(qAbs(overlapped - once) <= 3, qPrintable(QStringLiteral("%1 vs %2").arg(overlapped).arg(once)));
  }

  void eraserPaintsKeepBack() {
    MaskEditor editor;
    setUp(editor);
    editor.setBrushHardness(1);
    editor.setBrushSize(20);
    click(editor, QPoint(100, 50));
    editor.setErasing(true);
    QVERIFY(editor.isErasing());
    editor.setBrushSize(10);
    click(editor, QPoint(100, 50));
    QCOMPARE(maskAt(editor, 50, 25), 0);
    QCOMPARE(maskAt(editor, 53, 25), 0);
    QCOMPARE(maskAt(editor, 58, 25), 255);  // beyond the eraser's radius of 5
    QCOMPARE(editor.undoStack()->count(), 2);
  }

  void invertAndClearAreUndoable() {
    MaskEditor editor;
    setUp(editor);
    editor.setBrushHardness(0.5);
    editor.setBrushSize(40);
    click(editor, QPoint(100, 50));
    const QImage painted = editor.mask();
    const int edge = maskAt(editor, 65, 25);
    QSignalSpy changes(&editor, &MaskEditor::maskChanged);
    editor.invert();
    QCOMPARE(maskAt(editor, 50, 25), 0);
    QCOMPARE(maskAt(editor, 65, 25), 255 - edge);
    QCOMPARE(maskAt(editor, 150, 75), 255);
    editor.clear();
    QCOMPARE(paintedPixels(editor.mask()), 0);
    QVERIFY(!editor.hasPaint());
    QCOMPARE(changes.count(), 2);
    editor.clear();  // nothing left to clear: no step
    QCOMPARE(editor.undoStack()->count(), 3);
    editor.undo();
    QCOMPARE(maskAt(editor, 150, 75), 255);
    editor.undo();
    QCOMPARE(editor.mask(), painted);
    QCOMPARE(changes.count(), 4);
  }

  void ctrlZUndoesOneStroke() {
    MaskEditor editor;
    setUp(editor);
    editor.show();
    QApplication::setActiveWindow(&editor);
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    editor.setFocus();
    editor.setBrushHardness(1);
    editor.setBrushSize(20);
    stroke(editor, {QPoint(40, 40), QPoint(120, 60), QPoint(200, 40)});
    const QImage afterFirst = editor.mask();
    stroke(editor, {QPoint(200, 150), QPoint(300, 150), QPoint(360, 120)});
    const QImage afterSecond = editor.mask();
    QVERIFY(afterSecond != afterFirst);
    QSignalSpy changes(&editor, &MaskEditor::maskChanged);
    QTest::keyClick(&editor, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor.mask(), afterFirst);
    QTest::keyClick(&editor, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(editor.mask(), afterSecond);
    QTest::keyClick(&editor, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(&editor, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(paintedPixels(editor.mask()), 0);
    QCOMPARE(changes.count(), 4);
  }

  void maskChangedOncePerStroke() {
    MaskEditor editor;
    setUp(editor);
    QSignalSpy changes(&editor, &MaskEditor::maskChanged);
    QTest::mousePress(&editor, Qt::LeftButton, {}, QPoint(40, 40));
    QTest::mouseMove(&editor, QPoint(80, 40));
    QTest::mouseMove(&editor, QPoint(120, 40));
    QCOMPARE(changes.count(), 0);
    QTest::mouseRelease(&editor, Qt::LeftButton, {}, QPoint(120, 40));
    QCOMPARE(changes.count(), 1);
  }

  void setMaskScalesToTheImage() {
    MaskEditor editor;
    setUp(editor);
    click(editor, QPoint(100, 50));
    QImage half(100, 50, QImage::Format_ARGB32);  // white left half, black right half
    half.fill(Qt::black);
    for (int y = 0; y < half.height(); ++y)
      for (int x = 0; x < 50; ++x) half.setPixel(x, y, qRgb(255, 255, 255));
    QSignalSpy changes(&editor, &MaskEditor::maskChanged);
    editor.setMask(half);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(editor.mask().size(), kImageSize);
    QCOMPARE(editor.mask().format(), QImage::Format_Grayscale8);
    QCOMPARE(maskAt(editor, 20, 50), 255);
    QCOMPARE(maskAt(editor, 90, 10), 255);
    QCOMPARE(maskAt(editor, 110, 90), 0);
    QCOMPARE(maskAt(editor, 180, 50), 0);
    QCOMPARE(editor.undoStack()->count(), 0);
    QImage grey(kImageSize, QImage::Format_RGB32);
    grey.fill(qRgb(128, 128, 128));
    editor.setMask(grey);
    QCOMPARE(maskAt(editor, 20, 50), 128);
    QCOMPARE(maskAt(editor, 180, 50), 128);
  }

  void setImageStartsAFreshMask() {
    MaskEditor editor;
    setUp(editor);
    click(editor, QPoint(100, 50));
    QImage other(64, 32, QImage::Format_RGB32);
    other.fill(Qt::gray);
    editor.setImage(other);
    QCOMPARE(editor.mask().size(), QSize(64, 32));
    QVERIFY(!editor.hasPaint());
    QCOMPARE(editor.undoStack()->count(), 0);
  }

  void keysChangeTheBrush() {
    MaskEditor editor;
    setUp(editor);
    QSignalSpy changes(&editor, &MaskEditor::brushChanged);
    QCOMPARE(editor.brushSize(), 32);
    QCOMPARE(editor.brushHardness(), 0.8);
    QTest::keyClick(&editor, Qt::Key_BracketRight);
    QCOMPARE(editor.brushSize(), 40);
    QTest::keyClick(&editor, Qt::Key_BracketLeft);
    QCOMPARE(editor.brushSize(), 32);
    editor.setBrushSize(2);
    QTest::keyClick(&editor, Qt::Key_BracketLeft);
    QCOMPARE(editor.brushSize(), 1);
    QTest::keyClick(&editor, Qt::Key_BracketLeft);
    QCOMPARE(editor.brushSize(), 1);
    QTest::keyClick(&editor, Qt::Key_BracketRight);
    QCOMPARE(editor.brushSize(), 2);
    editor.setBrushSize(1000);
    QCOMPARE(editor.brushSize(), 512);
    QTest::keyClick(&editor, Qt::Key_BracketRight);
    QCOMPARE(editor.brushSize(), 512);
    editor.setBrushHardness(3);
    QCOMPARE(editor.brushHardness(), 1.0);
    QTest::keyClick(&editor, Qt::Key_X);
    QVERIFY(editor.isErasing());
    QTest::keyClick(&editor, Qt::Key_X);
    QVERIFY(!editor.isErasing());
    QCOMPARE(changes.count(), 9);
  }

  void toolBarFollowsTheEditor() {
    MaskEditor editor;
    setUp(editor);
    MaskToolBar bar(&editor);
    QSpinBox* size = spinWithMaximum(&bar, 512);
    QSpinBox* hardness = spinWithMaximum(&bar, 100);
    auto* brush = childWithText<QToolButton>(&bar, QStringLiteral("Brush"));
    auto* eraser = childWithText<QToolButton>(&bar, QStringLiteral("Eraser"));
    auto* undo = childWithText<QPushButton>(&bar, QStringLiteral("Undo"));
    auto* redo = childWithText<QPushButton>(&bar, QStringLiteral("Redo"));
    QCOMPARE(size->value(), 32);
    QCOMPARE(hardness->value(), 80);
    QVERIFY(brush->isChecked() && !eraser->isChecked());
    QVERIFY(!undo->isEnabled() && !redo->isEnabled());

    editor.setBrushSize(64);
    QCOMPARE(size->value(), 64);
    size->setValue(10);
    QCOMPARE(editor.brushSize(), 10);
    hardness->setValue(30);
    QCOMPARE(editor.brushHardness(), 0.3);
    eraser->click();
    QVERIFY(editor.isErasing());
    QTest::keyClick(&editor, Qt::Key_X);
    QVERIFY(brush->isChecked() && !eraser->isChecked());

    click(editor, QPoint(100, 50));
    QVERIFY(undo->isEnabled());
    undo->click();
    QVERIFY(!editor.hasPaint());
    QVERIFY(!undo->isEnabled() && redo->isEnabled());
    childWithText<QPushButton>(&bar, QStringLiteral("Invert"))->click();
    QCOMPARE(paintedPixels(editor.mask()), kImageSize.width() * kImageSize.height());
    childWithText<QPushButton>(&bar, QStringLiteral("Clear"))->click();
    QVERIFY(!editor.hasPaint());
  }

};

QTEST_MAIN(MaskEditorTest)
#include "test_mask_editor.moc"
