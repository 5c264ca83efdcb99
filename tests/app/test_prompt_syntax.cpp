// The prompt editor's view of A1111's language: the spans it highlights (in the QString's
// positions, past non-ASCII text too), Ctrl+Up / Ctrl+Down as A1111's edit-attention writes them,
// and the highlighter's formats on the document.
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextLayout>
#include <QtTest>

#include "app/prompt_syntax.h"
#include "ui/prompt_editor.h"
#include "ui/prompt_highlighter.h"

using namespace bksdm;
using Kind = PromptSyntaxSpan::Kind;

Q_DECLARE_METATYPE(std::optional<bksdm::WeightEdit>)

namespace {

// The text of each span, for readable comparisons.
QStringList spanTexts(const QString& prompt, const QList<PromptSyntaxSpan>& spans) {
  QStringList texts;
  for (const PromptSyntaxSpan& span : spans) texts << prompt.mid(span.start, span.length);
  return texts;
}

// The formats the highlighter laid on the first block, as (start, length) pairs.
QList<QPair<int, int>> formattedRanges(const QPlainTextEdit* edit) {
  QList<QPair<int, int>> ranges;
  for (const QTextLayout::FormatRange& range : edit->document()->firstBlock().layout()->formats())
    ranges << qMakePair(range.start, range.length);
  return ranges;
}

}  // namespace

class PromptSyntaxTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void spansOfAWeightedPrompt() {
    const QString prompt = QStringLiteral("(red:1.3) vase, [blurry]");
    const QList<PromptSyntaxSpan> spans = promptSyntaxSpans(prompt);
    QCOMPARE(spanTexts(prompt, spans), (QStringList{"(", "red", ":1.3)", "[", "blurry", "]"}));
    QCOMPARE(spans[1].kind, Kind::Weighted);
    QCOMPARE(spans[1].weight, 1.3);
    QCOMPARE(spans[0].kind, Kind::Emphasis);
    QVERIFY(qAbs(spans[4].weight - 1 / 1.1) < 1e-12);
  }

  void spansOfEditsAlternationsAndBreak() {
    const QString prompt = QStringLiteral("a [cat:dog:10] BREAK [x|y]");
    const QList<PromptSyntaxSpan> spans = promptSyntaxSpans(prompt);
    QCOMPARE(spanTexts(prompt, spans), (QStringList{"[", ":", ":10]", "BREAK", "[", "|", "]"}));
    QCOMPARE(spans[0].kind, Kind::Edit);
    QCOMPARE(spans[3].kind, Kind::ChunkBreak);
    QCOMPARE(spans[5].kind, Kind::Alternation);
  }

  void spansCountCharactersNotBytes() {
    // "é" is two bytes and "🌊" four (a surrogate pair in the QString): the spans still fall on them.
    const QString prompt = QStringLiteral("caf\u00e9 (\U0001F30A sea:1.2)");
    const QList<PromptSyntaxSpan> spans = promptSyntaxSpans(prompt);
    QCOMPARE(spanTexts(prompt, spans), (QStringList{"(", QStringLiteral("\U0001F30A sea"), ":1.2)"}));
  }

  void badSyntaxIsNotHighlighted() {
    QVERIFY(promptSyntaxSpans(QStringLiteral("a) b] c:1.2")).isEmpty());
  }

  void weightSteps_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    QTest::addColumn<double>("delta");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("selected");
    // A1111: the word under the cursor gets "(word:1.05)".
    QTest::newRow("a word") << "a red vase" << 3 << 3 << 0.05 << "a (red:1.05) vase" << "red";
    QTest::newRow("a word, down") << "a red vase" << 3 << 3 << -0.05 << "a (red:0.95) vase" << "red";
    QTest::newRow("a selection") << "a red vase" << 2 << 10 << 0.05 << "a (red vase:1.05)" << "red vase";
    QTest::newRow("inside a weight") << "a (red:1.05) vase" << 5 << 5 << 0.05 << "a (red:1.1) vase" << "red";
    QTest::newRow("back to 1 drops the brackets") << "a (red:1.05) vase" << 5 << 5 << -0.05 << "a red vase" << "red";
    // Old-style emphasis is rewritten with its weight rounded to the step: 1.1^2 = 1.21 -> 1.2.
    QTest::newRow("((word))") << "((red)) vase" << 3 << 3 << 0.05 << "(red:1.25) vase" << "red";
    QTest::newRow("[word]") << "[red] vase" << 2 << 2 << 0.05 << "(red:0.95) vase" << "red";
    QTest::newRow("word after a comma") << "vase,red" << 6 << 6 << 0.05 << "vase,(red:1.05)" << "red";
  }
  void weightSteps() {
    QFETCH(QString, text);
    QFETCH(int, start);
    QFETCH(int, end);
    QFETCH(double, delta);
    QFETCH(QString, expected);
    QFETCH(QString, selected);
    const std::optional<WeightEdit> edit = stepWeight(text, start, end, delta);
    QVERIFY(edit);
    QCOMPARE(edit->text, expected);
    QCOMPARE(edit->text.mid(edit->selectionStart, edit->selectionEnd - edit->selectionStart), selected);
  }

  void nothingToWeightChangesNothing() {
    QVERIFY(!stepWeight(QStringLiteral("a  b"), 2, 2, 0.05));
    QVERIFY(!stepWeight(QString(), 0, 0, 0.05));
  }

  void ctrlUpWeightsTheWordUnderTheCursorAsOneUndoStep() {
    PromptEditor editor(QStringLiteral("Prompt"), QString());
    editor.setText(QStringLiteral("a red vase"));
    QTextCursor cursor = editor.editor()->textCursor();
    cursor.setPosition(3);
    editor.editor()->setTextCursor(cursor);
    QTest::keyClick(editor.editor(), Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(editor.text(), QString("a (red:1.05) vase"));
    QTest::keyClick(editor.editor(), Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(editor.text(), QString("a (red:1.1) vase"));
    QCOMPARE(editor.editor()->textCursor().selectedText(), QString("red"));
    editor.editor()->undo();
    QCOMPARE(editor.text(), QString("a (red:1.05) vase"));
    // Plain text has no weights: the keys do what the editor does with them.
    editor.setPromptSyntax(QStringLiteral("plain"));
    QTest::keyClick(editor.editor(), Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(editor.text(), QString("a (red:1.05) vase"));
  }

  void theHighlighterFormatsWhatTheParserRead() {
    PromptEditor editor(QStringLiteral("Prompt"), QString());
    editor.setText(QStringLiteral("(red:1.3) vase"));
    QCOMPARE(formattedRanges(editor.editor()), (QList<QPair<int, int>>{{0, 1}, {1, 3}, {4, 5}}));
    const QList<QTextLayout::FormatRange> formats = editor.editor()->document()->firstBlock().layout()->formats();
    QVERIFY(formats[1].format.foreground() != formats[0].format.foreground());  // the text, not its brackets
    editor.setPromptSyntax(QStringLiteral("plain"));
    QVERIFY(formattedRanges(editor.editor()).isEmpty());
    editor.setPromptSyntax(QStringLiteral("a1111"));
    QCOMPARE(formattedRanges(editor.editor()).size(), 3);
  }

  void aBracketClosedOnALaterLineReachesTheFirst() {
    PromptEditor editor(QStringLiteral("Prompt"), QString());
    editor.setText(QStringLiteral("(red\nvase"));
    const PromptSyntaxSpan opened = editor.highlighter()->spans().value(1);
    QCOMPARE(opened.weight, 1.1);  // left open: A1111 closes it at the end
    QTextCursor cursor(editor.editor()->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(QStringLiteral(":1.5)"));
    QTRY_COMPARE(editor.highlighter()->spans().value(1).weight, 1.5);
    QTRY_COMPARE(formattedRanges(editor.editor()).size(), 2);  // "(" and "red" on the first line
  }
};

QTEST_MAIN(PromptSyntaxTest)
#include "test_prompt_syntax.moc"
