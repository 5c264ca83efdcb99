#pragma once
#include <vector>

#include <QList>
#include <QString>

#include "app/attention/image_attention.h"

namespace bksdm {

// What one chip of the attention panel stands for: a word of the prompt (its tokens' mean map) or a
// single one of the context's token slots.
struct AttentionSubject {
  enum class Kind { Word, Token };
  Kind kind = Kind::Word;
  int index = 0;  // into ImageAttention::words or ::tokens
  QString label;
  std::vector<int> positions;
  int text = -1;  // whose maps: ImageAttention::texts[text]; -1: the run's
  int chunk = 0;  // a token's chunk of 77 slots

  bool hasMap() const { return !positions.empty(); }
};

QList<AttentionSubject> wordSubjects(const ImageAttention& attention);
// Each chunk's token slots from its start token to its end token, labelled as read ("start", "cat",
// "end").
QList<AttentionSubject> tokenSubjects(const ImageAttention& attention);
// The padding slots after `subject` when it is its chunk's end token (the end token repeated, or
// "!", up to the chunk's 77th slot), which tokenSubjects leaves out; 0 for any other subject.
int paddingAfter(const ImageAttention& attention, const AttentionSubject& subject);
// A selection carried from one view to the other: the slots of the chosen words, or the words
// that have one of the chosen slots; in the order chosen.
QList<int> tokensOfWords(const ImageAttention& attention, const QList<int>& words);
QList<int> wordsOfTokens(const ImageAttention& attention, const QList<int>& tokens);

// A file name for the subject's overlay without extension, e.g. "03-lighthouse" or "token05-cat".
QString fileStem(const AttentionSubject& subject);

}  // namespace bksdm
