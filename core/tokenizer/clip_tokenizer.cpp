#include "core/tokenizer/clip_tokenizer.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <set>

#include "core/io/error.h"
#include "core/tokenizer/clip_bpe_files.h"
#include "core/tokenizer/clip_byte_alphabet.h"
#include "core/tokenizer/clip_pre_split.h"
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

// The cleaned prompt, its words and their tokens.
struct ClipTokenizer::Encoding {
  std::string cleaned;
  std::vector<TextSpan> words;
  std::vector<int> ids;
  std::vector<int> word_of_token;
};

std::shared_ptr<ClipTokenizer> ClipTokenizer::load(const std::filesystem::path& tokenizer_dir) {
  ClipBpeFiles files = read_clip_bpe_files(tokenizer_dir);
  std::shared_ptr<ClipTokenizer> tokenizer(new ClipTokenizer());
  try {
    tokenizer->bpe_ =
        std::make_shared<const SentencePieceProcessor>(serialize_model_proto(clip_sentencepiece_model(files)));
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
  for (int id : {files.bos_id, files.eos_id, files.unk_id, files.pad_id}) {
    const std::string& token = files.vocab[id];
    auto& cut_out = tokenizer->cut_out_ids_;
    if (token != kStartOfText && token != kEndOfText &&
        std::find(cut_out.begin(), cut_out.end(), id) == cut_out.end()) {
      cut_out.push_back(id);
    }
  }
  tokenizer->vocab_ = std::move(files.vocab);
  return tokenizer;
}

ClipTokenizer::~ClipTokenizer() = default;

void ClipTokenizer::encode_word(std::string_view word, std::vector<int>& ids) const {
  if (word == kStartOfText && start_of_text_id_ >= 0) {
    ids.push_back(start_of_text_id_);
  } else if (word == kEndOfText && end_of_text_id_ >= 0) {
    ids.push_back(end_of_text_id_);
  } else {
    std::string symbols;
    symbols.reserve(2 * word.size() + kSentencePieceWordMark.size());
    append_clip_byte_symbols(word, symbols);
    symbols += kSentencePieceWordMark;
    bpe_->encode(symbols, ids);
  }
}

ClipTokenizer::Encoding ClipTokenizer::encode_text(std::string_view text) const {
  Encoding encoding;
  // Appends a cleaned part of the prompt, a space apart from the previous one, and its words.
  auto add_part = [&](std::string_view part, const std::vector<TextSpan>& words) {
    if (part.empty()) return;
    if (!encoding.cleaned.empty()) encoding.cleaned += ' ';
    const size_t offset = encoding.cleaned.size();
    encoding.cleaned += part;
    for (const TextSpan& word : words) encoding.words.push_back({offset + word.begin, offset + word.end});
  };
  auto add_text = [&](std::string_view raw) {
    const std::string cleaned = clean_clip_text(raw);
    const size_t first_word = encoding.words.size();
    add_part(cleaned, clip_pre_split(cleaned));
    for (size_t w = first_word; w < encoding.words.size(); ++w) {
      const TextSpan& word = encoding.words[w];
      encode_word(std::string_view(encoding.cleaned).substr(word.begin, word.end - word.begin), encoding.ids);
      encoding.word_of_token.resize(encoding.ids.size(), static_cast<int>(w));
    }
  };
  // transformers' added-token split: the earliest occurrence, the longest token there.
  size_t done = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    int found = -1;
    for (int id : cut_out_ids_) {
      if (text.substr(at).starts_with(vocab_[id]) && (found < 0 || vocab_[id].size() > vocab_[found].size()))
        found = id;
    }
    if (found < 0) continue;
    add_text(text.substr(done, at - done));
    add_part(vocab_[found], {{0, vocab_[found].size()}});
    encoding.ids.push_back(found);
    encoding.word_of_token.push_back(static_cast<int>(encoding.words.size()) - 1);
    done = at + vocab_[found].size();
    at = done - 1;
  }
  add_text(text.substr(done));
  return encoding;
}

std::vector<int> ClipTokenizer::encode(std::string_view text) const {
  std::vector<int> ids = {bos_id_};
  const std::vector<int> tokens = token_ids(text);
  ids.insert(ids.end(), tokens.begin(), tokens.end());
  ids.push_back(eos_id_);
  return ids;
}

std::vector<int> ClipTokenizer::token_ids(std::string_view text) const { return encode_text(text).ids; }

int ClipTokenizer::count_tokens(std::string_view text) const {
  return static_cast<int>(encode_text(text).ids.size());
}

