#include "core/models/textual_inversion.h"

#include <algorithm>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/io/pickle_file.h"
#include "core/io/safetensors.h"

namespace bksdm {
namespace {

TextualInversion read_one(const std::filesystem::path& path, int64_t width) {
  const auto file = SafetensorsFile::open(path);
  const TensorInfo* info = file->find("emb_params");
  if (!info && file->tensors().size() == 1) info = &file->tensors().front();
  if (!info)
    throw Error(path.string() + ": not a textual-inversion embedding (one tensor, or `emb_params`, of shape [vectors, " +
                std::to_string(width) + "])");
  at::Tensor vectors = file->tensor(info->name, at::kFloat);
  if (vectors.dim() == 1) vectors = vectors.unsqueeze(0);
  if (vectors.dim() != 2 || vectors.size(0) < 1)
    throw Error(path.string() + ": the embedding " + info->name + " has shape " + c10::str(vectors.sizes()) +
                ", not [vectors, width]");
  if (vectors.size(1) != width)
    throw Error(path.string() + ": the embedding is " + std::to_string(vectors.size(1)) +
                " wide, and this model's text encoder " + std::to_string(width) +
                " (an embedding for another model family)");
  return {path.stem().string(), vectors.clone()};
}

// The folder's embedding files in name order; a pickle among them is refused.
std::vector<std::filesystem::path> embedding_files(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) throw Error(dir.string() + ": not a folder of embeddings");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (is_pickle_file(entry.path())) throw Error(pickle_refusal(entry.path()));
    if (entry.path().extension() == ".safetensors") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::vector<TextualInversion> read_textual_inversions(const std::filesystem::path& dir, int64_t width) {
  std::vector<TextualInversion> embeddings;
  for (const std::filesystem::path& file : embedding_files(dir)) embeddings.push_back(read_one(file, width));
  return embeddings;
}

std::map<std::string, std::filesystem::path> textual_inversions_used(const std::filesystem::path& dir,
                                                                     const std::vector<std::string>& texts) {
  std::map<std::string, std::filesystem::path> used;
  for (const std::filesystem::path& file : embedding_files(dir)) {
    const std::string word = file.stem().string();
    for (const std::string& text : texts)
      if (text.find(word) != std::string::npos) used[word] = file;
  }
  return used;
}

std::vector<std::string> textual_inversion_tokens(const std::vector<TextualInversion>& embeddings) {
  std::vector<std::string> tokens;
  for (const TextualInversion& embedding : embeddings)
    for (int64_t i = 0; i < embedding.vectors.size(0); ++i)
      tokens.push_back(i == 0 ? embedding.word : embedding.word + "_" + std::to_string(i));
  return tokens;
}

at::Tensor textual_inversion_vectors(const std::vector<TextualInversion>& embeddings) {
  std::vector<at::Tensor> vectors;
  for (const TextualInversion& embedding : embeddings) vectors.push_back(embedding.vectors);
  return at::cat(vectors);
}

}  // namespace bksdm
