#include "core/pipeline/conditioning.h"

#include <ATen/ATen.h>

#include "core/io/error.h"

namespace bksdm {

const Conditioning::Embeddings& Conditioning::at_iteration(size_t iteration) const {
  const size_t entry = schedule.empty() ? 0 : iteration < schedule.size() ? schedule[iteration] : entries.size();
  if (entry >= entries.size())
    throw Error("conditioning: no embeddings for iteration " + std::to_string(iteration) + " (" +
                std::to_string(entries.size()) + " entries, a schedule of " + std::to_string(schedule.size()) + ")");
  return entries[entry];
}

bool Conditioning::guided_in_one_batch() const {
  return !entries.empty() && entries.front().negative.defined() &&
         entries.front().negative.size(1) == entries.front().prompt.size(1);
}

at::Tensor Conditioning::context(size_t iteration, int64_t images) const {
  const Embeddings& embeddings = at_iteration(iteration);
  const at::Tensor prompt = embeddings.prompt.repeat({images, 1, 1});
  if (!guided_in_one_batch()) return prompt;
  return at::cat({embeddings.negative.repeat({images, 1, 1}), prompt});
}

}  // namespace bksdm
