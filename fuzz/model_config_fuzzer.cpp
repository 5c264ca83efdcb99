// The config readers on arbitrary JSON: one input is read as every kind of config a model folder
// holds (U-Net, text encoder, VAE, each scheduler, the summary's family and layout). A config they
// cannot use must be a bksdm::Error; a scheduler they accept must lay out and run a short schedule.
#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/loading/model_summary.h"
#include "core/models/autoencoder_kl_config.h"
#include "core/models/clip_text_config.h"
#include "core/models/unet_config.h"
#include "core/schedulers/scheduler.h"
#include "fuzz/fuzz_support.h"

namespace {

template <typename Read>
void read_config(Read&& read) {
  try {
    read();
  } catch (const bksdm::Error&) {
  }
}

// A schedule of a few steps on a one-pixel latent: enough to reach every index the config shapes.
void run_schedule(bksdm::Scheduler& scheduler, int steps) {
  scheduler.set_timesteps(steps);
  bksdm::NoiseSource noise = bksdm::NoiseSource::shared(0);
  at::Tensor latents = at::ones({1, 1, 1, 1}) * scheduler.init_noise_sigma();
  for (size_t i = 0; i < scheduler.timesteps().size(); ++i) {
    const at::Tensor scaled = scheduler.scale_model_input(latents, i) * 0.5;
    latents = scheduler.step(scaled, i, latents, noise).prev_sample;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const nlohmann::json config = nlohmann::json::parse(bksdm::fuzz::as_text(data, size), nullptr, false);
  if (config.is_discarded()) return 0;
  read_config([&] { bksdm::parse_unet_config(config); });
  read_config([&] { bksdm::CLIPTextConfig::from_json(config, "text_encoder/config.json"); });
  read_config([&] { bksdm::AutoencoderKLConfig::from_json(config, "vae/config.json"); });
  (void)bksdm::model_family(config);
  (void)bksdm::unet_layout(config);
  (void)bksdm::default_scheduler_name(config);
  for (const std::string& name : bksdm::scheduler_names()) {
    for (int steps : {1, 3}) {
      read_config([&] {
        const auto scheduler = bksdm::make_scheduler(name, config, 0.5);
        run_schedule(*scheduler, steps);
      });
    }
  }
  return 0;
}
