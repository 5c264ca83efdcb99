#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace bksdm {

// A CLIP tokenizer folder as transformers saves it: vocab.json, merges.txt and the special tokens
// of special_tokens_map.json / tokenizer_config.json, checked for consistency.
struct ClipBpeFiles {
  std::vector<std::string> vocab;                           // piece by id, byte-mapped ("cat</w>")
  std::vector<std::pair<std::string, std::string>> merges;  // by rank
  std::vector<int> merge_ids;                               // the id of each merge's joined piece
  int bos_id = 0;
  int eos_id = 0;
  int unk_id = 0;
  int pad_id = 0;
};

// Throws bksdm::Error naming the file (and line) at fault.
ClipBpeFiles read_clip_bpe_files(const std::filesystem::path& tokenizer_dir);

}  // namespace bksdm
