#include "core/generation/prompt_loras.h"

#include <filesystem>

#include "core/io/error.h"
#include "core/prompt/extra_networks.h"

namespace bksdm {

std::vector<LoraSetting> prompt_loras(const GenerationRequest& request, const std::string& dir) {
  std::vector<LoraSetting> loras;
  if (request.prompt_syntax != PromptSyntax::A1111) return loras;
  for (const ExtraNetwork& network : take_extra_networks(request.prompt).networks) {
    if (network.kind != "lora") continue;
    const std::string& name = network.args.front();
    if (dir.empty()) throw Error("the prompt names LoRA '" + name + "', and no LoRA folder is given (--lora-dir)");
    const std::filesystem::path file = std::filesystem::path(dir) / (name + ".safetensors");
    if (!std::filesystem::is_regular_file(file))
      throw Error("the prompt names LoRA '" + name + "', but " + file.string() + " is not a file");
    loras.push_back({file.string(), lora_multiplier(network), {}});
  }
  return loras;
}

}  // namespace bksdm
