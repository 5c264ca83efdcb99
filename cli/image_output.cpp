#include "cli/image_output.h"

#include <cctype>
#include <cstdio>
#include <filesystem>

#include <ATen/ATen.h>

#include "core/generation/a1111_run.h"
#include "core/io/png.h"
#include "core/pipeline/attention_overlay.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/prompt_words.h"

namespace bksdm::cli {

std::string file_safe(const std::string& word) {
  std::string safe;
  for (unsigned char c : word) safe += (std::isalnum(c) || c >= 0x80) ? char(c) : '_';
  return safe;
}

std::string numbered_path(const std::string& output, int index, int count) {
  if (count == 1) return output;
  const std::filesystem::path path(output);
  const std::filesystem::path name = path.stem().string() + "-" + std::to_string(index) + path.extension().string();
  return (path.parent_path() / name).string();
}

std::vector<std::string> write_images(const std::string& output, const at::Tensor& images,
                                      const GenerationRequest& request) {
  if (const auto folder = std::filesystem::path(output).parent_path(); !folder.empty())
    std::filesystem::create_directories(folder);
  std::vector<std::string> written;
  const int count = int(images.size(0));
  for (int i = 0; i < count; ++i) {
    // Each image of a batch says which it is: the seed alone makes only the first again.
    // The Software text tells the app's gallery that the image is ours, not another program's.
    const std::vector<PngText> texts = {{"parameters", format_a1111_parameters(a1111_parameters(request, i))},
                                        {"Software", "bksdm " BKSDM_VERSION}};
    written.push_back(numbered_path(output, i, count));
    write_png(written.back(), to_rgb_image(images[i]), texts);
  }
  return written;
}

namespace {

// The overlays of one prompt of the run (the prompt's or the negative's), each file name begun with
// `prefix`.
void write_prompt_overlays(const std::string& dir, const std::string& prefix, const GenerationResult& result,
                           const at::Tensor& maps, const std::vector<TextAttention>& text_maps,
                           const std::string& prompt, const ClipTokenizer& tokenizer,
                           std::vector<std::string>& written) {
  std::vector<std::string> texts;
  for (const TextAttention& text : text_maps) texts.push_back(text.text);
  if (texts.empty()) texts.push_back(prompt);
  const std::vector<RunWord> words = run_words(tokenizer, result.request.prompt_syntax, texts);
  for (int64_t i = 0; i < result.images.size(0); ++i)
    for (size_t k = 0; k < words.size(); ++k) {
      const RunWord& word = words[k];
      const at::Tensor& own = word.text < 0 ? maps : text_maps[size_t(word.text)].maps;
      if (word.word.positions.empty() || !own.defined()) continue;  // past the token limit, or never in force
      const std::string image = result.images.size(0) > 1 ? "image" + std::to_string(i) + "-" : "";
      char index[24];  // any size_t
      std::snprintf(index, sizeof index, "%02zu", k);
      written.push_back(
          (std::filesystem::path(dir) / (image + prefix + index + "-" + file_safe(word.word.text) + ".png")).string());
      write_png(written.back(), attention_overlay(result.images[i], word_map(own[i], word.word)));
    }
}

}  // namespace

std::vector<std::string> write_attention_overlays(const std::string& dir, const GenerationResult& result,
                                                  const ClipTokenizer& tokenizer) {
  std::filesystem::create_directories(dir);
  std::vector<std::string> written;
  write_prompt_overlays(dir, "", result, result.attention, result.text_attention, result.request.prompt, tokenizer,
                        written);
  if (result.negative_attention.defined())
    write_prompt_overlays(dir, "negative-", result, result.negative_attention, result.negative_text_attention,
                          result.request.negative_prompt, tokenizer, written);
  return written;
}

}  // namespace bksdm::cli
