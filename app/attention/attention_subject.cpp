#include "app/attention/attention_subject.h"

namespace bksdm {
namespace {

// Letters and digits (any script) kept, anything else as '_', as `bksdm generate --attention-dir`.
QString fileSafe(const QString& text) {
  QString safe;
  for (QChar c : text) safe += c.isLetterOrNumber() ? c : QLatin1Char('_');
  return safe;
}

}  // namespace

QList<AttentionSubject> wordSubjects(const ImageAttention& attention) {
  QList<AttentionSubject> subjects;
  for (int i = 0; i < attention.words.size(); ++i) {
    const AttentionWord& word = attention.words[i];
    subjects << AttentionSubject{AttentionSubject::Kind::Word, i, word.text, word.positions};
  }
  return subjects;
}

QList<AttentionSubject> tokenSubjects(const ImageAttention& attention) {
  QList<AttentionSubject> subjects;
  for (int i = 0; i < attention.tokens.size(); ++i)
    subjects << AttentionSubject{AttentionSubject::Kind::Token, i, attention.tokens[i], {i}};
  return subjects;
}

QString fileStem(const AttentionSubject& subject) {
  const QString number = QStringLiteral("%1").arg(subject.index, 2, 10, QLatin1Char('0'));
  const QString prefix = subject.kind == AttentionSubject::Kind::Token ? QStringLiteral("token") : QString();
  return prefix + number + QLatin1Char('-') + fileSafe(subject.label);
}

}  // namespace bksdm
