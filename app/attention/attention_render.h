#pragma once
#include <QImage>

#include "app/attention/attention_subject.h"
#include "app/attention/image_attention.h"

namespace bksdm {

// A subject's heat map over `image` as core's attention_overlay draws it (bicubic to the image's
// size, scaled by its own minimum and maximum, inferno, blended with `opacity`), from the maps
// accumulated up to `step` (ImageAttention::mapsAt, of the subject's text). A subject without a map
// there (past the token limit, or its text not yet in force) gives the image. The
// export writes the same overlay as core's RgbImage (attention_overlay_rgb.h, for app/attention only).
QImage attentionOverlay(const QImage& image, const ImageAttention& attention, const AttentionSubject& subject,
                        int step, double opacity);

// The overlays' colour scale: inferno from a map's lowest value (left) to its highest (right), as
// attentionOverlay colours them, unblended.
QImage attentionLegend(int width, int height);

}  // namespace bksdm
