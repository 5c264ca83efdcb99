// Model folders and the Hugging Face cache from hostile file trees. One input describes a tree, one
// entry a line:
//   dir PATH             a folder
//   file PATH CONTENT    a regular file holding the rest of the line
//   link PATH TARGET     a symbolic link (to anything: a loop, a folder, /dev/zero, ...)
//   fifo PATH            a named pipe, which blocks whoever opens it to read
//   rev REVISION         a revision to resolve besides "main"
// PATH is relative and stays inside the tree: its folders are made where missing, and a line whose
// folders are not all real folders (a link to "/", say: the target would write outside the tree)
// or whose entry exists already (a FIFO: writing a file into it would block) is skipped. The tree is made afresh in a scratch folder: `hub/` is the cache (HF_HUB_CACHE), in which
// the repo "org/name" is `hub/models--org--name`, and `model/` is a folder opened by path. Every
// reader of the engine's model folders then runs on it: each must succeed or throw bksdm::Error,
// never block, and every path it gives lies inside the folder it was asked about.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/loading/model_folder.h"
#include "core/tokenizer/clip_bpe_files.h"
#include "fuzz/fuzz_support.h"

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kRepoId = "org/name";
const char* const kComponents[] = {"unet", "vae", "text_encoder", "tokenizer", "scheduler"};

// PATH lexically below `base` (base itself does not count).
bool is_inside(const fs::path& path, const fs::path& base) {
  const fs::path relative = path.lexically_normal().lexically_relative(base.lexically_normal());
  return !relative.empty() && *relative.begin() != ".." && *relative.begin() != ".";
}

bool is_tree_path(const fs::path& path) {
  if (path.empty() || path.is_absolute()) return false;
  for (const fs::path& part : path)
    if (part == ".." || part == "." || part.empty()) return false;
  return true;
}

// Makes root/FOLDERS a folder by folders, never through a link; false where a part is not a folder.
bool make_real_folders(const fs::path& root, const fs::path& folders) {
  fs::path at = root;
  std::error_code error;
  for (const fs::path& part : folders) {
    at /= part;
    const fs::file_status status = fs::symlink_status(at, error);
    if (!fs::exists(status) && !fs::create_directory(at, error)) return false;
    if (fs::exists(status) && !fs::is_directory(status)) return false;
  }
  return true;
}

// One line of the description made real; lines that do not describe an entry are skipped.
void make_entry(const fs::path& root, std::string_view line, std::vector<std::string>& revisions) {
  const size_t kind_end = line.find(' ');
  if (kind_end == std::string_view::npos) return;
  const std::string_view kind = line.substr(0, kind_end);
  std::string_view rest = line.substr(kind_end + 1);
  if (kind == "rev") {
    revisions.emplace_back(rest);
    return;
  }
  const size_t path_end = rest.find(' ');
  const fs::path relative(std::string(rest.substr(0, path_end)));
  const std::string argument(path_end == std::string_view::npos ? "" : rest.substr(path_end + 1));
  if (!is_tree_path(relative) || !make_real_folders(root, relative.parent_path())) return;
  const fs::path path = root / relative;
  std::error_code error;
  if (fs::exists(fs::symlink_status(path, error))) return;
  if (kind == "dir") {
    fs::create_directories(path, error);
  } else if (kind == "file") {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << argument;
  } else if (kind == "link") {
    fs::create_symlink(argument, path, error);
  } else if (kind == "fifo") {
    (void)::mkfifo(path.c_str(), 0600);
  }
}

std::vector<std::string> make_tree(const fs::path& root, std::string_view description) {
  std::vector<std::string> revisions = {"main"};
  std::error_code ignored;
  fs::remove_all(root, ignored);
  fs::create_directories(root / "hub");
  std::istringstream lines{std::string(description)};
  for (std::string line; std::getline(lines, line);) make_entry(root, line, revisions);
  return revisions;
}

template <typename Read>
void expect_error_or(Read&& read) {
  try {
    read();
  } catch (const bksdm::Error&) {
  }
}

// Every file the folder's readers give or open, each of which must lie inside the folder.
void read_components(const bksdm::ModelFolder& folder) {
  const fs::path root = folder.root();
  for (const char* component : kComponents) {
    expect_error_or([&] {
      if (!is_inside(folder.component_dir(component), root)) std::abort();
    });
    expect_error_or([&] { (void)folder.config(component); });
    expect_error_or([&] {
      const fs::path weights = folder.weights(component);
      if (!is_inside(weights, root)) std::abort();
      (void)bksdm::SafetensorsFile::open(weights);
    });
  }
  expect_error_or([&] { (void)bksdm::read_clip_bpe_files(folder.component_dir("tokenizer")); });
  expect_error_or([&] { (void)bksdm::read_json_file(root / "model_index.json"); });
}

void open_and_read(const std::string& model, const fs::path& expected_inside) {
  expect_error_or([&] {
    const bksdm::ModelFolder folder = bksdm::ModelFolder::open(model);
    if (!is_inside(folder.root(), expected_inside) && folder.root() != expected_inside) std::abort();
    read_components(folder);
    read_components(folder.with_variant("fp16"));
  });
}

void resolve_revisions(const fs::path& cache, const std::vector<std::string>& revisions) {
  const fs::path snapshots = cache / "models--org--name" / "snapshots";
  for (const std::string& revision : revisions) {
    expect_error_or([&] {
      const std::optional<fs::path> snapshot = bksdm::hf_cached_snapshot(cache, kRepoId, revision);
      // One folder of snapshots/, named by the commit: never the cache itself or a path beside it.
      if (snapshot && snapshot->lexically_normal().parent_path() != snapshots.lexically_normal()) std::abort();
    });
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bksdm::fuzz::ScratchDir scratch("model-folder");
  const fs::path root = scratch.path() / "tree";
  const fs::path cache = root / "hub";
  static const int set_cache = ::setenv("HF_HUB_CACHE", cache.c_str(), 1);
  (void)set_cache;
  const std::vector<std::string> revisions = make_tree(root, bksdm::fuzz::as_text(data, size));
  resolve_revisions(cache, revisions);
  open_and_read(std::string(kRepoId), cache / "models--org--name" / "snapshots");
  open_and_read((root / "model").string(), root / "model");
  return 0;
}
