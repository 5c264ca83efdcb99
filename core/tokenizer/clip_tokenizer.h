#pragma once
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/tokenizer/clip_pre_split.h"

namespace bksdm {

class SentencePieceProcessor;

// One BPE token of a prompt and where it comes from.
struct PromptToken {
  int id = 0;
  std::string piece;  // as vocab.json spells it: byte-mapped, "</w>" ending a word ("cat</w>")
  int word = 0;       // index into TokenizedPrompt::words
  TextSpan bytes;     // the bytes of TokenizedPrompt::cleaned_text it spells (a multi-byte
                      // character may be split between tokens)
};

struct TokenizedPrompt {
  // max_length ids: start, the tokens that fit, end, then the pad token.
  std::vector<int> input_ids;
  // The prompt after CLIP's cleaning (ftfy fixes, HTML unescaping, whitespace, lower case), which
  // the words and tokens point into.
  std::string cleaned_text;
  std::vector<TextSpan> words;      // CLIP's pre-split words
  std::vector<PromptToken> tokens;  // all of them; token k sits at input_ids[k + 1] when it fits
  int kept_tokens = 0;              // how many tokens fit
  int truncated_tokens = 0;         // how many did not
  std::string truncated_text;       // the cleaned text from the first cut token on ("" if none)
};

// CLIP's tokenizer as OpenAI's code runs it: text cleaning, the pre-split regex, byte-level BPE
// (by sentencepiece, fed one word at a time). One thing is taken from transformers' CLIPTokenizer,
// which diffusers runs: a special token of the tokenizer files that CLIP's regex does not know
// (SD 2.x's pad token "!") is cut out of the raw prompt first and always becomes that token, so
// "wow!" is [..., 0] for SD 2.x, as diffusers encodes it.
class ClipTokenizer {
 public:
  // Reads vocab.json, merges.txt, special_tokens_map.json and tokenizer_config.json of a model's
  // tokenizer folder. Throws bksdm::Error naming the file (and line) at fault, or saying where the
  // sentencepiece module was looked for.
  static std::shared_ptr<ClipTokenizer> load(const std::filesystem::path& tokenizer_dir);
  ~ClipTokenizer();
  ClipTokenizer(const ClipTokenizer&) = delete;
  ClipTokenizer& operator=(const ClipTokenizer&) = delete;

  // Start, every token, end: no padding, no truncation.
  std::vector<int> encode(std::string_view text) const;
  // The tokens alone, without start and end: a piece of a prompt tokenized by itself.
  std::vector<int> token_ids(std::string_view text) const;
  // Padded with the pad token, or cut to start + (max_length - 2) tokens + end.
  TokenizedPrompt encode_for_model(std::string_view text, int max_length = 77) const;
  // The number of tokens of the prompt, start and end not counted ("31 / 75").
  int count_tokens(std::string_view text) const;

  int bos_id() const { return bos_id_; }
  int eos_id() const { return eos_id_; }
  int pad_id() const { return pad_id_; }
  int vocab_size() const { return static_cast<int>(vocab_.size()); }
  // vocab.json's spelling of a token; throws for an id out of range.
  std::string piece(int id) const;

  // This tokenizer with `tokens` added after the vocabulary (ids vocab_size() on, in order), as
  // transformers' add_tokens adds a textual inversion's words: each is cut out of the raw prompt
  // wherever it stands, the longest first, and is one token.
  std::shared_ptr<ClipTokenizer> with_added_tokens(const std::vector<std::string>& tokens) const;
  // diffusers' maybe_convert_prompt: each added token the prompt holds that has siblings TOKEN_1,
  // TOKEN_2, ... (a textual inversion of several vectors) is replaced, everywhere in the prompt, by
  // "TOKEN TOKEN_1 TOKEN_2 ...".
  std::string expand_added_tokens(std::string_view prompt) const;

 private:
  struct Encoding;

  ClipTokenizer() = default;
  Encoding encode_text(std::string_view text) const;
  void encode_word(std::string_view word, std::vector<int>& ids) const;

  std::vector<std::string> vocab_;
  std::vector<int> byte_lengths_;  // how many bytes of text each token spells
  int bos_id_ = 0;
  int eos_id_ = 0;
  int pad_id_ = 0;
  int start_of_text_id_ = -1;  // the special tokens as CLIP's regex finds them in a prompt
  int end_of_text_id_ = -1;
  std::vector<int> cut_out_ids_;  // the special tokens cut out of the raw prompt first
  int added_from_ = -1;  // the first added token's id; -1: none added
  std::shared_ptr<const SentencePieceProcessor> bpe_;
};

}  // namespace bksdm
