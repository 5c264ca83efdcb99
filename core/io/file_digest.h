#pragma once
#include <filesystem>
#include <string>

namespace bksdm {

// The sha256 of the whole file, lowercase hex (A1111's hash of checkpoints, VAEs and embeddings).
// An unreadable file is a bksdm::Error naming it.
std::string file_sha256(const std::filesystem::path& file);

// The sha256 of a safetensors file's tensor data, after its 8-byte length and JSON header, lowercase
// hex: the "addnet" hash A1111 gives LoRAs, unchanged when only the metadata is edited.
std::string safetensors_data_sha256(const std::filesystem::path& file);

// A1111's short forms of a hash: 10 hex digits for checkpoints and VAEs, 12 for LoRAs and embeddings.
inline std::string a1111_short_hash(const std::string& sha256, size_t digits) { return sha256.substr(0, digits); }

}  // namespace bksdm
