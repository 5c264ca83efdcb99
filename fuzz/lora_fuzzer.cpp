// LoRA files from hostile bytes, against the SD v1.4 fixture's weights: reading must succeed or throw
// bksdm::Error; the report refuses or accepts the file as a whole, and every layer it accepts gives a
// change of exactly its weight's shape.
#include <cstdlib>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/loading/model_folder.h"
#include "core/models/lora.h"
#include "fuzz/fuzz_support.h"

namespace {

using Shapes = std::map<std::string, std::map<std::string, std::vector<int64_t>>>;

// The fixture model's weights by component, as a pipeline matches LoRAs against them.
Shapes fixture_shapes() {
  Shapes shapes;
  const bksdm::ModelFolder model =
      bksdm::ModelFolder::open((std::filesystem::path(BKSDM_FIXTURES_DIR) / "models/sd-v1-4-mini").string());
  for (const char* component : {"unet", "text_encoder"}) {
    const auto file = bksdm::SafetensorsFile::open(model.weights(component));
    for (const bksdm::TensorInfo& info : file->tensors()) shapes[component][info.name] = info.shape;
  }
  return shapes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bksdm::fuzz::ScratchDir dir("lora");
  static const Shapes shapes = fixture_shapes();
  const auto path = dir.write("lora.safetensors", bksdm::fuzz::as_text(data, size));
  try {
    const std::vector<bksdm::LoraUse> loras{{bksdm::LoraFile::read(path), 0.5}};
    bksdm::lora_report(loras, shapes);
    for (const auto& [component, weights] : shapes)
      for (const auto& [name, shape] : weights)
        if (const bksdm::LoraFile::Layer* layer = loras[0].file->layer_for(component, name))
          if (loras[0].file->delta(*layer, 0.5, shape).sizes() != at::IntArrayRef(shape)) std::abort();
  } catch (const bksdm::Error&) {
  }
  return 0;
}
