#include "core/tokenizer/clip_sentencepiece_model.h"

#include <unicode/utf8.h>

namespace bksdm {
namespace {

std::string sentencepiece_spelling(const std::string& clip_piece) {
  if (clip_piece.size() > kClipEndOfWord.size() && clip_piece.ends_with(kClipEndOfWord)) {
    return clip_piece.substr(0, clip_piece.size() - kClipEndOfWord.size()) + std::string(kSentencePieceWordMark);
  }
  return clip_piece;
}

bool is_single_character(std::string_view piece) {
  if (piece.ends_with(kSentencePieceWordMark)) piece.remove_suffix(kSentencePieceWordMark.size());
  if (piece.empty()) return false;
  int32_t length = 0;
  U8_FWD_1(reinterpret_cast<const uint8_t*>(piece.data()), length, static_cast<int32_t>(piece.size()));
  return static_cast<size_t>(length) == piece.size();
}

}  // namespace

SentencePieceBpeModel clip_sentencepiece_model(const ClipBpeFiles& files) {
  SentencePieceBpeModel model;
  model.pieces.resize(files.vocab.size());
  std::vector<bool> scored(files.vocab.size());
  for (size_t id = 0; id < files.vocab.size(); ++id) {
    SentencePiece& piece = model.pieces[id];
    piece.piece = sentencepiece_spelling(files.vocab[id]);
    scored[id] = is_single_character(piece.piece);
  }
  for (size_t rank = 0; rank < files.merge_ids.size(); ++rank) {
    const int id = files.merge_ids[rank];
    if (scored[id]) continue;  // an earlier merge already yields it
    model.pieces[id].score = -static_cast<float>(rank + 1);
    scored[id] = true;
  }
  for (size_t id = 0; id < files.vocab.size(); ++id) {
    if (!scored[id]) model.pieces[id].type = SentencePiece::Type::Control;
  }
  model.unk_id = static_cast<int>(model.pieces.size());
  model.pieces.push_back({"<unk>", 0, SentencePiece::Type::Unknown});
  model.bos_id = files.bos_id;
  model.eos_id = files.eos_id;
  return model;
}

}  // namespace bksdm
