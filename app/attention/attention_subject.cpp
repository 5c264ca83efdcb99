#include "app/attention/attention_subject.h"

#include <algorithm>

#include <QCoreApplication>

namespace bksdm {
namespace {

struct Text {
  Q_DECLARE_TR_FUNCTIONS(AttentionSubject)
};

const QString kStartToken = QStringLiteral("<|startoftext|>");
const QString kEndToken = QStringLiteral("<|endoftext|>");
const QString kWordEnd = QStringLiteral("</w>");

// Letters and digits (any script) kept, anything else as '_', as `bksdm generate --attention-dir`.
QString fileSafe(const QString& text) {
  QString safe;
  for (QChar c : text) safe += c.isLetterOrNumber() ? c : QLatin1Char('_');
  return safe;
}

// A piece as a person reads it: the start and end tokens by name, a word's last piece without the
// tokenizer's "</w>" marker.
QString tokenLabel(const QString& piece) {
  if (piece == kStartToken) return Text::tr("start");
  if (piece == kEndToken) return Text::tr("end");
  return piece.endsWith(kWordEnd) ? piece.chopped(kWordEnd.size()) : piece;
}

}  // namespace

QList<AttentionSubject> wordSubjects(const ImageAttention& attention) {
  QList<AttentionSubject> subjects;
  for (int i = 0; i < attention.words.size(); ++i) {
    const AttentionWord& word = attention.words[i];
    subjects << AttentionSubject{AttentionSubject::Kind::Word, i, word.text, word.positions, word.textIndex, 0};
  }
  return subjects;
}

// Each chunk's slots up to its first end token: what follows it is padding (the end token again, or
// "!"), which the text encoder's causal mask keeps from shaping anything before it. Slots past the
// first text's chunks (an edited prompt's longer text has them) hold no start token and show none.
QList<AttentionSubject> tokenSubjects(const ImageAttention& attention) {
  QList<AttentionSubject> subjects;
  for (int start = 0; start < attention.tokens.size(); start += ImageAttention::kChunkSlots) {
    if (attention.tokens[start] != kStartToken) break;
    for (int i = start; i < std::min(start + ImageAttention::kChunkSlots, int(attention.tokens.size())); ++i) {
      subjects << AttentionSubject{AttentionSubject::Kind::Token, i, tokenLabel(attention.tokens[i]), {i}, -1,
                                   start / ImageAttention::kChunkSlots};
      if (attention.tokens[i] == kEndToken) break;
    }
  }
  return subjects;
}

int paddingAfter(const ImageAttention& attention, const AttentionSubject& subject) {
  if (subject.kind != AttentionSubject::Kind::Token || attention.tokens.value(subject.index) != kEndToken) return 0;
  const int chunkEnd = std::min((subject.chunk + 1) * ImageAttention::kChunkSlots, attention.slots());
  return chunkEnd - subject.index - 1;
}

QList<int> tokensOfWords(const ImageAttention& attention, const QList<int>& words) {
  QList<int> tokens;
  for (int word : words)
    if (word >= 0 && word < attention.words.size())
      for (int position : attention.words[word].positions)
        if (!tokens.contains(position)) tokens << position;
  return tokens;
}

QList<int> wordsOfTokens(const ImageAttention& attention, const QList<int>& tokens) {
  QList<int> words;
  for (int token : tokens)
    for (int word = 0; word < attention.words.size(); ++word) {
      const std::vector<int>& positions = attention.words[word].positions;
      if (std::find(positions.begin(), positions.end(), token) != positions.end() && !words.contains(word)) words << word;
    }
  return words;
}

QString fileStem(const AttentionSubject& subject) {
  const QString number = QStringLiteral("%1").arg(subject.index, 2, 10, QLatin1Char('0'));
  const QString prefix = subject.kind == AttentionSubject::Kind::Token ? QStringLiteral("token") : QString();
  return prefix + number + QLatin1Char('-') + fileSafe(subject.label);
}

}  // namespace bksdm
