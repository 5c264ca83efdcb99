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

// [N,slots,h,w] from each image's maps at `step`, written into `out`.
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
    list.push_back({{"text", word.text.toStdString()}, {"pieces", pieces}, {"positions", word.positions}, {"cut", word.cut},
                    {"text_index", word.textIndex}});
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
                           word.at("positions").get<std::vector<int>>(), word.at("cut").get<bool>(),
                           word.value("text_index", -1)};
  return words;
}

std::string textsJson(const QList<TextMaps>& texts) {
  nlohmann::json list = nlohmann::json::array();
  for (const TextMaps& text : texts)
    list.push_back({{"text", text.text.toStdString()}, {"steps", std::vector<int>(text.steps.begin(), text.steps.end())}});
  return list.dump();
}

QList<TextMaps> textsFromJson(const nlohmann::json& list) {
  QList<TextMaps> texts;
  for (const nlohmann::json& text : list) {
    const std::vector<int> steps = text.at("steps").get<std::vector<int>>();
    texts << TextMaps{QString::fromStdString(text.at("text").get<std::string>()), QList<int>(steps.begin(), steps.end()), {}, {}};
  }
  return texts;
}

// The slots up to the last chunk's end token: what tokenSubjects shows.
int64_t keptSlots(const ImageAttention& attention) {
  const QList<AttentionSubject> shown = tokenSubjects(attention);
  return shown.isEmpty() ? 0 : shown.last().index + 1;
}

// [slots,h,w] float16 of the first `slots` of a [all slots,h,w] map; zeros for empty maps (a text
// not yet in force).
at::Tensor firstSlots(const std::vector<float>& maps, const ImageAttention& attention, int64_t slots) {
  if (maps.empty()) return at::zeros({slots, attention.height, attention.width}, at::kHalf);
  const at::Tensor all = at::from_blob(const_cast<float*>(maps.data()), {attention.slots(), attention.height, attention.width}, at::kFloat);
  return all.narrow(0, 0, slots).to(at::kHalf);
}

// A [slots,h,w] tensor as [all slots,h,w] floats, zeros past the slots.
std::vector<float> allSlots(const at::Tensor& kept, const ImageAttention& attention) {
  at::Tensor all = at::zeros({attention.slots(), attention.height, attention.width}, at::kFloat);
  all.narrow(0, 0, kept.size(0)).copy_(kept);
  return std::vector<float>(all.data_ptr<float>(), all.data_ptr<float>() + all.numel());
}

// [steps,slots,h,w] of one image's maps and, when kept, of each step.
std::pair<at::Tensor, at::Tensor> slotTensors(const std::vector<float>& maps, const std::vector<std::vector<float>>& steps,
                                              const ImageAttention& attention, int64_t slots) {
  std::vector<at::Tensor> kept;
  for (const std::vector<float>& step : steps) kept.push_back(firstSlots(step, attention, slots));
  return {firstSlots(maps, attention, slots), kept.empty() ? at::Tensor() : at::stack(kept)};
}

}  // namespace

void writeAttentionMaps(const QString& path, const QList<ImageAttention>& images) {
  if (images.isEmpty() || images[0].isEmpty()) throw Error(path.toStdString() + ": there are no attention maps to save");
  const ImageAttention& first = images[0];
  const std::vector<int64_t> shape = {images.size(), first.slots(), first.height, first.width};
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
  const auto [maps, steps] = slotTensors(attention.maps, attention.stepMaps, attention, slots);
  std::vector<std::pair<std::string, at::Tensor>> tensors = {{"attention", maps}};
  if (steps.defined()) tensors.emplace_back("attention_steps", steps);
  std::vector<at::Tensor> textMaps, textSteps;
  for (const TextMaps& text : attention.texts) {
    const auto [final, kept] = slotTensors(text.maps, text.stepMaps, attention, slots);
    textMaps.push_back(final);
    if (kept.defined()) textSteps.push_back(kept);
  }
  if (!textMaps.empty()) tensors.emplace_back("text_attention", at::stack(textMaps));
  if (!textSteps.empty() && textSteps.size() == textMaps.size()) tensors.emplace_back("text_attention_steps", at::stack(textSteps, 1));
  write_safetensors(toPath(path), tensors,
                    {{"tokens", tokensJson(attention.tokens)}, {"words", wordsJson(attention.words)},
                     {"texts", textsJson(attention.texts)}});
}

