#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace bksdm {

// A diffusers-format model folder (`model_index.json`, one sub-folder per component), found either
// as a path or as a Hugging Face repo id in the local Hugging Face cache.
class ModelFolder {
 public:
  // `model` is a folder path, or a repo id such as "nota-ai/bk-sdm-v2-tiny" looked up in the cache
  // ($HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub). `variant` ("fp16") prefers
  // `*.VARIANT.safetensors` weight files where present.
  static ModelFolder open(std::string_view model, std::string variant = "");
  // A checkpoint in one .safetensors file (the CompVis/LDM layout of A1111 and Civitai) with the
  // configs, tokenizer and scheduler of `config`: a diffusers folder or cached repo id, as open()
  // takes, of the model the file was made from or one of its layout. Without one, the tokenizer
  // and scheduler of a cached model of the file's family (family_repos), and the components'
  // configs that model's adjusted to what the file's tensors imply; open() takes a file so.
  static ModelFolder open_single_file(const std::filesystem::path& file, std::string_view config);

  const std::filesystem::path& root() const { return root_; }
  // A short display name: the repo's name ("bk-sdm-v2-tiny") or the folder's name, as valid UTF-8
  // (path_text) since it goes into PNG text and JSON.
  const std::string& name() const { return name_; }
  const std::optional<std::string>& repo_id() const { return repo_id_; }
  const std::string& variant() const { return variant_; }
  // The same folder preferring `*.VARIANT.safetensors` weight files.
  ModelFolder with_variant(std::string variant) const;

  std::filesystem::path component_dir(std::string_view component) const;
  // The component's config (`config.json`, or `scheduler_config.json` for the scheduler).
  nlohmann::json config(std::string_view component) const;
  // The component's safetensors weights (the single file, for one); refuses pickle-only components
  // with a message saying why.
  std::filesystem::path weights(std::string_view component) const;
  // The single-file checkpoint all weights come from; empty for a folder's own.
  const std::filesystem::path& single_file() const { return single_file_; }

 private:
  std::filesystem::path root_;
  std::string name_;
  std::optional<std::string> repo_id_;
  std::string variant_;
  std::filesystem::path single_file_;
  std::map<std::string, std::string> configs_;  // component -> the config a single file implies (JSON)

  static ModelFolder with_inferred_configs(const std::filesystem::path& file);
};

// Reads a JSON file; a missing or malformed file is a bksdm::Error naming it.
nlohmann::json read_json_file(const std::filesystem::path& path);

// The Hugging Face hub cache folder, as huggingface_hub decides it.
std::filesystem::path hf_hub_cache();
// The snapshot folder of `repo_id` in `cache` named by refs/REVISION, or nullopt when absent.
std::optional<std::filesystem::path> hf_cached_snapshot(const std::filesystem::path& cache,
                                                        std::string_view repo_id,
                                                        std::string_view revision = "main");

}  // namespace bksdm
