#include "core/io/pickle_file.h"

namespace bksdm {

bool is_pickle_file(const std::filesystem::path& file) {
  for (const char* extension : {".bin", ".ckpt", ".pt", ".pth", ".pkl"})
    if (file.extension() == extension) return true;
  return false;
}

std::string pickle_refusal(const std::filesystem::path& file) {
  const std::string out = file.stem().string() + ".safetensors";
  return file.string() + ": a PyTorch pickle, refused because loading one can run arbitrary code; convert it "
         "once where PyTorch is installed: python3 -c \"import torch, safetensors.torch as st; "
         "d = torch.load('" + file.filename().string() + "', map_location='cpu', weights_only=True); "
         "d = d.get('state_dict', d); st.save_file({k: v.contiguous() for k, v in d.items() "
         "if isinstance(v, torch.Tensor)}, '" + out + "')\"";
}

}  // namespace bksdm
