#include "core/tokenizer/clip_bpe_files.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/io/error.h"

namespace bksdm {
namespace {

// CLIP's tokenizers read at most this many merges (49152 - 256 - 2), whatever the file holds.
constexpr size_t kMaxMerges = 48894;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot read the file (missing?)");
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

nlohmann::json parse_json_file(const std::filesystem::path& path) {
  const std::string text = read_file(path);
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    const auto before = text.substr(0, std::min<size_t>(error.byte, text.size()));
    const size_t line = 1 + std::count(before.begin(), before.end(), '\n');
    throw Error(path.string() + " line " + std::to_string(line) + ": malformed JSON (" + error.what() + ")");
  }
}

std::vector<std::string> read_vocab(const std::filesystem::path& path) {
  const nlohmann::json json = parse_json_file(path);
  if (!json.is_object() || json.empty()) throw Error(path.string() + ": expected a JSON object of piece -> id");
  std::vector<std::string> vocab(json.size());
  std::vector<bool> taken(json.size());
  for (const auto& [piece, id] : json.items()) {
    if (!id.is_number_integer() || id.get<int64_t>() < 0 || id.get<uint64_t>() >= vocab.size()) {
      throw Error(path.string() + ": piece \"" + piece + "\" has id " + id.dump() + "; ids must be 0.." +
                  std::to_string(vocab.size() - 1));
    }
    const auto index = id.get<size_t>();
    if (taken[index]) {
      throw Error(path.string() + ": pieces \"" + vocab[index] + "\" and \"" + piece + "\" share id " + id.dump());
    }
    taken[index] = true;
    vocab[index] = piece;
  }
  return vocab;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(std::move(line));
  return lines;
}

std::vector<std::string> split_whitespace(const std::string& line) {
  std::vector<std::string> words;
  std::istringstream in(line);
  for (std::string word; in >> word;) words.push_back(std::move(word));
  return words;
}

bool is_blank(const std::string& line) { return split_whitespace(line).empty(); }

void read_merges(const std::filesystem::path& path, const std::unordered_map<std::string, int>& ids,
                 ClipBpeFiles& files) {
  const std::vector<std::string> lines = split_lines(read_file(path));
  // The first line is a header ("#version: 0.2"), skipped unread as CLIP does; so are blank lines
  // at either end of the file.
  size_t first = 0;
  while (first < lines.size() && is_blank(lines[first])) ++first;
  size_t last = lines.size();
  while (last > first && is_blank(lines[last - 1])) --last;
  for (size_t index = first + 1; index < last && files.merges.size() < kMaxMerges; ++index) {
    const std::string where = path.string() + " line " + std::to_string(index + 1);
    const std::vector<std::string> parts = split_whitespace(lines[index]);
    if (parts.size() != 2) throw Error(where + ": expected two pieces separated by a space, got \"" + lines[index] + "\"");
    for (const std::string& part : parts) {
      if (!ids.count(part)) throw Error(where + ": piece \"" + part + "\" is not in vocab.json");
    }
    const std::string joined = parts[0] + parts[1];
    const auto result = ids.find(joined);
    if (result == ids.end()) {
      throw Error(where + ": the merged piece \"" + joined + "\" is not in vocab.json");
    }
    files.merges.emplace_back(parts[0], parts[1]);
    files.merge_ids.push_back(result->second);
  }
  if (files.merges.empty()) throw Error(path.string() + ": no merges");
}

// A special token as transformers writes it: a string, or an object with its "content".
std::optional<std::string> special_token(const nlohmann::json& config, const std::string& key) {
  if (!config.is_object() || !config.contains(key)) return std::nullopt;
  const nlohmann::json& token = config[key];
  if (token.is_string()) return token.get<std::string>();
  if (token.is_object() && token.contains("content") && token["content"].is_string()) {
    return token["content"].get<std::string>();
  }
  return std::nullopt;
}

// special_tokens_map.json wins over tokenizer_config.json, as transformers resolves them (SD 2.x
// names "<|endoftext|>" in the config but pads with "!" from the map).
int resolve_special_token(const std::filesystem::path& dir, const std::string& key, const std::string& fallback,
                          const std::unordered_map<std::string, int>& ids) {
  for (const char* file : {"special_tokens_map.json", "tokenizer_config.json"}) {
    const std::filesystem::path path = dir / file;
    if (!std::filesystem::exists(path)) continue;
    if (const std::optional<std::string> token = special_token(parse_json_file(path), key)) {
      const auto it = ids.find(*token);
      if (it == ids.end()) throw Error(path.string() + ": " + key + " \"" + *token + "\" is not in vocab.json");
      return it->second;
    }
  }
  const auto it = ids.find(fallback);
  if (it == ids.end()) throw Error((dir / "vocab.json").string() + ": has no \"" + fallback + "\" (" + key + ")");
  return it->second;
}

}  // namespace

ClipBpeFiles read_clip_bpe_files(const std::filesystem::path& tokenizer_dir) {
  ClipBpeFiles files;
  files.vocab = read_vocab(tokenizer_dir / "vocab.json");
  std::unordered_map<std::string, int> ids;
  ids.reserve(files.vocab.size());
  for (size_t id = 0; id < files.vocab.size(); ++id) ids.emplace(files.vocab[id], static_cast<int>(id));
  read_merges(tokenizer_dir / "merges.txt", ids, files);
  files.bos_id = resolve_special_token(tokenizer_dir, "bos_token", "<|startoftext|>", ids);
  files.eos_id = resolve_special_token(tokenizer_dir, "eos_token", "<|endoftext|>", ids);
  files.pad_id = resolve_special_token(tokenizer_dir, "pad_token", "<|endoftext|>", ids);
  return files;
}

}  // namespace bksdm
