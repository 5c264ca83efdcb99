#pragma once
#include <optional>

#include <QList>
#include <QPoint>
#include <QSize>
#include <QString>

#include "app/attention/attention_subject.h"
#include "app/attention/image_attention.h"

namespace bksdm {

// A word's part of the attention at one place of the image.
struct WordShare {
  QString word;
  double share = 0;  // 0..1
};

// The prompt's words ranked by their share of the attention at `pixel` of an image of `imageSize`,
// from the maps `view` shows (viewMaps): each word's map (its tokens'
// mean) at the map cell under the pixel, over the sum of every word's there. Words without a map in
// that view are left out; none where the pixel is off the image or all the words' values are 0.
// Equal shares keep the prompt's order.
QList<WordShare> wordSharesAt(const ImageAttention& attention, const MapView& view, QPoint pixel, QSize imageSize);

// How much two subjects' maps cover the same place: core's map_iou of their top regions.
struct MapOverlap {
  double iou = 0;
  double topFraction = 0;  // the share of each map's pixels in its top region
};

// The overlap of `a`'s and `b`'s maps in `view`; none where either has no map there.
std::optional<MapOverlap> mapOverlap(const ImageAttention& attention, const AttentionSubject& a,
                                     const AttentionSubject& b, const MapView& view);

}  // namespace bksdm
