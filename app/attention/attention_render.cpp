#include "app/attention/attention_render.h"

#include <cstring>

#include <ATen/ATen.h>

#include "app/attention/attention_overlay_rgb.h"
#include "app/attention/attention_view.h"
#include "app/attention/subject_map.h"
#include "core/io/error.h"
#include "core/pipeline/attention_overlay.h"
#include "core/pipeline/prompt_words.h"

namespace bksdm {
namespace {

// [3,H,W] in [0,1], as the pipeline's images are.
at::Tensor imageTensor(const QImage& image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  at::Tensor pixels = at::empty({rgb.height(), rgb.width(), 3}, at::kByte);
  const size_t row = size_t(rgb.width()) * 3;
  for (int y = 0; y < rgb.height(); ++y) std::memcpy(pixels.data_ptr<uint8_t>() + y * row, rgb.constScanLine(y), row);
  return pixels.permute({2, 0, 1}).to(at::kFloat).div_(255);
}

QImage toQImage(const RgbImage& rgb) {
  return QImage(rgb.pixels.data(), rgb.width, rgb.height, rgb.width * 3, QImage::Format_RGB888).copy();
}

}  // namespace

at::Tensor subjectMap(const ImageAttention& attention, const AttentionSubject& subject, const MapView& view) {
  const std::vector<float> maps = viewMaps(attention, view, subject.text);
  if (maps.empty()) return {};
  if (maps.size() != size_t(attention.slots()) * attention.height * attention.width)
    throw Error("attention maps: the data does not match [" + std::to_string(attention.slots()) + "," +
                std::to_string(attention.height) + "," + std::to_string(attention.width) + "]");
  // The floats in place: word_map's index_select copies what it returns out of them.
  const at::Tensor slots = at::from_blob(const_cast<float*>(maps.data()),
                                         {attention.slots(), attention.height, attention.width}, at::kFloat);
  return word_map(slots, PromptWord{subject.label.toStdString(), subject.positions, {}, false});
}

RgbImage attentionOverlayRgb(const QImage& image, const ImageAttention& attention, const AttentionSubject& subject,
                             const MapView& view, double opacity) {
  const at::Tensor pixels = imageTensor(image);
  const at::Tensor map = subject.hasMap() ? subjectMap(attention, subject, view) : at::Tensor();
  if (!map.defined()) return to_rgb_image(pixels);
  return attention_overlay(pixels, map, opacity);
}

QImage attentionOverlay(const QImage& image, const ImageAttention& attention, const AttentionSubject& subject,
                        const MapView& view, double opacity) {
  return toQImage(attentionOverlayRgb(image, attention, subject, view, opacity));
}

QImage attentionLegend(int width, int height) {
  const at::Tensor ramp = at::linspace(0, 1, width, at::kFloat).expand({height, width});
  return toQImage(to_rgb_image(colorize_inferno(ramp)));
}

}  // namespace bksdm
