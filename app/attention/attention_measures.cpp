#include "app/attention/attention_measures.h"

#include <algorithm>
#include <map>

#include <QRect>

#include "app/attention/attention_view.h"
#include "app/attention/subject_map.h"
#include "core/pipeline/attention_similarity.h"

namespace bksdm {
namespace {

// The subject's map value at one cell: its tokens' mean, as core's word_map averages them.
double valueAt(const std::vector<float>& maps, const ImageAttention& attention, const AttentionSubject& subject,
               int cell) {
  double sum = 0;
  for (int slot : subject.positions) sum += maps[size_t(slot) * attention.height * attention.width + cell];
  return sum / double(subject.positions.size());
}

// The map cell under `pixel`: each cell covers imageSize / map size pixels.
int cellAt(const ImageAttention& attention, QPoint pixel, QSize imageSize) {
  const int x = int(qint64(pixel.x()) * attention.width / imageSize.width());
  const int y = int(qint64(pixel.y()) * attention.height / imageSize.height());
  return y * attention.width + x;
}

bool fits(const std::vector<float>& maps, const ImageAttention& attention) {
  return maps.size() == size_t(attention.slots()) * attention.height * attention.width;
}

}  // namespace

QList<WordShare> wordSharesAt(const ImageAttention& attention, const MapView& view, QPoint pixel, QSize imageSize) {
  if (attention.isEmpty() || !QRect(QPoint(0, 0), imageSize).contains(pixel)) return {};
  const int cell = cellAt(attention, pixel, imageSize);
  std::map<int, std::vector<float>> textMaps;  // each text's once: a range or a layer computes them
  QList<WordShare> shares;
  double total = 0;
  for (const AttentionSubject& word : wordSubjects(attention)) {
    if (!textMaps.contains(word.text)) textMaps[word.text] = viewMaps(attention, view, word.text);
    const std::vector<float>& maps = textMaps[word.text];
    if (!word.hasMap() || !fits(maps, attention)) continue;
    shares << WordShare{word.label, valueAt(maps, attention, word, cell)};
    total += shares.last().share;
  }
  if (total <= 0) return {};
  for (WordShare& share : shares) share.share /= total;
  std::stable_sort(shares.begin(), shares.end(),
                   [](const WordShare& a, const WordShare& b) { return a.share > b.share; });
  return shares;
}

std::optional<MapOverlap> mapOverlap(const ImageAttention& attention, const AttentionSubject& a,
                                     const AttentionSubject& b, const MapView& view) {
  if (!a.hasMap() || !b.hasMap()) return std::nullopt;
  const at::Tensor first = subjectMap(attention, a, view), second = subjectMap(attention, b, view);
  if (!first.defined() || !second.defined()) return std::nullopt;
  return MapOverlap{map_iou(first, second, kDefaultTopFraction), kDefaultTopFraction};
}

}  // namespace bksdm
