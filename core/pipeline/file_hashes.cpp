#include "core/pipeline/file_hashes.h"

#include "core/io/utf8.h"
#include "core/models/autoencoder_kl.h"
#include "core/models/textual_inversion.h"

namespace bksdm {

void add_file_hashes(GenerationRequest& request, const ModelFolder& model, const std::string& vae,
                     const FileHasher& hasher) {
  const std::filesystem::path& checkpoint = model.single_file();
  if (!checkpoint.empty()) request.model.hashes[path_text(checkpoint.filename())] = hasher.whole(checkpoint);
  if (!vae.empty()) {
    std::filesystem::path named = std::filesystem::path(vae).lexically_normal();
    if (named.filename().empty()) named = named.parent_path();
    const std::filesystem::path weights = vae_weights(vae);
    request.vae = {vae, path_text(named.stem()), {{path_text(weights.filename()), hasher.whole(weights)}}};
  }
  for (LoraSetting& lora : request.loras) lora.sha256 = hasher.tensor_data(lora.file);
  if (request.embeddings.empty()) return;
  for (const auto& [word, file] : textual_inversions_used(request.embeddings, {request.prompt, request.negative_prompt}))
    request.embedding_hashes[word] = hasher.whole(file);
}

}  // namespace bksdm