TokenizedPrompt ClipTokenizer::encode_for_model(std::string_view text, int max_length) const {
  if (max_length < 2) {
    throw Error("a CLIP prompt needs room for at least start and end (max_length " + std::to_string(max_length) +
                ")");
  }
  Encoding encoding = encode_text(text);
  TokenizedPrompt prompt;
  const std::vector<int>& ids = encoding.ids;

  // Each token spells the next bytes of its word; a special token spells its whole word.
  size_t position = 0;
  for (size_t k = 0; k < ids.size(); ++k) {
    const int w = encoding.word_of_token[k];
    const TextSpan& word = encoding.words[w];
    if (k == 0 || w != encoding.word_of_token[k - 1]) position = word.begin;
    if (ids[k] < 0 || ids[k] >= vocab_size()) {
      throw Error("sentencepiece gave no known token for \"" +
                  encoding.cleaned.substr(word.begin, word.end - word.begin) + "\"");
    }
    const bool whole_word = ids[k] == start_of_text_id_ || ids[k] == end_of_text_id_ ||
                            std::find(cut_out_ids_.begin(), cut_out_ids_.end(), ids[k]) != cut_out_ids_.end();
    const size_t end = whole_word ? word.end : position + byte_lengths_[ids[k]];
    prompt.tokens.push_back({ids[k], vocab_[ids[k]], w, {position, end}});
    position = end;
  }

  const int room = max_length - 2;
  prompt.kept_tokens = std::min(static_cast<int>(ids.size()), room);
  prompt.truncated_tokens = static_cast<int>(ids.size()) - prompt.kept_tokens;
  if (prompt.truncated_tokens > 0) {
    // A character split between the last kept token and the first cut one counts as cut.
    size_t cut = prompt.tokens[prompt.kept_tokens].bytes.begin;
    while (cut > 0 && (static_cast<uint8_t>(encoding.cleaned[cut]) & 0xC0) == 0x80) --cut;
    prompt.truncated_text = encoding.cleaned.substr(cut);
  }
  prompt.input_ids.reserve(max_length);
  prompt.input_ids.push_back(bos_id_);
  prompt.input_ids.insert(prompt.input_ids.end(), ids.begin(), ids.begin() + prompt.kept_tokens);
  prompt.input_ids.push_back(eos_id_);
  prompt.input_ids.resize(max_length, pad_id_);
  prompt.cleaned_text = std::move(encoding.cleaned);
  prompt.words = std::move(encoding.words);
  return prompt;
}

std::shared_ptr<ClipTokenizer> ClipTokenizer::with_added_tokens(const std::vector<std::string>& tokens) const {
  std::shared_ptr<ClipTokenizer> added(new ClipTokenizer());
  added->vocab_ = vocab_;
  added->byte_lengths_ = byte_lengths_;
  added->bos_id_ = bos_id_;
  added->eos_id_ = eos_id_;
  added->pad_id_ = pad_id_;
  added->start_of_text_id_ = start_of_text_id_;
  added->end_of_text_id_ = end_of_text_id_;
  added->cut_out_ids_ = cut_out_ids_;
  added->bpe_ = bpe_;
  added->added_from_ = added_from_ >= 0 ? added_from_ : vocab_size();
  for (const std::string& token : tokens) {
    added->cut_out_ids_.push_back(added->vocab_size());
    added->vocab_.push_back(token);
    added->byte_lengths_.push_back(static_cast<int>(token.size()));
  }
  return added;
}

std::string ClipTokenizer::expand_added_tokens(std::string_view prompt) const {
  if (added_from_ < 0) return std::string(prompt);
  const auto is_added = [&](const std::string& token) {
    return std::find(vocab_.begin() + added_from_, vocab_.end(), token) != vocab_.end();
  };
  std::set<std::string> present;
  for (const int id : encode_text(prompt).ids)
    if (id >= added_from_) present.insert(vocab_[id]);
  std::string expanded(prompt);
  for (const std::string& token : present) {
    std::string replacement = token;
    for (int i = 1; is_added(token + "_" + std::to_string(i)); ++i) replacement += " " + token + "_" + std::to_string(i);
    if (replacement == token) continue;
    std::string next;
    size_t at = 0;
    for (size_t found = expanded.find(token); found != std::string::npos; found = expanded.find(token, at)) {
      next.append(expanded, at, found - at).append(replacement);
      at = found + token.size();
    }
    expanded = next.append(expanded, at, std::string::npos);
  }
  return expanded;
}

std::string ClipTokenizer::piece(int id) const {
  if (id < 0 || id >= vocab_size()) {
    throw Error("token id " + std::to_string(id) + " is outside the vocabulary (0.." +
                std::to_string(vocab_size() - 1) + ")");
  }
  return vocab_[id];
}

}  // namespace bksdm
