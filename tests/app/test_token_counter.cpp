// Token counts with the fixture's real CLIP tokenizer, and where a long prompt gets cut.
#include <QtTest>

#include <qcoro/qcorotask.h>

#include "app/token_counter.h"
#include "core/tokenizer/clip_tokenizer.h"

using namespace bksdm;

class TokenCounterTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    auto tokenizer = ClipTokenizer::load(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini/tokenizer");
    tokenize_ = [tokenizer](const std::string& text) {
      const TokenizedPrompt tokens = tokenizer->encode_for_model(text);
      return tokens.kept_tokens + tokens.truncated_tokens;
    };
    counter_.setCounter(tokenize_);
  }

  void countsTokensBetweenStartAndEnd() {
    const TokenCount count = TokenCounter::countNow(tokenize(), QStringLiteral("a photo of a cat"));
    QVERIFY(count.valid);
    QCOMPARE(count.tokens, 5);
    QCOMPARE(count.cutAt, -1);
    QCOMPARE(TokenCounter::countNow(tokenize(), QString()).tokens, 0);
  }

  void marksTheFirstWordPastTheLimit() {
    QString prompt;
    for (int i = 0; i < 90; ++i) prompt += QStringLiteral("cat ");
    const TokenCount count = TokenCounter::countNow(tokenize(), prompt);
    QCOMPARE(count.tokens, 90);
    QCOMPARE(count.cutAt, 75 * 4);  // word 76 starts there
  }

  void aWordOfSeveralTokensAcrossTheLimitIsMarkedWhole() {
    QString prompt;
    for (int i = 0; i < 74; ++i) prompt += QStringLiteral("cat ");
    prompt += QStringLiteral("photorealistic dog");  // several tokens, starting at token 75
    const TokenCount count = TokenCounter::countNow(tokenize(), prompt);
    QVERIFY(count.tokens > 76);
    QCOMPARE(count.cutAt, 74 * 4);
  }

  void countsOffTheCallingThread() {
    const TokenCount count = QCoro::waitFor(counter_.count(QStringLiteral("an astronaut riding a horse")));
    QCOMPARE(count.tokens, 5);
  }

  void withoutATokenizerThereIsNoCount() {
    TokenCounter none;
    QVERIFY(!QCoro::waitFor(none.count(QStringLiteral("anything"))).valid);
  }

 private:
  const CountTokensFunction& tokenize() const { return tokenize_; }

  CountTokensFunction tokenize_;
  TokenCounter counter_;
};

QTEST_GUILESS_MAIN(TokenCounterTest)
#include "test_token_counter.moc"
