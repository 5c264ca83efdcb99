#include "core/pipeline/attention_similarity.h"

#include <algorithm>
#include <cmath>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/io/message_text.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/prompt_words.h"

namespace bksdm {
namespace {

// The two maps' pixels, flattened, as doubles on the CPU; refused unless they are two finite maps of
// one size.
std::pair<at::Tensor, at::Tensor> comparable_pixels(const at::Tensor& a, const at::Tensor& b) {
  const auto shape = [](const at::Tensor& map) { return map.defined() ? shape_text(map.sizes()) : "no map"; };
  if (!a.defined() || !b.defined() || a.dim() != 2 || a.sizes() != b.sizes() || a.numel() == 0)
    throw Error("attention maps to compare must be two [h, w] maps of one size, not " + shape(a) + " and " +
                shape(b));
  at::Tensor x = a.detach().to(at::kCPU, at::kDouble).flatten(), y = b.detach().to(at::kCPU, at::kDouble).flatten();
  if (!at::isfinite(x).all().item<bool>() || !at::isfinite(y).all().item<bool>())
    throw Error("an attention map to compare holds NaN or infinite values");
  return {std::move(x), std::move(y)};
}

// max == min rather than a zero variance: the mean of equal doubles need not equal them exactly.
bool is_constant(const at::Tensor& pixels) { return pixels.max().item<double>() == pixels.min().item<double>(); }

// The map's top region (see map_iou) as a boolean mask.
at::Tensor top_region(const at::Tensor& pixels, double top_fraction) {
  const int64_t count = pixels.numel();
  // Shaved by a relative 1e-12 so that 0.07 of 100 pixels is 7, not the 7.000000000000001 doubles make it.
  const int64_t k = std::clamp<int64_t>(int64_t(std::ceil(top_fraction * double(count) * (1 - 1e-12))), 1, count);
  const double threshold = std::get<0>(pixels.kthvalue(count - k + 1)).item<double>();  // the k-th largest
  return pixels >= threshold;
}

}  // namespace

double map_pearson(const at::Tensor& a, const at::Tensor& b) {
  const auto [x, y] = comparable_pixels(a, b);
  if (at::equal(x, y)) return 1.0;
  if (is_constant(x) || is_constant(y)) return 0.0;
  const at::Tensor dx = x - x.mean(), dy = y - y.mean();
  const double sxy = (dx * dy).sum().item<double>();
  const double sxx = dx.square().sum().item<double>(), syy = dy.square().sum().item<double>();
  return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);  // rounding may step just past ±1
}

double map_iou(const at::Tensor& a, const at::Tensor& b, double top_fraction) {
  if (!(top_fraction > 0 && top_fraction <= 1))
    throw Error("the top fraction of an attention map must be above 0 and at most 1, not " + number_text(top_fraction));
  const auto [x, y] = comparable_pixels(a, b);
  const at::Tensor top_x = top_region(x, top_fraction), top_y = top_region(y, top_fraction);
  // Neither region is empty, so neither is their union.
  return (top_x & top_y).sum().item<double>() / (top_x | top_y).sum().item<double>();
}

std::vector<WordMap> run_word_maps(const GenerationResult& result, const ClipTokenizer& tokenizer, int64_t image) {
  if (!result.attention.defined()) throw Error("the run recorded no attention maps to compare");
  if (image < 0 || image >= result.attention.size(0))
    throw Error("the run has no image " + std::to_string(image) + ": it made " +
                std::to_string(result.attention.size(0)));
  std::vector<std::string> texts;
  for (const TextAttention& text : result.text_attention) texts.push_back(text.text);
  if (texts.empty()) texts.push_back(result.request.prompt);
  std::vector<WordMap> maps;
  for (const RunWord& word : run_words(tokenizer, result.request.prompt_syntax, texts)) {
    const at::Tensor& own = word.text < 0 ? result.attention : result.text_attention[size_t(word.text)].maps;
    const bool listed =
        std::any_of(maps.begin(), maps.end(), [&](const WordMap& map) { return map.word == word.word.text; });
    if (word.word.positions.empty() || !own.defined() || listed) continue;
    maps.push_back({word.word.text, word_map(own[image], word.word)});
  }
  return maps;
}

std::vector<WordPair> paired_words(const std::vector<WordMap>& a, const std::vector<WordMap>& b) {
  std::vector<WordPair> pairs;
  for (const WordMap& word : a) {
    const auto other = std::find_if(b.begin(), b.end(), [&](const WordMap& map) { return map.word == word.word; });
    if (other != b.end()) pairs.push_back({word.word, word.map, other->map});
  }
  return pairs;
}

std::vector<WordSimilarity> word_similarities(const std::vector<WordPair>& pairs, double top_fraction) {
  std::vector<WordSimilarity> similarities;
  for (const WordPair& pair : pairs)
    similarities.push_back({pair.word, map_pearson(pair.a, pair.b), map_iou(pair.a, pair.b, top_fraction)});
  return similarities;
}

}  // namespace bksdm
