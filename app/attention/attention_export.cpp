#include "app/attention/attention_export.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <QDir>

#include "app/attention/attention_overlay_rgb.h"
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

std::string wordsJson(const QList<AttentionWord>& words) {
  nlohmann::json list = nlohmann::json::array();
  for (const AttentionWord& word : words) {
    nlohmann::json pieces = nlohmann::json::array();
    for (const QString& piece : word.pieces) pieces.push_back(piece.toStdString());
    list.push_back({{"text", word.text.toStdString()}, {"pieces", pieces}, {"positions", word.positions}, {"cut", word.cut}});
  }
  return list.dump();
}

QStringList stringsFromJson(const nlohmann::json& list) {
  QStringList strings;
  for (const nlohmann::json& item : list) strings << QString::fromStdString(item.get<std::string>());
  return strings;
}

QList<AttentionWord> wordsFromJson(const nlohmann::json& list) {
  QList<AttentionWord> words;
  for (const nlohmann::json& word : list)
    words << AttentionWord{QString::fromStdString(word.at("text").get<std::string>()), stringsFromJson(word.at("pieces")),
                           word.at("positions").get<std::vector<int>>(), word.at("cut").get<bool>()};
  return words;
}

// The slots up to the first end token: what tokenSubjects shows.
int64_t keptSlots(const ImageAttention& attention) { return int64_t(tokenSubjects(attention).size()); }

// [slots,h,w] float16 of the first `slots` of a [77,h,w] map.
at::Tensor firstSlots(const std::vector<float>& maps, int64_t slots, int64_t height, int64_t width) {
  const at::Tensor all = at::from_blob(const_cast<float*>(maps.data()), {ImageAttention::kTokens, height, width}, at::kFloat);
  return all.narrow(0, 0, slots).to(at::kHalf);
}

// A [slots,h,w] tensor as [77,h,w] floats, zeros past the slots.
std::vector<float> allSlots(const at::Tensor& kept, int64_t height, int64_t width) {
  at::Tensor all = at::zeros({ImageAttention::kTokens, height, width}, at::kFloat);
  all.narrow(0, 0, kept.size(0)).copy_(kept);
  return std::vector<float>(all.data_ptr<float>(), all.data_ptr<float>() + all.numel());
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

void writeImageAttention(const QString& path, const ImageAttention& attention) {
  if (attention.isEmpty()) throw Error(path.toStdString() + ": there are no attention maps to save");
  const int64_t slots = keptSlots(attention);
  std::vector<std::pair<std::string, at::Tensor>> tensors = {
      {"attention", firstSlots(attention.maps, slots, attention.height, attention.width)}};
  if (attention.steps() > 0) {
    std::vector<at::Tensor> steps;
    for (const std::vector<float>& step : attention.stepMaps)
      steps.push_back(firstSlots(step, slots, attention.height, attention.width));
    tensors.emplace_back("attention_steps", at::stack(steps));
  }
  write_safetensors(toPath(path), tensors, {{"tokens", tokensJson(attention.tokens)}, {"words", wordsJson(attention.words)}});
}

ImageAttention readImageAttention(const QString& path) {
  const auto file = SafetensorsFile::open(toPath(path));
  ImageAttention attention;
  try {
    attention.tokens = stringsFromJson(nlohmann::json::parse(file->metadata().at("tokens")));
    attention.words = wordsFromJson(nlohmann::json::parse(file->metadata().at("words")));
  } catch (const std::exception& error) {
    throw Error(path.toStdString() + ": the words and tokens of the maps cannot be read (" + error.what() + ")");
  }
  const at::Tensor maps = file->tensor("attention", at::kFloat);
  if (maps.dim() != 3 || maps.size(0) > ImageAttention::kTokens || attention.tokens.size() != ImageAttention::kTokens)
    throw Error(path.toStdString() + ": not the attention maps of one image");
  attention.height = int(maps.size(1));
  attention.width = int(maps.size(2));
  attention.maps = allSlots(maps, attention.height, attention.width);
  if (file->find("attention_steps")) {
    const at::Tensor steps = file->tensor("attention_steps", at::kFloat);
    if (steps.dim() != 4 || steps.sizes().slice(1) != maps.sizes())
      throw Error(path.toStdString() + ": the maps of the steps do not match the final maps");
    for (int64_t k = 0; k < steps.size(0); ++k) attention.stepMaps.push_back(allSlots(steps[k], attention.height, attention.width));
  }
  return attention;
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
