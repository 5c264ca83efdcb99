#pragma once
#include <string>
#include <vector>

namespace at {
class Tensor;
}

namespace bksdm {
class ClipTokenizer;
struct GenerationRequest;
struct GenerationResult;
}

namespace bksdm::cli {

// Writes each image of `images` [N,3,H,W] as an 8-bit RGB PNG with the A1111 `parameters` chunk:
// `output` itself for one image, OUTPUT-0.png, OUTPUT-1.png, ... for several. `request` is the run's
// (sizes and scheduler resolved). Returns the paths.
std::vector<std::string> write_images(const std::string& output, const at::Tensor& images,
                                      const GenerationRequest& request);

// One overlay PNG per word of the run's prompt and image in `dir`: WORD-INDEX-WORD.png, prefixed
// with the image index when there are several. A word of an edited prompt that is in force for part
// of the run shows the maps of those iterations (run_words). With the negative prompt's maps, its
// words too, as negative-INDEX-WORD.png. Returns the paths.
std::vector<std::string> write_attention_overlays(const std::string& dir, const GenerationResult& result,
                                                  const ClipTokenizer& tokenizer);

// The path of image `index` of `count` written to `output` (see write_images).
std::string numbered_path(const std::string& output, int index, int count);

// A word of the prompt as a part of a file name: letters, digits and non-ASCII bytes kept, anything
// else as '_'.
std::string file_safe(const std::string& word);

}  // namespace bksdm::cli
