#pragma once
#include <string_view>

namespace bksdm {

// Where a single-file checkpoint in the CompVis/LDM layout (A1111's, Civitai's) keeps each component.
inline constexpr std::string_view kLdmUNetPrefix = "model.diffusion_model.";
inline constexpr std::string_view kLdmVaePrefix = "first_stage_model.";
inline constexpr std::string_view kLdmClipPrefix = "cond_stage_model.transformer.";   // SD 1.x
inline constexpr std::string_view kLdmOpenClipPrefix = "cond_stage_model.model.";     // SD 2.x

// The diffusers component ("unet", "vae", "text_encoder") a tensor of such a file belongs to, or empty.
inline std::string_view ldm_component(std::string_view tensor) {
  if (tensor.starts_with(kLdmUNetPrefix)) return "unet";
  if (tensor.starts_with(kLdmVaePrefix)) return "vae";
  if (tensor.starts_with(kLdmClipPrefix) || tensor.starts_with(kLdmOpenClipPrefix)) return "text_encoder";
  return {};
}

}  // namespace bksdm
