#include "core/pipeline/conditioning_cache.h"

#include <algorithm>

namespace bksdm {

ConditioningCache::Key ConditioningCache::key_of(const GenerationRequest& request, bool guided, size_t iterations,
                                                 uint64_t text_encoder_version) {
  return {request.prompt, guided ? request.negative_prompt : std::string(), request.prompt_syntax, request.clip_skip,
          request.steps, iterations, guided, text_encoder_version};
}

Conditioning ConditioningCache::get(const Key& key, const std::function<Conditioning()>& encode, bool* reused) {
  const auto found = std::find_if(kept_.begin(), kept_.end(), [&](const auto& entry) { return entry.first == key; });
  *reused = found != kept_.end();
  std::pair<Key, Conditioning> entry = *reused ? std::move(*found) : std::pair{key, encode()};
  if (*reused) kept_.erase(found);
  kept_.push_front(std::move(entry));
  if (kept_.size() > kKept) kept_.pop_back();
  return kept_.front().second;
}

}  // namespace bksdm
