#pragma once
#include <QImage>

#include "app/attention/attention_subject.h"
#include "app/attention/image_attention.h"

namespace bksdm {

// A subject's heat map over `image` as core's attention_overlay draws it (bicubic to the image's
// size, scaled by its own minimum and maximum, inferno, blended with `opacity`), from the maps
// `view` shows (viewMaps, of the subject's text). A subject without a map there (past the token
// limit, its text not in force, or a text's word in a layer's view) gives the image. The
// export writes the same overlay as core's RgbImage (attention_overlay_rgb.h, for app/attention only).
QImage attentionOverlay(const QImage& image, const ImageAttention& attention, const AttentionSubject& subject,
                        const MapView& view, double opacity);

// The overlays' colour scale: inferno from a map's lowest value (left) to its highest (right), as
// attentionOverlay colours them, unblended.
QImage attentionLegend(int width, int height);

}  // namespace bksdm
