#pragma once
#include <string>
#include <vector>

#include "core/generation/generation_request.h"

namespace bksdm {

// The prompt's A1111 `<lora:NAME:MULT>` tags as files NAME.safetensors of `dir`, in the prompt's
// order; none for plain prompts, which keep the tags as text. A tag without a folder, or naming no
// file there, is a bksdm::Error naming the tag.
std::vector<LoraSetting> prompt_loras(const GenerationRequest& request, const std::string& dir);

}  // namespace bksdm
