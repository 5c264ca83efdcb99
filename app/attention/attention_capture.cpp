#include "app/attention/attention_capture.h"

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/pipeline/prompt_words.h"
#include "core/tokenizer/clip_tokenizer.h"

namespace bksdm {
namespace {

// The first chunk's maps, [N,77,h,w], of maps [N,77k,h,w]: a prompt of several chunks (A1111's
// language) shows the words of its first 75 tokens until the panel places words in every chunk.
at::Tensor firstChunk(const at::Tensor& maps) {
  if (maps.dim() != 4 || maps.size(1) < ImageAttention::kTokens || maps.size(1) % ImageAttention::kTokens != 0)
    throw Error("attention maps: expected a tensor [N,77k,h,w]");
  return maps.slice(1, 0, ImageAttention::kTokens);
}

// Image by image, as contiguous float32 on the CPU.
std::vector<std::vector<float>> perImage(const at::Tensor& maps) {
  const at::Tensor cpu = firstChunk(maps).to(at::kCPU, at::kFloat).contiguous();
  const size_t size = size_t(cpu[0].numel());
  std::vector<std::vector<float>> images;
  for (int64_t i = 0; i < cpu.size(0); ++i) {
    const float* data = cpu.data_ptr<float>() + size_t(i) * size;
    images.emplace_back(data, data + size);
  }
  return images;
}

QStringList toStrings(const std::vector<std::string>& strings) {
  QStringList list;
  for (const std::string& s : strings) list << QString::fromStdString(s);
  return list;
}

QList<AttentionWord> attentionWords(const ClipTokenizer& tokenizer, const TokenizedPrompt& encoded,
                                   const std::string& prompt) {
  QList<AttentionWord> words;
  for (const PromptWord& word : prompt_words(tokenizer, encoded, prompt))
    words << AttentionWord{QString::fromStdString(word.text), toStrings(word.pieces), word.positions, word.cut};
  return words;
}

}  // namespace

void AttentionCapture::addStep(const at::Tensor& maps) { steps_.push_back(perImage(maps)); }

QList<ImageAttention> AttentionCapture::finish(const at::Tensor& maps, const TokenizedPrompt& encoded,
                                               const ClipTokenizer& tokenizer, const std::string& prompt) {
  if (encoded.input_ids.size() != size_t(ImageAttention::kTokens))
    throw Error("attention maps: the prompt has " + std::to_string(encoded.input_ids.size()) + " token ids, not 77");
  ImageAttention shared;
  shared.words = attentionWords(tokenizer, encoded, prompt);
  for (int id : encoded.input_ids) shared.tokens << QString::fromStdString(tokenizer.piece(id));
  shared.height = int(maps.size(2));
  shared.width = int(maps.size(3));
  QList<ImageAttention> images;
  std::vector<std::vector<float>> finals = perImage(maps);
  for (size_t i = 0; i < finals.size(); ++i) {
    ImageAttention image = shared;
    image.maps = std::move(finals[i]);
    for (auto& step : steps_) image.stepMaps.push_back(std::move(step.at(i)));
    images << std::move(image);
  }
  steps_.clear();
  return images;
}

}  // namespace bksdm
