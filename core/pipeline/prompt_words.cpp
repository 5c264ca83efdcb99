#include "core/pipeline/prompt_words.h"

#include <algorithm>
#include <cctype>

#include <ATen/ATen.h>

#include "core/prompt/prompt_attention.h"
#include "core/prompt/prompt_chunks.h"
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

// The texts whose words are the prompt's: the whole of a plain prompt; the weighted pieces of one in
// A1111's language, which are tokenized apart, so that a word never spans two of them.
std::vector<std::string> word_sources(PromptSyntax syntax, std::string_view prompt) {
  if (syntax == PromptSyntax::Plain) return {std::string(prompt)};
  std::vector<std::string> sources;
  for (const WeightedText& piece : parse_prompt_attention(prompt))
    if (!is_chunk_break(piece)) sources.push_back(piece.text);
  return sources;
}

PromptSlots plain_slots(const ClipTokenizer& tokenizer, std::string_view prompt) {
  const TokenizedPrompt encoded = tokenizer.encode_for_model(prompt);
  PromptSlots slots{encoded.input_ids, {}, {}};
  for (size_t k = 0; k < encoded.tokens.size(); ++k) {
    slots.text_ids.push_back(encoded.tokens[k].id);
    slots.text_slots.push_back(int(k) < encoded.kept_tokens ? int(k) + 1 : -1);
  }
  return slots;
}

// Each chunk's tokens run from after its start token to its first end token; chunks past
// kMaxPromptChunks are not encoded.
PromptSlots chunked_slots(const ClipTokenizer& tokenizer, std::string_view prompt) {
  const ChunkedPrompt chunked = chunk_prompt(tokenizer, prompt);
  PromptSlots slots;
  for (size_t c = 0; c < chunked.chunks.size(); ++c) {
    const std::vector<int>& ids = chunked.chunks[c].ids;
    const bool kept = c < size_t(kMaxPromptChunks);
    if (kept) slots.ids.insert(slots.ids.end(), ids.begin(), ids.end());
    for (size_t j = 1; j < ids.size() && ids[j] != tokenizer.eos_id(); ++j) {
      slots.text_ids.push_back(ids[j]);
      slots.text_slots.push_back(kept ? int(c * ids.size() + j) : -1);
    }
  }
  return slots;
}

}  // namespace

PromptSlots prompt_slots(const ClipTokenizer& tokenizer, PromptSyntax syntax, std::string_view prompt) {
  return syntax == PromptSyntax::Plain ? plain_slots(tokenizer, prompt) : chunked_slots(tokenizer, prompt);
}

std::vector<PromptWord> prompt_words(const ClipTokenizer& tokenizer, PromptSyntax syntax, std::string_view prompt) {
  const PromptSlots slots = prompt_slots(tokenizer, syntax, prompt);
  std::vector<PromptWord> words;
  std::vector<std::vector<int>> seen;
  for (const std::string& source : word_sources(syntax, prompt))
    for (const std::string& text : split_words(source)) {
      const std::vector<int> own = tokenizer.token_ids(text);
      if (own.empty() || std::find(seen.begin(), seen.end(), own) != seen.end()) continue;
      seen.push_back(own);
      PromptWord word{text, {}, {}, false};
      for (int id : own) word.pieces.push_back(tokenizer.piece(id));
      for (size_t start : occurrences(slots.text_ids, own))
        for (size_t k = 0; k < own.size(); ++k) {
          const int slot = slots.text_slots[start + k];
          if (slot >= 0)
            word.positions.push_back(slot);
          else
            word.cut = true;
        }
      words.push_back(std::move(word));
    }
  return words;
}

std::vector<RunWord> run_words(const ClipTokenizer& tokenizer, PromptSyntax syntax,
                               const std::vector<std::string>& texts) {
  std::vector<std::vector<PromptWord>> words_of;
  for (const std::string& text : texts) words_of.push_back(prompt_words(tokenizer, syntax, text));
  const auto same_everywhere = [&](const PromptWord& word) {
    return std::all_of(words_of.begin(), words_of.end(), [&](const std::vector<PromptWord>& words) {
      return std::any_of(words.begin(), words.end(), [&](const PromptWord& other) {
        return other.pieces == word.pieces && other.positions == word.positions;
      });
    });
  };
  std::vector<RunWord> run;
  std::vector<std::vector<std::string>> shared;  // the pieces of the words taken once
  for (size_t t = 0; t < words_of.size(); ++t)
    for (const PromptWord& word : words_of[t]) {
      if (std::find(shared.begin(), shared.end(), word.pieces) != shared.end()) continue;
      const bool everywhere = words_of.size() == 1 || same_everywhere(word);
      if (everywhere) shared.push_back(word.pieces);
      run.push_back({word, everywhere ? -1 : int(t)});
    }
  return run;
}

at::Tensor word_map(const at::Tensor& maps, const PromptWord& word) {
  if (word.positions.empty()) return at::zeros({maps.size(1), maps.size(2)}, maps.options());
  const at::Tensor index = at::tensor(std::vector<int64_t>(word.positions.begin(), word.positions.end()), at::kLong);
  return maps.index_select(0, index.to(maps.device())).mean(0);
}

}  // namespace bksdm
