#pragma once
#include <filesystem>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace bksdm {

// Writes the concatenated `parts` to `path` through a hidden temporary file in the same folder,
// synced and renamed over it: the file appears whole or not at all, and a failure (full disk,
// read-only folder) is a bksdm::Error naming the file that leaves any old file as it was. A
// symbolic link is written through: its final target gets the new file and the link stays. Only a
// regular file is ever replaced: a device, FIFO, socket or folder at `path` (or at the link's
// target) is an Error, and stays as it was.
void write_file_atomically(const std::filesystem::path& path, const std::vector<std::string_view>& parts);

// Throws the Error that writing `path` would end in, where it can be known without writing: an
// empty path, a folder or special file there, a missing or read-only folder (or, with
// `may_create_folder`, no writable folder above it to create it in). For checking an output before
// minutes of work.
void check_output_path(const std::filesystem::path& path, bool may_create_folder = false);

}  // namespace bksdm
