#include "app/attention/attention_capture.h"

#include <chrono>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/prompt_words.h"
#include "core/tokenizer/clip_tokenizer.h"

namespace bksdm {
namespace {

// Image by image, as contiguous float32 on the CPU; `images` empty vectors for undefined maps (a
// text not yet in force). Maps are [N,slots,h,w], a layer's sums [N,heads,h*w,slots].
std::vector<std::vector<float>> perImage(const at::Tensor& maps, int64_t images) {
  if (!maps.defined()) return std::vector<std::vector<float>>(size_t(images));
  if (maps.dim() != 4 || maps.size(0) != images) throw Error("attention maps: expected a tensor of 4 dimensions, N first");
  const at::Tensor cpu = maps.to(at::kCPU, at::kFloat).contiguous();
  const size_t size = size_t(cpu[0].numel());
  std::vector<std::vector<float>> split;
  for (int64_t i = 0; i < cpu.size(0); ++i) {
    const float* data = cpu.data_ptr<float>() + size_t(i) * size;
    split.emplace_back(data, data + size);
  }
  return split;
}

// Each image's kept layers, in the run's order.
std::vector<std::vector<LayerMaps>> layersPerImage(const std::vector<LayerAttention>& layers, int64_t images) {
  std::vector<std::vector<LayerMaps>> split(static_cast<size_t>(images));
  for (const LayerAttention& layer : layers) {
    std::vector<std::vector<float>> sums = perImage(layer.sums, images);
    for (size_t i = 0; i < split.size(); ++i)
      split[i].push_back(LayerMaps{QString::fromStdString(layer.layer), int(layer.h), int(layer.w),
                                   int(layer.sums.size(1)), std::move(sums[i])});
  }
  return split;
}

QStringList toStrings(const std::vector<std::string>& strings) {
  QStringList list;
  for (const std::string& s : strings) list << QString::fromStdString(s);
  return list;
}

// One prompt's maps in a result: the prompt's or the negative's.
struct PromptMaps {
  const at::Tensor& maps;
  const std::vector<TextAttention>& texts;
  const std::string& prompt;
};

PromptMaps mapsOf(const GenerationResult& result, AttentionCapture::Of of) {
  if (of == AttentionCapture::Of::Negative)
    return {result.negative_attention, result.negative_text_attention, result.request.negative_prompt};
  return {result.attention, result.text_attention, result.request.prompt};
}

std::vector<std::string> promptTexts(const PromptMaps& maps) {
  std::vector<std::string> texts;
  for (const TextAttention& text : maps.texts) texts.push_back(text.text);
  if (texts.empty()) texts.push_back(maps.prompt);
  return texts;
}

QList<AttentionWord> attentionWords(const ClipTokenizer& tokenizer, const GenerationResult& result,
                                   const PromptMaps& maps) {
  QList<AttentionWord> words;
  for (const RunWord& run : run_words(tokenizer, result.request.prompt_syntax, promptTexts(maps)))
    words << AttentionWord{QString::fromStdString(run.word.text), toStrings(run.word.pieces), run.word.positions,
                           run.word.cut, run.text};
  return words;
}

// The pieces of the context's slots as the first text fills them, padded with the end token to
// the maps' slot count (the texts of an edited prompt share one length).
QStringList slotTokens(const ClipTokenizer& tokenizer, const GenerationResult& result, const PromptMaps& maps,
                       int64_t slots) {
  QStringList tokens;
  for (int id : prompt_slots(tokenizer, result.request.prompt_syntax, promptTexts(maps).front()).ids)
    tokens << QString::fromStdString(tokenizer.piece(id));
  while (tokens.size() < slots) tokens << QString::fromStdString(tokenizer.piece(tokenizer.eos_id()));
  if (tokens.size() != slots)
    throw Error("attention maps: " + std::to_string(slots) + " slots for a prompt of " +
                std::to_string(tokens.size()) + " token slots");
  return tokens;
}

}  // namespace

void AttentionCapture::addStep(const StepInfo& step) {
  const bool negative = of_ == Of::Negative;
  const at::Tensor& maps = negative ? step.negative_attention : step.attention;
  if (!maps.defined()) return;
  const auto start = std::chrono::steady_clock::now();
  const int64_t images = maps.size(0);
  steps_.push_back(perImage(maps, images));
  std::vector<PerImage> texts;
  for (const at::Tensor& text : negative ? step.negative_text_attention : step.text_attention)
    texts.push_back(perImage(text, images));
  textSteps_.push_back(std::move(texts));
  captureSeconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

QList<ImageAttention> AttentionCapture::finish(const GenerationResult& result, const ClipTokenizer& tokenizer) {
  const PromptMaps own = mapsOf(result, of_);
  const at::Tensor& maps = own.maps;
  if (!maps.defined()) return {};
  if (maps.dim() != 4) throw Error("attention maps: expected a tensor [N,slots,h,w]");
  const int64_t images = maps.size(0);
  ImageAttention shared;
  shared.words = attentionWords(tokenizer, result, own);
  shared.tokens = slotTokens(tokenizer, result, own, maps.size(1));
  shared.height = int(maps.size(2));
  shared.width = int(maps.size(3));
  for (const TextAttention& text : own.texts) {
    TextMaps textMaps{QString::fromStdString(text.text), {}, {}, {}};
    for (int iteration : text.iterations) textMaps.steps << iteration + 1;
    shared.texts << textMaps;
  }
  std::vector<PerImage> finalTexts;
  for (const TextAttention& text : own.texts) finalTexts.push_back(perImage(text.maps, images));
  std::vector<std::vector<float>> finals = perImage(maps, images);
  std::vector<std::vector<LayerMaps>> layers =
      layersPerImage(of_ == Of::Prompt ? result.layer_attention : std::vector<LayerAttention>(), images);
  if (!steps_.empty()) shared.captureMsPerStep = captureSeconds_ * 1000 / double(steps_.size());
  QList<ImageAttention> split;
  for (size_t i = 0; i < finals.size(); ++i) {
    ImageAttention image = shared;
    image.maps = std::move(finals[i]);
    image.layers = std::move(layers[i]);
    for (PerImage& step : steps_) image.stepMaps.push_back(std::move(step.at(i)));
    for (size_t t = 0; t < finalTexts.size(); ++t) {
      TextMaps& text = image.texts[qsizetype(t)];
      text.maps = std::move(finalTexts[t][i]);
      for (std::vector<PerImage>& step : textSteps_)
        text.stepMaps.push_back(t < step.size() ? std::move(step[t].at(i)) : std::vector<float>());
    }
    split << std::move(image);
  }
  steps_.clear();
  textSteps_.clear();
  captureSeconds_ = 0;
  return split;
}

}  // namespace bksdm
