#include "core/pipeline/prompt_words.h"

#include <algorithm>
#include <cctype>

#include <ATen/ATen.h>

#include "core/tokenizer/clip_tokenizer.h"

namespace bksdm {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
// ASCII punctuation only: bytes of multi-byte UTF-8 characters are letters to this split.
bool is_punct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

std::vector<std::string> split_words(const std::string& prompt) {
  std::vector<std::string> words;
  size_t at = 0;
  while (at < prompt.size()) {
    while (at < prompt.size() && is_space(prompt[at])) ++at;
    size_t end = at;
    while (end < prompt.size() && !is_space(prompt[end])) ++end;
    size_t first = at, last = end;
    while (first < last && is_punct(prompt[first])) ++first;
    while (last > first && is_punct(prompt[last - 1])) --last;
    if (last > first) words.push_back(prompt.substr(first, last - first));
    at = end;
  }
  return words;
}

// Every start index (into `ids`) where `needle` occurs.
std::vector<size_t> occurrences(const std::vector<int>& ids, const std::vector<int>& needle) {
  std::vector<size_t> found;
  if (needle.empty() || needle.size() > ids.size()) return found;
  for (size_t i = 0; i + needle.size() <= ids.size(); ++i)
    if (std::equal(needle.begin(), needle.end(), ids.begin() + long(i))) found.push_back(i);
  return found;
}

}  // namespace

std::vector<PromptWord> prompt_words(const ClipTokenizer& tokenizer, const TokenizedPrompt& encoded,
                                     const std::string& prompt) {
  std::vector<int> ids;  // every token of the prompt, those cut off included
  for (const PromptToken& token : encoded.tokens) ids.push_back(token.id);
  std::vector<PromptWord> words;
  std::vector<std::vector<int>> seen;
  for (const std::string& text : split_words(prompt)) {
    std::vector<int> own = tokenizer.encode(text);
    own = std::vector<int>(own.begin() + 1, own.end() - 1);
    if (own.empty() || std::find(seen.begin(), seen.end(), own) != seen.end()) continue;
    seen.push_back(own);
    PromptWord word{text, {}, {}, false};
    for (int id : own) word.pieces.push_back(tokenizer.piece(id));
    for (size_t start : occurrences(ids, own))
      for (size_t k = 0; k < own.size(); ++k) {
        const int token = int(start + k);
        if (token < encoded.kept_tokens)
          word.positions.push_back(token + 1);  // after the start token
        else
          word.cut = true;
      }
    words.push_back(std::move(word));
  }
  return words;
}

at::Tensor word_map(const at::Tensor& maps, const PromptWord& word) {
  if (word.positions.empty()) return at::zeros({maps.size(1), maps.size(2)}, maps.options());
  const at::Tensor index = at::tensor(std::vector<int64_t>(word.positions.begin(), word.positions.end()), at::kLong);
  return maps.index_select(0, index.to(maps.device())).mean(0);
}

}  // namespace bksdm
