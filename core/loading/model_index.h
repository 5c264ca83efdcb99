#pragma once
#include "core/loading/model_folder.h"

namespace bksdm {

// Checks the folder's model_index.json, as diffusers reads it before any component: a JSON object
// (read within the config size cap) whose "_class_name" is a pipeline this engine runs
// (StableDiffusionPipeline, or StableDiffusionImg2ImgPipeline, which saves the same components) and
// which lists each component the engine loads as a [library, class] pair, its folder present.
// Anything else is a bksdm::Error naming the file and what is wrong.
void check_model_index(const ModelFolder& model);

}  // namespace bksdm
