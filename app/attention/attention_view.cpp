#include "app/attention/attention_view.h"

#include <algorithm>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/pipeline/attention_maps.h"

namespace bksdm {
namespace {

std::vector<float> layerMaps(const ImageAttention& attention, const MapView& view) {
  if (size_t(view.layer) >= attention.layers.size()) throw Error("attention maps: no such layer kept");
  const LayerMaps& kept = attention.layers[size_t(view.layer)];
  if (kept.sums.size() != size_t(kept.heads) * kept.height * kept.width * attention.slots())
    throw Error("attention maps: the sums of " + kept.name.toStdString() + " do not match its size");
  // A view of the floats: layer_map only reads them.
  const at::Tensor sums = at::from_blob(const_cast<float*>(kept.sums.data()),
                                        {1, kept.heads, kept.height * kept.width, attention.slots()}, at::kFloat);
  const at::Tensor map =
      layer_map(LayerAttention{kept.name.toStdString(), kept.height, kept.width, sums}, attention.height,
                attention.width, view.head)
          .contiguous();
  return {map.data_ptr<float>(), map.data_ptr<float>() + map.numel()};
}

// Whether the text (-1: the run) was in force at one of the steps first..last.
bool inForce(const ImageAttention& attention, int text, int first, int last) {
  if (text < 0 || text >= attention.texts.size()) return true;
  const QList<int>& steps = attention.texts[text].steps;
  return std::any_of(steps.begin(), steps.end(), [&](int step) { return step >= first && step <= last; });
}

// What the steps first..last added: the accumulated maps' difference, clamped at 0 as core clamps
// each map (the difference dips below 0 only where the upsampling did).
std::vector<float> rangeMaps(const ImageAttention& attention, const MapView& view, int text) {
  const int last = view.last >= 1 && view.last <= attention.steps() ? view.last : attention.steps();
  if (!inForce(attention, text, view.first, last)) return {};
  std::vector<float> maps = attention.mapsAt(view.last, text);
  const std::vector<float>& before = attention.mapsAt(view.first - 1, text);
  if (before.size() != maps.size()) return maps;  // the text came into force within the range
  for (size_t i = 0; i < maps.size(); ++i) maps[i] = std::max(maps[i] - before[i], 0.0f);
  return maps;
}

}  // namespace

std::vector<float> viewMaps(const ImageAttention& attention, const MapView& view, int text) {
  if (view.ofLayer()) return text < 0 ? layerMaps(attention, view) : std::vector<float>();
  if (view.first > 1 && view.first <= attention.steps()) return rangeMaps(attention, view, text);
  return attention.mapsAt(view.last, text);
}

QString layerLabel(const LayerMaps& layer) {
  static const QString kBlock = QStringLiteral(".transformer_blocks.0.attn2");
  const QString name = layer.name.endsWith(kBlock) ? layer.name.chopped(kBlock.size()) : layer.name;
  return QStringLiteral("%1 (%2\u00d7%3)").arg(name).arg(layer.width).arg(layer.height);
}

}  // namespace bksdm
