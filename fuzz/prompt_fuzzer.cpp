// A prompt, any bytes (invalid UTF-8 included), to tokens with the fixtures' CLIP tokenizer:
// encode, encode_for_model at the model's length and a short one, and the prompt's words. Every
// token must point into the cleaned text, and no prompt may be refused. The editor's syntax marks
// of the same prompt must lie within it, in order.
#include <cstdlib>

#include "core/pipeline/prompt_words.h"
#include "core/prompt/prompt_marks.h"
#include "core/tokenizer/clip_pre_split.h"
#include "core/tokenizer/clip_tokenizer.h"
#include "fuzz/fuzz_support.h"

namespace {

void check_spans(const std::vector<bksdm::TextSpan>& spans, size_t text_size) {
  size_t previous_end = 0;
  for (const bksdm::TextSpan& span : spans) {
    if (span.begin < previous_end || span.begin > span.end || span.end > text_size) std::abort();
    previous_end = span.end;
  }
}

void check_tokens(const bksdm::TokenizedPrompt& prompt, int max_length) {
  if (prompt.input_ids.size() != size_t(max_length)) std::abort();
  check_spans(prompt.words, prompt.cleaned_text.size());
  for (const bksdm::PromptToken& token : prompt.tokens) {
    if (token.word < 0 || size_t(token.word) >= prompt.words.size()) std::abort();
    if (token.bytes.begin > token.bytes.end || token.bytes.end > prompt.cleaned_text.size()) std::abort();
  }
  if (prompt.kept_tokens + prompt.truncated_tokens != int(prompt.tokens.size())) std::abort();
}

void tokenize(const bksdm::ClipTokenizer& tokenizer, std::string_view prompt) {
  const std::vector<int> ids = tokenizer.encode(prompt);
  if (int(ids.size()) != tokenizer.count_tokens(prompt) + 2) std::abort();
  for (int max_length : {77, 4}) check_tokens(tokenizer.encode_for_model(prompt, max_length), max_length);
  for (const bksdm::PromptSyntax syntax : {bksdm::PromptSyntax::Plain, bksdm::PromptSyntax::A1111}) {
    const size_t slots = bksdm::prompt_slots(tokenizer, syntax, prompt).ids.size();
    for (const bksdm::PromptWord& word : bksdm::prompt_words(tokenizer, syntax, prompt))
      for (int slot : word.positions)
        if (slot < 1 || size_t(slot) >= slots || slot % 77 == 0) std::abort();
  }
}

void check_marks(std::string_view prompt) {
  size_t previous_begin = 0;
  for (const bksdm::PromptMark& mark : bksdm::prompt_syntax_marks(prompt)) {
    if (mark.begin < previous_begin || mark.begin > mark.end || mark.end > prompt.size()) std::abort();
    previous_begin = mark.begin;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto tokenizer =
      bksdm::ClipTokenizer::load(std::filesystem::path(BKSDM_FIXTURES_DIR) / "models/sd-v2-1-base-mini/tokenizer");
  const std::string_view prompt = bksdm::fuzz::as_text(data, size);
  tokenize(*tokenizer, prompt);
  check_marks(prompt);
  return 0;
}
