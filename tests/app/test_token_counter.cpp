// Token counts with the fixture's real CLIP tokenizer, and where a long prompt gets cut.
#include <QtTest>

#include <qcoro/qcorotask.h>

#include "app/token_counter.h"
#include "core/prompt/prompt_chunks.h"
#include "core/tokenizer/clip_tokenizer.h"

using namespace bksdm;

class TokenCounterTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    auto tokenizer = ClipTokenizer::load(BKSDM_FIXTURES_DIR "/models/bk-sdm-v2-tiny-mini/tokenizer");
    tokenize_ = [tokenizer](const std::string& text, bool plainText, const std::string&) {
      return plainText ? tokenizer->count_tokens(text) : chunk_prompt(*tokenizer, text).token_count;
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

  void aLongPromptIsReadInChunks() {
    QString prompt;
    for (int i = 0; i < 90; ++i) prompt += QStringLiteral("cat ");
    const TokenCount count = TokenCounter::countNow(tokenize(), prompt);
    QCOMPARE(count.tokens, 90);
    QCOMPARE(count.chunks, 2);
    QCOMPARE(count.cutAt, -1);
    // BREAK fills its chunk: A1111 counts 75 for it.
    const TokenCount broken = TokenCounter::countNow(tokenize(), QStringLiteral("a cat BREAK a dog"));
    QCOMPARE(broken.tokens, 75 + 2);
    QCOMPARE(broken.chunks, 2);
  }

  // 8 chunks of 75 tokens are read; the word that starts the ninth is where the cut begins.
  void marksTheFirstWordPastTheLimit() {
    QCOMPARE(TokenCount::limit(), 600);
    QString prompt;
    for (int i = 0; i < 610; ++i) prompt += QStringLiteral("cat ");
    const TokenCount count = TokenCounter::countNow(tokenize(), prompt);
    QCOMPARE(count.tokens, 610);
    QCOMPARE(count.cutAt, 600 * 4);  // word 601 starts there
  }

  void aWordOfSeveralTokensAcrossTheLimitIsMarkedWhole() {
    QString prompt;
    for (int i = 0; i < 599; ++i) prompt += QStringLiteral("cat ");
    prompt += QStringLiteral("photorealistic dog");  // several tokens, starting at token 600
    const TokenCount count = TokenCounter::countNow(tokenize(), prompt);
    QVERIFY(count.tokens > 601);
    QCOMPARE(count.cutAt, 599 * 4);
  }

  // Read as plain text, as diffusers reads it, a prompt is one chunk, cut after 75 tokens.
  void plainTextIsCutAfterOneChunk() {
    QCOMPARE(TokenCount::limit(true), 75);
    QString prompt;
    for (int i = 0; i < 80; ++i) prompt += QStringLiteral("cat ");
    const TokenCount plain = TokenCounter::countNow(tokenize(), prompt, true);
    QCOMPARE(plain.tokens, 80);
    QCOMPARE(plain.chunks, 1);
    QCOMPARE(plain.cutAt, 75 * 4);
    const TokenCount a1111 = TokenCounter::countNow(tokenize(), prompt);
    QCOMPARE(a1111.chunks, 2);
    QCOMPARE(a1111.cutAt, -1);
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
