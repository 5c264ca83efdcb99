#pragma once
#include <vector>

#include <QList>
#include <QString>
#include <QStringList>

namespace bksdm {

// A word of the prompt as the user wrote it (core/pipeline/prompt_words.h's PromptWord, in the UI's
// terms).
struct AttentionWord {
  QString text;
  QStringList pieces;          // its tokens, as vocab.json spells them
  std::vector<int> positions;  // the token slots its map averages; empty when all were cut
  bool cut = false;            // some of its tokens fell past the 77-token limit
};

// One image's cross-attention maps (DAAM) with what they are maps of, as plain floats: they cross
// threads in queued signals and reach the widgets without tensors.
struct ImageAttention {
  static constexpr int kTokens = 77;

  QList<AttentionWord> words;
  QStringList tokens;  // the pieces in the 77 slots: start token, prompt, end token, padding
  int height = 0;      // the maps' size: the latent's
  int width = 0;
  std::vector<float> maps;                   // [77, height, width] over the whole run
  std::vector<std::vector<float>> stepMaps;  // [k-1]: accumulated over steps 1..k; empty when not kept

  bool isEmpty() const { return maps.empty(); }
  int steps() const { return int(stepMaps.size()); }
  // The maps accumulated up to `step` (1..steps()); the final maps for any other step.
  const std::vector<float>& mapsAt(int step) const {
    return step >= 1 && step <= steps() ? stepMaps[size_t(step - 1)] : maps;
  }
};

}  // namespace bksdm
