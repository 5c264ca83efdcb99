#pragma once
#include <vector>

#include <QList>
#include <QString>

#include "app/attention/image_attention.h"

namespace bksdm {

// What one chip of the attention panel stands for: a word of the prompt (its tokens' mean map) or a
// single one of the 77 token slots.
struct AttentionSubject {
  enum class Kind { Word, Token };
  Kind kind = Kind::Word;
  int index = 0;  // into ImageAttention::words or ::tokens
  QString label;
  std::vector<int> positions;

  bool hasMap() const { return !positions.empty(); }
};

QList<AttentionSubject> wordSubjects(const ImageAttention& attention);
QList<AttentionSubject> tokenSubjects(const ImageAttention& attention);

// A file name for the subject's overlay without extension, e.g. "03-lighthouse" or "token05-cat_w_".
QString fileStem(const AttentionSubject& subject);

}  // namespace bksdm
