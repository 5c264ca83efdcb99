#pragma once
#include <vector>

#include <QList>
#include <QString>
#include <QStringList>

namespace bksdm {

// A word of the prompt as the user wrote it (core/pipeline/prompt_words.h's RunWord, in the UI's
// terms).
struct AttentionWord {
  QString text;
  QStringList pieces;          // its tokens, as vocab.json spells them
  std::vector<int> positions;  // the token slots its map averages; empty when all were cut
  bool cut = false;            // some of its tokens fell past the limit
  int textIndex = -1;          // its maps: ImageAttention::texts[textIndex]; -1: the run's own
};

// One text of an edited prompt ([cat:dog:10], [cat|dog]): what the prompt read while it was in
// force, and the maps of those steps.
struct TextMaps {
  QString text;
  QList<int> steps;                          // 1-based steps it was in force
  std::vector<float> maps;                   // [slots, height, width]; empty: never in force
  std::vector<std::vector<float>> stepMaps;  // [k-1]: accumulated over steps 1..k; empty entries
                                             // before it came into force
};

// One down/up cross-attention layer's probabilities summed over the run (core's LayerAttention),
// at the layer's own resolution: what its map, or one head's, is upsampled from.
struct LayerMaps {
  QString name;    // diffusers' module name, "down_blocks.0.attentions.1.transformer_blocks.0.attn2"
  int height = 0;  // its resolution
  int width = 0;
  int heads = 0;
  std::vector<float> sums;  // [heads, height*width, slots]
};

// One image's cross-attention maps (DAAM) with what they are maps of, as plain floats: they cross
// threads in queued signals and reach the widgets without tensors.
struct ImageAttention {
  static constexpr int kChunkSlots = 77;  // a chunk of the context: start token, 75 tokens, end token

  QList<AttentionWord> words;
  QStringList tokens;  // the pieces in the context's slots, 77 per chunk: start token, prompt, end
                       // token, padding
  int height = 0;      // the maps' size: the latent's
  int width = 0;
  std::vector<float> maps;                   // [slots, height, width] over the whole run
  std::vector<std::vector<float>> stepMaps;  // [k-1]: accumulated over steps 1..k; empty when not kept
  QList<TextMaps> texts;                     // an edited prompt's texts; empty for one text
  std::vector<LayerMaps> layers;             // the prompt's layers in U-Net order, when the run kept
                                             // them (GenerationParams::layerAttentionMaps); else empty
  // What taking each step's running maps out of the run cost the app (AttentionCapture::addStep),
  // in ms a step, the mean over the run; 0 when the run kept no step maps.
  double captureMsPerStep = 0;

  bool isEmpty() const { return maps.empty(); }
  int slots() const { return int(tokens.size()); }
  int steps() const { return int(stepMaps.size()); }
  // The maps accumulated up to `step` (1..steps()), the run's or those of texts[text]; the final
  // maps for any other step. Empty where that text was not yet in force.
  const std::vector<float>& mapsAt(int step, int text = -1) const {
    const bool ofText = text >= 0 && text < texts.size();
    const std::vector<std::vector<float>>& kept = ofText ? texts[text].stepMaps : stepMaps;
    const std::vector<float>& final = ofText ? texts[text].maps : maps;
    return step >= 1 && step <= int(kept.size()) ? kept[size_t(step - 1)] : final;
  }
  // The text in force at `step` (1-based): an index into texts, -1 for a prompt of one text.
  int textAt(int step) const {
    for (int t = 0; t < texts.size(); ++t)
      if (texts[t].steps.contains(step)) return t;
    return -1;
  }
};

// Which of an image's maps to show: those of steps first..last, or one layer's (one head's) over
// the whole run.
struct MapView {
  // Implicit: a step number reads as the maps accumulated up to it, as the panel's slider showed
  // them before it had a range.
  MapView(int upTo = 0) : last(upTo) {}

  int first = 1;   // 1-based; above 1 only with kept step maps
  int last = 0;    // 1..steps; 0 (or past the kept steps): the run's final maps
  int layer = -1;  // an index into ImageAttention::layers; -1: all layers' mean, the run's maps
  int head = -1;   // of that layer; -1: the mean of its heads' maps

  bool ofLayer() const { return layer >= 0; }
};

}  // namespace bksdm
