#include "core/tokenizer/clip_bpe_files.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "core/io/error.h"
#include "core/io/excerpt.h"
#include "core/io/file_read.h"
#include "core/io/json_text.h"

namespace bksdm {
namespace {

// CLIP's tokenizers read at most this many merges (49152 - 256 - 2), whatever the file holds.
constexpr size_t kMaxMerges = 48894;

[[noreturn]] void throw_malformed_json(const std::filesystem::path& path, std::string_view text, size_t byte,
                                       const std::string& what) {
  const std::string_view before = text.substr(0, std::min(byte, text.size()));
  const size_t line = 1 + std::count(before.begin(), before.end(), '\n');
  throw Error(path.string() + " line " + std::to_string(line) + ": not valid JSON (" + excerpt(what, 120) + ")");
}

nlohmann::json parse_json_file(const std::filesystem::path& path) {
  return parse_json(read_regular_file(path, kTokenizerFile), path.string());
}

// Reads vocab.json's {"piece": id, ...} straight into a list by id, without a JSON tree: the
// vocabulary has some 49,000 entries and loading should stay quick.
class VocabReader : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit VocabReader(const std::filesystem::path& path) : path_(path) {}

  std::vector<std::string> vocab() {
    if (entries_.empty()) throw Error(path_.string() + ": expected a JSON object of piece -> id");
    std::vector<std::string> vocab(entries_.size());
    std::vector<bool> taken(entries_.size());
    for (auto& [piece, id] : entries_) {
      if (id < 0 || static_cast<uint64_t>(id) >= vocab.size()) {
        throw Error(path_.string() + ": piece \"" + excerpt(piece) + "\" has id " + std::to_string(id) +
                    "; ids must be 0.." + std::to_string(vocab.size() - 1));
      }
      if (taken[id]) {
        throw Error(path_.string() + ": pieces \"" + excerpt(vocab[id]) + "\" and \"" + excerpt(piece) + "\" share id " +
                    std::to_string(id));
      }
      taken[id] = true;
      vocab[id] = std::move(piece);
    }
    return vocab;
  }

  bool key(string_t& piece) override {
    key_ = std::move(piece);
    return true;
  }
  bool number_integer(number_integer_t id) override { return entry(id); }
  bool number_unsigned(number_unsigned_t id) override {
    return entry(static_cast<int64_t>(std::min<number_unsigned_t>(id, INT64_MAX)));
  }
  bool start_object(std::size_t) override { return ++depth_ == 1 || wrong_value("an object"); }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool null() override { return wrong_value("null"); }
  bool boolean(bool) override { return wrong_value("a boolean"); }
  bool number_float(number_float_t, const string_t&) override { return wrong_value("a fraction"); }
  bool string(string_t&) override { return wrong_value("a string"); }
  bool binary(binary_t&) override { return wrong_value("binary data"); }
  bool start_array(std::size_t) override { return wrong_value("an array"); }
  bool end_array() override { return false; }
  bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& error) override {
    error_byte_ = byte;
    error_ = error.what();
    return false;
  }
  std::size_t error_byte() const { return error_byte_; }
  const std::string& error() const { return error_; }

 private:
  bool entry(int64_t id) {
    if (depth_ != 1) return wrong_value("a number");
    entries_.emplace_back(std::move(key_), id);
    return true;
  }
  bool wrong_value(const char* what) const {
    const std::string where = depth_ == 0 ? "the top level" : "piece \"" + excerpt(key_) + "\"";
    throw Error(path_.string() + ": " + what + " at " + where + "; expected a JSON object of piece -> id");
  }

  std::filesystem::path path_;
  std::vector<std::pair<std::string, int64_t>> entries_;
  std::string key_;
  int depth_ = 0;
  std::size_t error_byte_ = 0;
  std::string error_;
};

