#pragma once
#include <QList>
#include <QString>

namespace bksdm::gallery {

// A piece of a text: a word, or the spaces and commas between words.
struct DiffPiece {
  QString text;
  bool changed = false;  // a word that a longest common run of words with the other text lacks
};

// `text` in pieces, its words compared with those of `reference` (case aside), so that a view can
// mark what one prompt has that the other has not. The pieces joined give `text` back.
QList<DiffPiece> diffWords(const QString& text, const QString& reference);

}  // namespace bksdm::gallery
