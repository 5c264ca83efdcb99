#include "core/loading/model_folder.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/io/excerpt.h"
#include "core/io/file_read.h"
#include "core/io/json_text.h"
#include "core/io/pickle_file.h"
#include "core/io/safetensors.h"
#include "core/io/utf8.h"
#include "core/loading/single_file_configs.h"

namespace fs = std::filesystem;

namespace bksdm {
namespace {

std::string env_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// A repo id is "owner/name" with the characters the Hub allows.
bool looks_like_repo_id(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == text.size()) return false;
  if (text.find('/', slash + 1) != std::string_view::npos) return false;
  for (char c : text)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/')) return false;
  return true;
}

// A checkpoint file rather than a folder or repo id: a file there, or a name ending in .safetensors.
bool is_single_file(const fs::path& path) {
  std::error_code error;
  return fs::is_regular_file(path, error) || path.extension() == ".safetensors";
}

bool is_existing_directory(const fs::path& path) {
  std::error_code error;
  return fs::is_directory(path, error);
}

// The component's files ending in ".safetensors", with and without the variant infix.
std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    // Links count even when broken (a loop, a missing blob), so that opening one names it and why.
    if (it->is_symlink(error) || it->is_regular_file(error)) files.push_back(it->path());
  }
  if (error) throw Error(dir.string() + ": cannot list: " + error.message());
  std::sort(files.begin(), files.end());
  return files;
}

// A commit as a snapshot folder's name: huggingface_hub writes 40 hex digits; any plain word of
// letters and digits is taken, and nothing that could lead out of snapshots/.
bool is_commit_name(std::string_view text) {
  return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c));
  });
}

// A branch or tag name as a file under refs/: no empty, "." or ".." part, so it stays inside.
bool is_ref_name(std::string_view name) {
  if (name.empty()) return false;
  for (const fs::path& part : fs::path(name))
    if (part.empty() || part == "." || part == ".." || part == "/") return false;
  return fs::path(name).is_relative();
}

// The commit a revision names in a cached repo: a ref's file under refs/, which must hold a commit
// (huggingface_hub writes its hash, without a newline), or else a commit named directly.
std::optional<std::string> resolve_revision(const fs::path& repo, std::string_view revision) {
  if (!is_ref_name(revision)) throw Error(std::string(revision) + ": not a commit or a branch or tag name");
  const fs::path ref = repo / "refs" / std::string(revision);
  std::error_code error;
  if (!fs::exists(fs::symlink_status(ref, error)))
    return is_commit_name(revision) ? std::optional<std::string>(revision) : std::nullopt;
  std::string commit = read_regular_file(ref, kRefFile);
  while (!commit.empty() && (commit.back() == '\n' || commit.back() == '\r')) commit.pop_back();
  if (!is_commit_name(commit))
    throw Error(ref.string() + ": should hold a commit hash, not \"" + excerpt(commit) + "\"");
  return commit;
}

}  // namespace

nlohmann::json read_json_file(const fs::path& path) {
  return parse_json(read_regular_file(path, kConfigFile), path.string());
}

fs::path hf_hub_cache() {
  if (auto cache = env_or_empty("HF_HUB_CACHE"); !cache.empty()) return cache;
  if (auto home = env_or_empty("HF_HOME"); !home.empty()) return fs::path(home) / "hub";
  if (auto xdg = env_or_empty("XDG_CACHE_HOME"); !xdg.empty()) return fs::path(xdg) / "huggingface" / "hub";
  return fs::path(env_or_empty("HOME")) / ".cache" / "huggingface" / "hub";
}

std::optional<fs::path> hf_cached_snapshot(const fs::path& cache, std::string_view repo_id,
                                           std::string_view revision) {
  std::string folder = "models--" + std::string(repo_id);
  for (size_t at = folder.find('/'); at != std::string::npos; at = folder.find('/', at))
    folder.replace(at, 1, "--");
  const fs::path repo = cache / folder;
  const std::optional<std::string> commit = resolve_revision(repo, revision);
  if (!commit) return std::nullopt;
  const fs::path snapshot = repo / "snapshots" / *commit;
  std::error_code error;
  const bool is_folder = fs::is_directory(snapshot, error);
  if (error && error != std::errc::no_such_file_or_directory)
    throw Error(snapshot.string() + ": the cached snapshot cannot be opened: " + error.message());
  if (!is_folder) return std::nullopt;
  return snapshot;
}

