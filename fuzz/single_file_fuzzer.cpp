// Single-file checkpoints (CompVis/LDM layout) from hostile files, opened without configs as a user
// opens one: the family's cached model (the SD fixtures, in a scratch Hugging Face cache) gives the
// base configs, the file's tensors the layout. Opening and loading each component must succeed or
// throw bksdm::Error; a component that loads has every parameter its config builds.
#include <cstdlib>
#include <fstream>

#include "core/io/error.h"
#include "core/loading/model_folder.h"
#include "core/models/autoencoder_kl.h"
#include "core/models/clip_text_model.h"
#include "core/models/unet_2d_condition.h"
#include "fuzz/fuzz_support.h"

namespace {

namespace fs = std::filesystem;

// The scratch cache: CompVis/stable-diffusion-v1-4 and stabilityai/stable-diffusion-2-1-base as
// links to the fixture models.
void make_family_cache(const fs::path& hub) {
  const fs::path models = fs::path(BKSDM_FIXTURES_DIR) / "models";
  for (const auto& [repo, model] : {std::pair{"models--CompVis--stable-diffusion-v1-4", "sd-v1-4-mini"},
                                    std::pair{"models--stabilityai--stable-diffusion-2-1-base", "sd-v2-1-base-mini"}}) {
    fs::create_directories(hub / repo / "refs");
    fs::create_directories(hub / repo / "snapshots");
    std::ofstream(hub / repo / "refs" / "main") << "fixture";
    fs::create_directory_symlink(models / model, hub / repo / "snapshots" / "fixture");
  }
  ::setenv("HF_HUB_CACHE", hub.c_str(), 1);
}

template <class Load>
void load(Load&& component) {
  try {
    if (component()->parameters().empty()) std::abort();
  } catch (const bksdm::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bksdm::fuzz::ScratchDir dir("single-file");
  static const bool cached = (make_family_cache(dir.path() / "hub"), true);
  (void)cached;
  const fs::path file = dir.write("checkpoint.safetensors", bksdm::fuzz::as_text(data, size));
  try {
    const bksdm::ModelFolder model = bksdm::ModelFolder::open(file.string());
    load([&] { return bksdm::load_unet(model).ptr(); });
    load([&] { return bksdm::load_clip_text_model(model); });
    load([&] { return bksdm::load_autoencoder_kl(model); });
  } catch (const bksdm::Error&) {
  }
  return 0;
}