namespace {

// The maps of each step from a [steps,slots,h,w] tensor; a text's steps before it came into force
// (`first_step`) are empty, as they were written.
std::vector<std::vector<float>> stepsFrom(const at::Tensor& steps, const ImageAttention& attention, int first_step = 1) {
  std::vector<std::vector<float>> maps;
  for (int64_t k = 0; k < steps.size(0); ++k)
    maps.push_back(k + 1 < first_step ? std::vector<float>() : allSlots(steps[k], attention));
  return maps;
}

void readTextMaps(const SafetensorsFile& file, const QString& path, ImageAttention& attention, const at::Tensor& maps) {
  if (attention.texts.isEmpty()) return;
  const at::Tensor texts = file.tensor("text_attention", at::kFloat);
  if (texts.dim() != 4 || texts.size(0) != attention.texts.size() || texts.sizes().slice(1) != maps.sizes())
    throw Error(path.toStdString() + ": the maps of the prompt's texts do not match its texts");
  const at::Tensor steps = file.find("text_attention_steps") ? file.tensor("text_attention_steps", at::kFloat) : at::Tensor();
  if (steps.defined() && (steps.dim() != 5 || steps.size(1) != texts.size(0) || steps.sizes().slice(2) != maps.sizes()))
    throw Error(path.toStdString() + ": the step maps of the prompt's texts do not match its texts");
  for (int64_t t = 0; t < texts.size(0); ++t) {
    TextMaps& text = attention.texts[qsizetype(t)];
    if (text.steps.isEmpty()) continue;
    text.maps = allSlots(texts[t], attention);
    if (steps.defined()) text.stepMaps = stepsFrom(steps.select(1, t), attention, text.steps.first());
  }
}

}  // namespace

ImageAttention readImageAttention(const QString& path) {
  const auto file = SafetensorsFile::open(toPath(path));
  ImageAttention attention;
  try {
    attention.tokens = stringsFromJson(nlohmann::json::parse(file->metadata().at("tokens")));
    attention.words = wordsFromJson(nlohmann::json::parse(file->metadata().at("words")));
    if (file->metadata().count("texts")) attention.texts = textsFromJson(nlohmann::json::parse(file->metadata().at("texts")));
  } catch (const std::exception& error) {
    throw Error(path.toStdString() + ": the words and tokens of the maps cannot be read (" + error.what() + ")");
  }
  const at::Tensor maps = file->tensor("attention", at::kFloat);
  if (maps.dim() != 3 || maps.size(0) > attention.slots() || attention.slots() == 0 || attention.slots() % ImageAttention::kChunkSlots != 0)
    throw Error(path.toStdString() + ": not the attention maps of one image");
  attention.height = int(maps.size(1));
  attention.width = int(maps.size(2));
  attention.maps = allSlots(maps, attention);
  if (file->find("attention_steps")) {
    const at::Tensor steps = file->tensor("attention_steps", at::kFloat);
    if (steps.dim() != 4 || steps.sizes().slice(1) != maps.sizes())
      throw Error(path.toStdString() + ": the maps of the steps do not match the final maps");
    attention.stepMaps = stepsFrom(steps, attention);
  }
  readTextMaps(*file, path, attention, maps);
  return attention;
}

QStringList writeAttentionOverlays(const QString& folder, const QString& prefix, const QImage& image,
                                   const ImageAttention& attention, const QList<AttentionSubject>& subjects,
                                   const MapView& view, double opacity) {
  QStringList written;
  for (const AttentionSubject& subject : subjects) {
    if (!subject.hasMap()) continue;
    const QString path = QDir(folder).filePath(prefix + fileStem(subject) + QStringLiteral(".png"));
    write_png(toPath(path), attentionOverlayRgb(image, attention, subject, view, opacity));
    written << path;
  }
  return written;
}

}  // namespace bksdm