ModelFolder ModelFolder::open(std::string_view model, std::string variant) {
  ModelFolder folder;
  folder.variant_ = std::move(variant);
  const fs::path as_path(model);
  if (is_existing_directory(as_path)) {
    folder.root_ = fs::absolute(as_path).lexically_normal();
    const fs::path named = folder.root_.filename().empty() ? folder.root_.parent_path() : folder.root_;
    folder.name_ = path_text(named.filename());
  } else if (is_single_file(as_path)) {
    return open_single_file(as_path, "");
  } else if (looks_like_repo_id(model)) {
    const fs::path cache = hf_hub_cache();
    auto snapshot = hf_cached_snapshot(cache, model);
    if (!snapshot)
      throw Error(std::string(model) + ": no such folder, and not in the Hugging Face cache at " + cache.string() +
                  " (download it first)");
    folder.root_ = *snapshot;
    folder.repo_id_ = std::string(model);
    folder.name_ = std::string(model.substr(model.find('/') + 1));
  } else {
    throw Error(std::string(model) + ": no such model folder");
  }
  const fs::path index = folder.root_ / "model_index.json";
  std::error_code error;
  if (!fs::exists(index, error)) {
    if (error) throw Error(index.string() + ": " + error.message());
    throw Error(folder.root_.string() + ": not a diffusers model folder (model_index.json is missing)");
  }
  return folder;
}

ModelFolder ModelFolder::open_single_file(const fs::path& file, std::string_view config) {
  std::error_code error;
  if (!fs::is_regular_file(file, error)) {
    const std::string kind = special_file_kind(file);
    throw Error(file.string() + (kind.empty() ? ": no such file" : ": is " + kind + ", not a regular file"));
  }
  if (is_pickle_file(file)) throw Error(pickle_refusal(file));
  ModelFolder folder = config.empty() ? with_inferred_configs(file) : open(config);
  folder.single_file_ = fs::absolute(file).lexically_normal();
  folder.name_ = path_text(file.stem());
  folder.repo_id_.reset();
  return folder;
}

ModelFolder ModelFolder::with_inferred_configs(const fs::path& file) {
  const auto weights = SafetensorsFile::open(file);
  check_single_file_checkpoint(*weights);
  const bool sd2 = is_sd2_single_file(*weights);
  const std::vector<std::string>& repos = family_repos(sd2);
  const auto cached = std::find_if(repos.begin(), repos.end(),
                                   [cache = hf_hub_cache()](const std::string& repo) { return hf_cached_snapshot(cache, repo); });
  if (cached == repos.end())
    throw Error(file.string() + ": an " + (sd2 ? "SD 2.x" : "SD 1.x") +
                " checkpoint; its tokenizer and scheduler come from a model of its family in the Hugging Face cache (" +
                repos.front() + " or a BK-SDM model made from it), and none is there: download one, or give the "
                "folder of the model it was made from with --config");
  ModelFolder folder = open(*cached);
  folder.configs_["unet"] = single_file_unet_config(*weights, folder.config("unet")).dump();
  folder.configs_["vae"] = single_file_vae_config(*weights, folder.config("vae")).dump();
  folder.configs_["text_encoder"] = single_file_text_encoder_config(*weights, folder.config("text_encoder")).dump();
  return folder;
}

fs::path ModelFolder::component_dir(std::string_view component) const {
  const fs::path dir = root_ / std::string(component);
  if (!is_existing_directory(dir)) throw Error(root_.string() + ": the '" + std::string(component) + "' folder is missing");
  return dir;
}

ModelFolder ModelFolder::with_variant(std::string variant) const {
  ModelFolder folder = *this;
  folder.variant_ = std::move(variant);
  return folder;
}

nlohmann::json ModelFolder::config(std::string_view component) const {
  if (const auto inferred = configs_.find(std::string(component)); inferred != configs_.end())
    return parse_json(inferred->second, single_file_.string() + " (the " + std::string(component) + " config its tensors imply)");
  const char* file = component == "scheduler" ? "scheduler_config.json" : "config.json";
  return read_json_file(component_dir(component) / file);
}

fs::path ModelFolder::weights(std::string_view component) const {
  if (!single_file_.empty()) return single_file_;
  const fs::path dir = component_dir(component);
  const std::vector<fs::path> files = files_in(dir);
  const std::string wanted_suffix = variant_.empty() ? ".safetensors" : "." + variant_ + ".safetensors";
  auto find_ending = [&](const std::string& suffix, bool allow_variant_infix) -> std::optional<fs::path> {
    for (const fs::path& file : files) {
      const std::string name = file.filename().string();
      if (name.size() < suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
      const std::string stem = name.substr(0, name.size() - suffix.size());
      if (allow_variant_infix || stem.find('.') == std::string::npos) return file;
    }
    return std::nullopt;
  };
  if (auto file = find_ending(wanted_suffix, !variant_.empty())) return *file;
  if (auto file = find_ending(".safetensors", false)) return *file;  // no file of that variant: the plain one
  if (auto file = find_ending(".safetensors", true)) return *file;   // only a variant (e.g. an fp16 download)
  for (const fs::path& file : files)
    if (is_pickle_file(file))
      throw Error(dir.string() + ": only pickle weights (" + file.filename().string() +
                  ") here; they are refused because loading a pickle can run arbitrary code. Convert them to "
                  "safetensors (e.g. diffusers' save_pretrained(..., safe_serialization=True)) or download the "
                  "repo's .safetensors files");
  throw Error(dir.string() + ": no .safetensors weights file");
}

}  // namespace bksdm
