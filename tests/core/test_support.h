#pragma once
// What the core tests share: the fixtures, error capture, temporary folders, the bksdm binary.
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/loading/model_folder.h"

namespace bksdm::testing {

inline const std::filesystem::path kFixtures = BKSDM_FIXTURES_DIR;
inline const std::filesystem::path kRealConfigs = kFixtures.parent_path() / "model-configs";
inline const std::filesystem::path kBksdm = std::filesystem::path(BKSDM_BIN_DIR) / "bksdm";
inline const std::vector<std::string> kFixtureModels{"sd-v1-4-mini",        "bk-sdm-tiny-mini",
                                                     "sd-v2-1-base-mini",   "bk-sdm-v2-base-mini",
                                                     "bk-sdm-v2-small-mini", "bk-sdm-v2-tiny-mini"};

inline ModelFolder fixture_model(const std::string& name) {
  return ModelFolder::open((kFixtures / "models" / name).string());
}

// ‖actual − expected‖ / ‖expected‖, the fixtures' measure for tensors.
inline double relative_error(const at::Tensor& actual, const at::Tensor& expected) {
  return ((actual - expected).norm() / expected.norm()).item<double>();
}

// The message of the bksdm::Error that `action` throws, or "(no error)".
inline std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.what();
  }
  return "(no error)";
}

// A fresh folder, removed with everything in it when the object goes.
class TempDir {
 public:
  explicit TempDir(const std::string& tag = "test") {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("bksdm-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  // A writable copy of a fixture model, to break.
  std::filesystem::path copy_fixture_model(const std::string& name) const {
    const auto target = path_ / name;
    std::filesystem::copy(kFixtures / "models" / name, target, std::filesystem::copy_options::recursive);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(target))
      std::filesystem::permissions(entry.path(), std::filesystem::perms::owner_write,
                                   std::filesystem::perm_options::add);
    return target;
  }

 private:
  std::filesystem::path path_;
};

inline std::string read_file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// `text` as one word to the shell, whatever it holds.
inline std::string shell_quoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs `bksdm ARGUMENTS` through the shell; its exit status, with stderr in `*error_text` and
// stdout in `*output_text` (else the test's own).
inline int run_bksdm(const std::string& arguments, std::string* error_text = nullptr,
                     std::string* output_text = nullptr) {
  TempDir dir("run");
  const std::string command = kBksdm.string() + " " + arguments + " 2>" + (dir / "stderr").string() +
                              (output_text ? " >" + (dir / "stdout").string() : "");
  const int status = std::system(command.c_str());
  if (error_text) *error_text = read_file_text(dir / "stderr");
  if (output_text) *output_text = read_file_text(dir / "stdout");
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Rewrites a weights file with one tensor replaced by what `change` makes of it.
inline void edit_tensor(const std::filesystem::path& path, const std::string& name,
                        const std::function<at::Tensor(at::Tensor)>& change) {
  std::vector<std::pair<std::string, at::Tensor>> tensors;
  {
    const auto file = SafetensorsFile::open(path);
    for (const TensorInfo& info : file->tensors()) {
      const at::Tensor tensor = file->tensor(info.name).clone();
      tensors.emplace_back(info.name, info.name == name ? change(tensor) : tensor);
    }
  }
  write_safetensors(path, tensors);
}

// A NaN in the first element of a (floating-point) tensor of a weights file.
inline void put_a_nan(const std::filesystem::path& path, const std::string& name) {
  edit_tensor(path, name, [](at::Tensor t) {
    t.view(-1)[0] = NAN;
    return t;
  });
}

}  // namespace bksdm::testing
