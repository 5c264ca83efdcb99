#pragma once
#include <vector>

#include <QString>

#include "app/attention/image_attention.h"

namespace bksdm {

// The maps [slots, height, width] that `view` shows, of the run or of texts[text] (as mapsAt):
// - one layer: its sums upsampled to the maps' size as core's layer_map does it (bicubic, clamped
//   at 0; one head, or its heads' mean); the run's alone, so empty for a text of an edited prompt;
// - steps first..last: the maps accumulated up to `last` less those up to `first - 1`, clamped at
//   0 (exact only where the bicubic upsampling never dips below 0: docs/app.md says why); empty for
//   a text not in force in any of those steps;
// - else mapsAt(last, text).
std::vector<float> viewMaps(const ImageAttention& attention, const MapView& view, int text = -1);

// The kept layers' names as a person reads them, "up_blocks.1.attentions.2 (16×16)".
QString layerLabel(const LayerMaps& layer);

}  // namespace bksdm
