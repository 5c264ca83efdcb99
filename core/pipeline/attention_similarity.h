#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

namespace bksdm {

class ClipTokenizer;
struct GenerationResult;

// How much two attention maps agree, for comparing one word's maps under two models (BK-SDM and
// the model it was distilled from) or two prompts. Maps are [h,w] at the latent resolution, of the
// same size, on any device; both measures are computed in double on the CPU.

// The share of each map's pixels that make its top region in map_iou.
inline constexpr double kDefaultTopFraction = 0.2;

// Pearson's correlation of the two maps' pixels (flattened), in [-1, 1]. A constant map has no
// correlation with anything, so it gives 0, except beside an equal constant map: two identical
// maps always give 1.
double map_pearson(const at::Tensor& a, const at::Tensor& b);

// The intersection over union of the two maps' top regions. A map's top region is every pixel at or
// above its k-th largest value, k = ceil(top_fraction × pixels): its top 20% at 0.2. Ties at
// that value are all in, so a region can be larger than k (a constant map's is the whole map) and
// equal maps always give 1. `top_fraction` is in (0, 1].
double map_iou(const at::Tensor& a, const at::Tensor& b, double top_fraction = kDefaultTopFraction);

// A word of a run's prompt and its map over one image: the mean of its tokens' maps (word_map).
struct WordMap {
  std::string word;
  at::Tensor map;  // [h,w]
};

// The words of `result`'s prompt with their maps for image `image`, in order of appearance, as
// `--attention-dir` draws them: a word of an edited prompt in force for part of the run from the
// maps of its text. A word the run has no map for (past the token limit, or its text never in
// force) is left out, and so is a word already listed (a word of several texts at other slots):
// its first map stands for it. `result` must hold attention maps.
std::vector<WordMap> run_word_maps(const GenerationResult& result, const ClipTokenizer& tokenizer, int64_t image);

// One word's maps in two runs.
struct WordPair {
  std::string word;
  at::Tensor a, b;  // [h,w] each
};

// The words of `a` that `b` has too, paired by their text (the two runs may read the prompt with
// different tokenizers, CLIP's and OpenCLIP's, whose tokens and slots differ), in `a`'s order.
std::vector<WordPair> paired_words(const std::vector<WordMap>& a, const std::vector<WordMap>& b);

struct WordSimilarity {
  std::string word;
  double pearson = 0;
  double iou = 0;
};

std::vector<WordSimilarity> word_similarities(const std::vector<WordPair>& pairs,
                                              double top_fraction = kDefaultTopFraction);

}  // namespace bksdm
