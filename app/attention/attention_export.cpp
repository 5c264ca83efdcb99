#include "app/attention/attention_export.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <QDir>

#include "app/attention/attention_render.h"
#include "core/io/error.h"
#include "core/io/safetensors.h"

namespace bksdm {
namespace {

std::filesystem::path toPath(const QString& path) { return std::filesystem::path(path.toStdU16String()); }

// [N,77,h,w] from each image's maps at `step`, written into `out`.
void fill(at::Tensor out, const QList<ImageAttention>& images, int step) {
  for (int i = 0; i < images.size(); ++i) {
    const std::vector<float>& maps = images[i].mapsAt(step);
    if (size_t(out[i].numel()) != maps.size()) throw Error("attention maps: the batch's images differ in size");
    std::memcpy(out[i].data_ptr<float>(), maps.data(), maps.size() * sizeof(float));
  }
}

bool allKeepSteps(const QList<ImageAttention>& images) {
  return std::all_of(images.begin(), images.end(),
                     [&](const ImageAttention& image) { return image.steps() > 0 && image.steps() == images[0].steps(); });
}

std::string tokensJson(const QStringList& tokens) {
  nlohmann::json list = nlohmann::json::array();
  for (const QString& token : tokens) list.push_back(token.toStdString());
  return list.dump();
}

}  // namespace

void writeAttentionMaps(const QString& path, const QList<ImageAttention>& images) {
  if (images.isEmpty() || images[0].isEmpty()) throw Error(path.toStdString() + ": there are no attention maps to save");
  const ImageAttention& first = images[0];
  const std::vector<int64_t> shape = {images.size(), ImageAttention::kTokens, first.height, first.width};
  at::Tensor maps = at::empty(shape, at::kFloat);
  fill(maps, images, 0);
  std::vector<std::pair<std::string, at::Tensor>> tensors = {{"attention", maps}};
  if (allKeepSteps(images)) {
    at::Tensor steps = at::empty({first.steps(), shape[0], shape[1], shape[2], shape[3]}, at::kFloat);
    for (int k = 1; k <= first.steps(); ++k) fill(steps[k - 1], images, k);
    tensors.emplace_back("attention_steps", steps);
  }
  write_safetensors(toPath(path), tensors, {{"tokens", tokensJson(images[0].tokens)}});
}

QStringList writeAttentionOverlays(const QString& folder, const QString& prefix, const QImage& image,
                                   const ImageAttention& attention, const QList<AttentionSubject>& subjects,
                                   int step, double opacity) {
  QStringList written;
  for (const AttentionSubject& subject : subjects) {
    if (!subject.hasMap()) continue;
    const QString path = QDir(folder).filePath(prefix + fileStem(subject) + QStringLiteral(".png"));
    write_png(toPath(path), attentionOverlayRgb(image, attention, subject, step, opacity));
    written << path;
  }
  return written;
}

}  // namespace bksdm