std::vector<std::string> read_vocab(const std::filesystem::path& path) {
  const std::string text = read_regular_file(path, kTokenizerFile);
  VocabReader reader(path);
  if (!nlohmann::json::sax_parse(text, &reader))
    throw_malformed_json(path, text, reader.error_byte(), reader.error());
  return reader.vocab();
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t end = std::min(text.find('\n'), text.size());
    lines.push_back(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return lines;
}

// Python's str.split(): the words between runs of whitespace (the byte-level alphabet of the
// pieces has no whitespace beyond ASCII).
std::vector<std::string_view> split_whitespace(std::string_view line) {
  constexpr std::string_view kWhitespace = " \t\r\v\f";
  std::vector<std::string_view> words;
  for (size_t begin = line.find_first_not_of(kWhitespace); begin != std::string_view::npos;) {
    const size_t end = std::min(line.find_first_of(kWhitespace, begin), line.size());
    words.push_back(line.substr(begin, end - begin));
    begin = line.find_first_not_of(kWhitespace, end);
  }
  return words;
}

bool is_blank(std::string_view line) { return split_whitespace(line).empty(); }

void read_merges(const std::filesystem::path& path, const std::unordered_map<std::string, int>& ids,
                 ClipBpeFiles& files) {
  const std::string text = read_regular_file(path, kTokenizerFile);
  const std::vector<std::string_view> lines = split_lines(text);
  // The first line is a header ("#version: 0.2"), skipped unread as CLIP does; so are blank lines
  // at either end of the file.
  size_t first = 0;
  while (first < lines.size() && is_blank(lines[first])) ++first;
  size_t last = lines.size();
  while (last > first && is_blank(lines[last - 1])) --last;
  for (size_t index = first + 1; index < last && files.merges.size() < kMaxMerges; ++index) {
    auto where = [&] { return path.string() + " line " + std::to_string(index + 1); };
    const std::vector<std::string_view> parts = split_whitespace(lines[index]);
    if (parts.size() != 2) {
      throw Error(where() + ": expected two pieces separated by a space, got \"" + excerpt(lines[index]) + "\"");
    }
    for (std::string_view part : parts) {
      if (!ids.count(std::string(part)))
        throw Error(where() + ": piece \"" + excerpt(part) + "\" is not in vocab.json");
    }
    std::string joined(parts[0]);
    joined += parts[1];
    const auto result = ids.find(joined);
    if (result == ids.end()) {
      throw Error(where() + ": the merged piece \"" + excerpt(joined) + "\" is not in vocab.json");
    }
    files.merges.emplace_back(std::string(parts[0]), std::string(parts[1]));
    files.merge_ids.push_back(result->second);
  }
  if (files.merges.empty()) throw Error(path.string() + ": no merges");
}

// A special token as transformers writes it: a string, or an object with its "content"; null or
// absent leaves it to the next file.
std::optional<std::string> special_token(const std::filesystem::path& path, const nlohmann::json& config,
                                         const std::string& key) {
  if (!config.is_object()) throw Error(path.string() + ": expected a JSON object, not " + json_summary(config));
  if (!config.contains(key) || config[key].is_null()) return std::nullopt;
  const nlohmann::json& token = config[key];
  if (token.is_string()) return token.get<std::string>();
  if (token.is_object() && token.contains("content") && token["content"].is_string()) {
    return token["content"].get<std::string>();
  }
  throw Error(path.string() + ": " + key + " must be a string or an object with a \"content\" string, not " +
              json_summary(token));
}

// special_tokens_map.json wins over tokenizer_config.json, as transformers resolves them (SD 2.x
// names "<|endoftext|>" in the config but pads with "!" from the map).
int resolve_special_token(const std::filesystem::path& dir, const std::string& key, const std::string& fallback,
                          const std::unordered_map<std::string, int>& ids) {
  for (const char* file : {"special_tokens_map.json", "tokenizer_config.json"}) {
    const std::filesystem::path path = dir / file;
    std::error_code error;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, error))) continue;
    if (const std::optional<std::string> token = special_token(path, parse_json_file(path), key)) {
      const auto it = ids.find(*token);
      if (it == ids.end()) throw Error(path.string() + ": " + key + " \"" + excerpt(*token) + "\" is not in vocab.json");
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
  for (size_t id = 0; id < files.vocab.size(); ++id) {
    if (!ids.emplace(files.vocab[id], static_cast<int>(id)).second) {
      throw Error((tokenizer_dir / "vocab.json").string() + ": piece \"" + excerpt(files.vocab[id]) + "\" appears twice");
    }
  }
  read_merges(tokenizer_dir / "merges.txt", ids, files);
  files.bos_id = resolve_special_token(tokenizer_dir, "bos_token", "<|startoftext|>", ids);
  files.eos_id = resolve_special_token(tokenizer_dir, "eos_token", "<|endoftext|>", ids);
  files.unk_id = resolve_special_token(tokenizer_dir, "unk_token", "<|endoftext|>", ids);
  files.pad_id = resolve_special_token(tokenizer_dir, "pad_token", "<|endoftext|>", ids);
  return files;
}

}  // namespace bksdm
