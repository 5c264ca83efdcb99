#pragma once
// Inside app/attention only: the overlay as the core's image type, which ui/ never sees.
#include <QImage>

#include "app/attention/attention_subject.h"
#include "app/attention/image_attention.h"
#include "core/io/png.h"

namespace bksdm {

// attentionOverlay's pixels, for writing them as PNG without a detour through QImage.
RgbImage attentionOverlayRgb(const QImage& image, const ImageAttention& attention, const AttentionSubject& subject,
                             const MapView& view, double opacity);

}  // namespace bksdm
