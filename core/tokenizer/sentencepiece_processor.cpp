#include "core/tokenizer/sentencepiece_processor.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>

#include "core/io/error.h"
#include "core/tokenizer/spm_module/bksdm_spm.h"

namespace bksdm {
namespace {

struct SpmModule {
  decltype(&bksdm_spm_create) create = nullptr;
  decltype(&bksdm_spm_encode) encode = nullptr;
  decltype(&bksdm_spm_destroy) destroy = nullptr;
};

std::vector<std::filesystem::path> module_candidates() {
  if (const char* overridden = std::getenv("BKSDM_SPM_MODULE"); overridden && *overridden) return {overridden};
  std::error_code error;
  const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  const std::filesystem::path dir = error ? std::filesystem::current_path() : executable.parent_path();
  std::vector<std::filesystem::path> candidates = {dir / BKSDM_SPM_MODULE_NAME,
                                                   dir / BKSDM_SPM_INSTALL_RELDIR / BKSDM_SPM_MODULE_NAME};
  const std::filesystem::path plain_lib = dir / ".." / "lib" / "bksdm" / BKSDM_SPM_MODULE_NAME;
  if (plain_lib.lexically_normal() != candidates.back().lexically_normal()) candidates.push_back(plain_lib);
  return candidates;
}

void* symbol(void* handle, const char* name, const std::filesystem::path& path) {
  void* address = dlsym(handle, name);
  if (address == nullptr)
    throw Error(path.string() + ": not a sentencepiece module of this build (no " + name + ")");
  return address;
}

SpmModule open_module() {
  std::string looked_in;
  for (const std::filesystem::path& path : module_candidates()) {
    looked_in += "\n  " + path.lexically_normal().string();
    if (!std::filesystem::exists(path)) continue;
    // Its own protobuf must stay its own: local symbols, resolved within the module first.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (handle == nullptr) throw Error("cannot load the sentencepiece module " + path.string() + ": " + dlerror());
    const auto abi_version =
        reinterpret_cast<decltype(&bksdm_spm_abi_version)>(symbol(handle, "bksdm_spm_abi_version", path));
    if (abi_version() != BKSDM_SPM_ABI_VERSION) {
      throw Error(path.string() + ": a sentencepiece module of another build (interface version " +
                  std::to_string(abi_version()) + ", expected " + std::to_string(BKSDM_SPM_ABI_VERSION) + ")");
    }
    // Never closed: sentencepiece's protobuf state lives as long as the process.
    return {reinterpret_cast<decltype(&bksdm_spm_create)>(symbol(handle, "bksdm_spm_create", path)),
            reinterpret_cast<decltype(&bksdm_spm_encode)>(symbol(handle, "bksdm_spm_encode", path)),
            reinterpret_cast<decltype(&bksdm_spm_destroy)>(symbol(handle, "bksdm_spm_destroy", path))};
  }
  throw Error(std::string("the sentencepiece module ") + BKSDM_SPM_MODULE_NAME +
              " was not found; looked in:" + looked_in + "\n(set BKSDM_SPM_MODULE to its path)");
}

// Opened once; a failed attempt is retried by the next caller.
const SpmModule& spm_module() {
  static const SpmModule module = open_module();
  return module;
}

}  // namespace

SentencePieceProcessor::SentencePieceProcessor(const std::string& serialized_model_proto) {
  char error[1024] = "";
  spm_ = spm_module().create(serialized_model_proto.data(), serialized_model_proto.size(), error, sizeof error);
  if (spm_ == nullptr) throw Error(std::string("sentencepiece rejected the model: ") + error);
}

SentencePieceProcessor::~SentencePieceProcessor() { spm_module().destroy(spm_); }

void SentencePieceProcessor::encode(std::string_view text, std::vector<int>& ids) const {
  const size_t offset = ids.size();
  // A BPE never yields more pieces than the text has bytes.
  ids.resize(offset + text.size());
  const int count =
      spm_module().encode(spm_, text.data(), text.size(), ids.data() + offset, static_cast<int>(text.size()));
  if (count < 0 || static_cast<size_t>(count) > text.size()) {
    ids.resize(offset);
    throw Error("sentencepiece failed to encode \"" + std::string(text) + "\"");
  }
  ids.resize(offset + count);
}

}  // namespace bksdm
