#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <utility>

#include "core/generation/generation_request.h"
#include "core/pipeline/conditioning.h"

namespace bksdm {

// The last runs' conditionings by everything that decides them, so that a run repeating its
// prompts (seed exploration, a grid's cells) does not encode them again: the text encoder costs
// 1.4-1.8 s a run on a 2-core CPU.
class ConditioningCache {
 public:
  struct Key {
    std::string prompt;
    std::string negative_prompt;
    PromptSyntax syntax = PromptSyntax::A1111;
    int clip_skip = 1;
    int steps = 0;          // an edited prompt's schedule is laid over the steps
    size_t iterations = 0;  // and over the iterations that run
    bool guided = false;    // without guidance there is no negative
    uint64_t text_encoder_version = 0;  // its weights and tokenizer: LoRAs and embeddings change them
    bool operator==(const Key&) const = default;
  };
  static Key key_of(const GenerationRequest& request, bool guided, size_t iterations, uint64_t text_encoder_version);

  // The conditioning for `key`: kept from an earlier run (`*reused` true) or made by `encode`.
  Conditioning get(const Key& key, const std::function<Conditioning()>& encode, bool* reused);

 private:
  static constexpr size_t kKept = 4;
  std::deque<std::pair<Key, Conditioning>> kept_;  // the most recent first
};

}  // namespace bksdm
