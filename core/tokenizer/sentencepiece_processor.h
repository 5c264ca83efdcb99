#pragma once
#include <string>
#include <string_view>
#include <vector>

struct bksdm_spm;

namespace bksdm {

// A sentencepiece model run by the sentencepiece module (spm_module/bksdm_spm.h), which is opened
// at run time so that this library never links sentencepiece. The module is looked for in
// $BKSDM_SPM_MODULE if set, else beside the running executable, else in the installed layout
// (BINDIR/../LIBDIR/bksdm/).
class SentencePieceProcessor {
 public:
  // Throws bksdm::Error saying where the module was looked for, or what sentencepiece objected to.
  explicit SentencePieceProcessor(const std::string& serialized_model_proto);
  ~SentencePieceProcessor();
  SentencePieceProcessor(const SentencePieceProcessor&) = delete;
  SentencePieceProcessor& operator=(const SentencePieceProcessor&) = delete;

  // Appends the piece ids of `text` to `ids`. Thread-safe.
  void encode(std::string_view text, std::vector<int>& ids) const;

 private:
  bksdm_spm* spm_ = nullptr;
};

}  // namespace bksdm
