// A tokenizer folder from hostile files: the input holds vocab.json, merges.txt,
// special_tokens_map.json and tokenizer_config.json in that order (see split_parts; absent parts
// are absent files). Reading them and building the sentencepiece model must succeed or be a
// bksdm::Error; so must building the tokenizer from them, which then encodes a few prompts into
// ids of its vocabulary, and whose special and merged ids the files' vocabulary holds.
#include <array>
#include <cstdlib>

#include "core/io/error.h"
#include "core/tokenizer/clip_bpe_files.h"
#include "core/tokenizer/clip_sentencepiece_model.h"
#include "core/tokenizer/clip_tokenizer.h"
#include "core/tokenizer/sentencepiece_model_proto.h"
#include "fuzz/fuzz_support.h"

namespace {

constexpr std::array<const char*, 4> kFiles = {"vocab.json", "merges.txt", "special_tokens_map.json",
                                               "tokenizer_config.json"};

void write_folder(const bksdm::fuzz::ScratchDir& dir, std::string_view input) {
  const std::vector<std::string_view> parts = bksdm::fuzz::split_parts(input);
  for (size_t i = 0; i < kFiles.size(); ++i) {
    if (i < parts.size())
      dir.write(kFiles[i], parts[i]);
    else
      std::filesystem::remove(dir.path() / kFiles[i]);
  }
}

bool is_id_of(int id, size_t vocab_size) { return id >= 0 && size_t(id) < vocab_size; }

void check_ids(const bksdm::ClipBpeFiles& files) {
  const size_t size = files.vocab.size();
  for (int id : {files.bos_id, files.eos_id, files.unk_id, files.pad_id})
    if (!is_id_of(id, size)) std::abort();
  if (files.merge_ids.size() != files.merges.size()) std::abort();
  for (int id : files.merge_ids)
    if (!is_id_of(id, size)) std::abort();
}

void use_tokenizer(const bksdm::ClipTokenizer& tokenizer) {
  for (const char* prompt : {"a photo of an astronaut riding a horse", "<|startoftext|>x<|endoftext|>", "\xe7\x8c\xab 2"})
    for (int id : tokenizer.encode_for_model(prompt).input_ids)
      if (!is_id_of(id, size_t(tokenizer.vocab_size()))) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bksdm::fuzz::ScratchDir dir("tokenizer-files");
  write_folder(dir, bksdm::fuzz::as_text(data, size));
  try {
    const bksdm::ClipBpeFiles files = bksdm::read_clip_bpe_files(dir.path());
    check_ids(files);
    const std::string proto = bksdm::serialize_model_proto(bksdm::clip_sentencepiece_model(files));
    if (proto.empty()) std::abort();
    use_tokenizer(*bksdm::ClipTokenizer::load(dir.path()));
  } catch (const bksdm::Error&) {
  }
  return 0;
}
