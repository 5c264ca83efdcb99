#pragma once
#include <filesystem>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace bksdm {

// Writes the concatenated `parts` to `path` through a hidden temporary file in the same folder,
// synced and renamed over it: the file appears whole or not at all, and a failure (full disk,
// read-only folder) is a bksdm::Error naming the file that leaves any old file as it was.
void write_file_atomically(const std::filesystem::path& path, const std::vector<std::string_view>& parts);

}  // namespace bksdm
