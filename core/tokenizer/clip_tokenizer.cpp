#include "core/tokenizer/clip_tokenizer.h"

#include <algorithm>

#include <unicode/utf8.h>

#include "core/io/error.h"
#include "core/tokenizer/clip_bpe_files.h"
#include "core/tokenizer/clip_byte_alphabet.h"
#include "core/tokenizer/clip_sentencepiece_model.h"
#include "core/tokenizer/clip_text_cleaning.h"
#include "core/tokenizer/sentencepiece_model_proto.h"
#include "core/tokenizer/sentencepiece_processor.h"

namespace bksdm {
namespace {

// The special tokens' text, which CLIP's pre-split also finds inside a prompt.
constexpr std::string_view kStartOfText = "<|startoftext|>";
constexpr std::string_view kEndOfText = "<|endoftext|>";

// The bytes a piece spells: one per character of the byte-level alphabet, "</w>" not counted.
int spelled_bytes(std::string_view piece) {
  if (piece.ends_with(kClipEndOfWord)) piece.remove_suffix(kClipEndOfWord.size());
  int count = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(piece.size()); ++count) {
    U8_FWD_1(reinterpret_cast<const uint8_t*>(piece.data()), i, static_cast<int32_t>(piece.size()));
  }
  return count;
}

int find_id(const std::vector<std::string>& vocab, std::string_view piece) {
  const auto it = std::find(vocab.begin(), vocab.end(), piece);
  return it == vocab.end() ? -1 : static_cast<int>(it - vocab.begin());
}

}  // namespace

std::shared_ptr<ClipTokenizer> ClipTokenizer::load(const std::filesystem::path& tokenizer_dir) {
  ClipBpeFiles files = read_clip_bpe_files(tokenizer_dir);
  std::shared_ptr<ClipTokenizer> tokenizer(new ClipTokenizer());
  try {
    tokenizer->bpe_ =
        std::make_unique<SentencePieceProcessor>(serialize_model_proto(clip_sentencepiece_model(files)));
  } catch (const Error& error) {
    throw Error(tokenizer_dir.string() + ": " + error.what());
  }
  tokenizer->byte_lengths_.reserve(files.vocab.size());
  for (const std::string& piece : files.vocab) tokenizer->byte_lengths_.push_back(spelled_bytes(piece));
  tokenizer->bos_id_ = files.bos_id;
  tokenizer->eos_id_ = files.eos_id;
  tokenizer->pad_id_ = files.pad_id;
  tokenizer->start_of_text_id_ = find_id(files.vocab, kStartOfText);
  tokenizer->end_of_text_id_ = find_id(files.vocab, kEndOfText);
  tokenizer->vocab_ = std::move(files.vocab);
  return tokenizer;
}

ClipTokenizer::~ClipTokenizer() = default;

void ClipTokenizer::encode_words(std::string_view cleaned, const std::vector<TextSpan>& words,
                                 std::vector<int>& ids, std::vector<int>* word_of_token) const {
  std::string symbols;
  for (size_t w = 0; w < words.size(); ++w) {
    const std::string_view word = cleaned.substr(words[w].begin, words[w].end - words[w].begin);
    if (word == kStartOfText && start_of_text_id_ >= 0) {
      ids.push_back(start_of_text_id_);
    } else if (word == kEndOfText && end_of_text_id_ >= 0) {
      ids.push_back(end_of_text_id_);
    } else {
      symbols.clear();
      append_clip_byte_symbols(word, symbols);
      symbols += kSentencePieceWordMark;
      bpe_->encode(symbols, ids);
    }
    if (word_of_token) word_of_token->resize(ids.size(), static_cast<int>(w));
  }
}

std::vector<int> ClipTokenizer::encode(std::string_view text) const {
  const std::string cleaned = clean_clip_text(text);
  std::vector<int> ids = {bos_id_};
  encode_words(cleaned, clip_pre_split(cleaned), ids, nullptr);
  ids.push_back(eos_id_);
  return ids;
}

int ClipTokenizer::count_tokens(std::string_view text) const {
  const std::string cleaned = clean_clip_text(text);
  std::vector<int> ids;
  encode_words(cleaned, clip_pre_split(cleaned), ids, nullptr);
  return static_cast<int>(ids.size());
}

TokenizedPrompt ClipTokenizer::encode_for_model(std::string_view text, int max_length) const {
  if (max_length < 2)
    throw Error("a CLIP prompt needs room for at least start and end (max_length " + std::to_string(max_length) +
                ")");
  TokenizedPrompt prompt;
  prompt.cleaned_text = clean_clip_text(text);
  prompt.words = clip_pre_split(prompt.cleaned_text);
  std::vector<int> ids;
  std::vector<int> word_of_token;
  encode_words(prompt.cleaned_text, prompt.words, ids, &word_of_token);

  // Each token spells the next bytes of its word; a special token spells its whole word.
  size_t position = 0;
  for (size_t k = 0; k < ids.size(); ++k) {
    const TextSpan& word = prompt.words[word_of_token[k]];
    if (k == 0 || word_of_token[k] != word_of_token[k - 1]) position = word.begin;
    const bool special = ids[k] == start_of_text_id_ || ids[k] == end_of_text_id_;
    if (ids[k] < 0 || ids[k] >= vocab_size()) {
      throw Error("sentencepiece gave no known token for \"" +
                  prompt.cleaned_text.substr(word.begin, word.end - word.begin) + "\"");
    }
    const size_t end = special ? word.end : position + byte_lengths_[ids[k]];
    prompt.tokens.push_back({ids[k], vocab_[ids[k]], word_of_token[k], {position, end}});
    position = end;
  }

  const int room = max_length - 2;
  prompt.kept_tokens = std::min(static_cast<int>(ids.size()), room);
  prompt.truncated_tokens = static_cast<int>(ids.size()) - prompt.kept_tokens;
  if (prompt.truncated_tokens > 0) {
    // A character split between the last kept token and the first cut one counts as cut.
    size_t cut = prompt.tokens[prompt.kept_tokens].bytes.begin;
    while (cut > 0 && (static_cast<uint8_t>(prompt.cleaned_text[cut]) & 0xC0) == 0x80) --cut;
    prompt.truncated_text = prompt.cleaned_text.substr(cut);
  }
  prompt.input_ids.reserve(max_length);
  prompt.input_ids.push_back(bos_id_);
  prompt.input_ids.insert(prompt.input_ids.end(), ids.begin(), ids.begin() + prompt.kept_tokens);
  prompt.input_ids.push_back(eos_id_);
  prompt.input_ids.resize(max_length, pad_id_);
  return prompt;
}

std::string ClipTokenizer::piece(int id) const {
  if (id < 0 || id >= vocab_size()) {
    throw Error("token id " + std::to_string(id) + " is outside the vocabulary (0.." +
                std::to_string(vocab_size() - 1) + ")");
  }
  return vocab_[id];
}

}  // namespace bksdm
