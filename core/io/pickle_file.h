#pragma once
#include <filesystem>
#include <string>

namespace bksdm {

// PyTorch's pickled files (.bin, .ckpt, .pt, .pth, .pkl): unpickling one can run arbitrary code, so
// none is read, whatever it claims to hold.
bool is_pickle_file(const std::filesystem::path& file);

// Why `file` is refused and the command that converts it to safetensors with torch's weights_only
// loader (which rebuilds tensors and plain containers only).
std::string pickle_refusal(const std::filesystem::path& file);

}  // namespace bksdm
