#include "core/prompt/prompt_attention.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "core/prompt/python_text.h"
#include "core/tokenizer/unicode_text.h"

namespace bksdm {
namespace {

constexpr double kRoundFactor = 1.1;
constexpr double kSquareFactor = 1 / 1.1;
constexpr double kMaxWeight = 10;  // the issue's limit; A1111 has none
constexpr std::string_view kBreak = "BREAK";
constexpr std::string_view kSyntaxChars = "\\()[]:";

bool is_syntax_char(char c) { return kSyntaxChars.find(c) != std::string_view::npos; }

// `\bBREAK\b` at `pos`: no word character touches it on either side.
bool is_break_word_at(std::string_view run, size_t pos) {
  if (run.substr(pos, kBreak.size()) != kBreak) return false;
  size_t before = pos;
  if (pos > 0 && python_text::is_word_char(python_text::previous_char(run, before))) return false;
  size_t after = pos + kBreak.size();
  return after == run.size() || !python_text::is_word_char(python_text::next_char(run, after));
}

// Where the whitespace ending at `pos` begins, not before `floor`.
size_t skip_space_back(std::string_view run, size_t pos, size_t floor) {
  while (pos > floor) {
    size_t previous = pos;
    if (!unicode::is_space(python_text::previous_char(run, previous))) break;
    pos = previous;
  }
  return pos;
}

size_t skip_space(std::string_view run, size_t pos) {
  while (pos < run.size()) {
    size_t next = pos;
    if (!unicode::is_space(python_text::next_char(run, next))) break;
    pos = next;
  }
  return pos;
}

// A1111's re_break, `\s*\bBREAK\b\s*`: its first match at or after `from`, as [begin, end).
std::optional<std::pair<size_t, size_t>> find_break(std::string_view run, size_t from) {
  for (size_t pos = run.find(kBreak, from); pos != std::string_view::npos; pos = run.find(kBreak, pos + 1)) {
    if (is_break_word_at(run, pos)) {
      return std::pair{skip_space_back(run, pos, from), skip_space(run, pos + kBreak.size())};
    }
  }
  return std::nullopt;
}

// The w of "(x:w)", spelled `[+-]?[.\d]+`, if float() takes it (one point at most) and it lies
// within the limit.
std::optional<double> explicit_weight(std::string_view spelled) {
  const std::string ascii = python_text::ascii_digits(spelled);
  if (std::count(ascii.begin(), ascii.end(), '.') > 1 || ascii.find_first_of("0123456789") == std::string::npos) {
    return std::nullopt;
  }
  const double weight = python_text::ascii_float(ascii);
  if (weight < -kMaxWeight || weight > kMaxWeight) return std::nullopt;
  return weight;
}

// A1111's scan, one token of its re_attention at a time: the pieces so far, and each open bracket
// as the index of the first piece it covers.
class AttentionParser {
 public:
  explicit AttentionParser(std::string_view text) : text_(text) {}

  std::vector<WeightedText> parse() {
    read_all();
    if (pieces_.empty()) pieces_.push_back({"", 1.0});
    merge_equal_neighbours();
    return std::move(pieces_);
  }

  // The syntax read, then each piece of text that is weighted or a chunk break, where it is written.
  // Neighbouring pieces of one weight are one mark, as the parser merges them.
  std::vector<PromptMark> marks() {
    read_all();
    std::vector<PromptMark> marks = std::move(marks_);
    for (size_t i = 0; i < pieces_.size(); ++i) {
      const auto [begin, end] = spans_[i];
      const double weight = pieces_[i].weight;
      if (is_chunk_break(pieces_[i])) {
        marks.push_back({begin, end, PromptMark::Kind::chunk_break, 1.0});
      } else if (weight != 1.0 && begin < end) {
        if (!marks.empty() && marks.back().kind == PromptMark::Kind::weighted && marks.back().weight == weight &&
            marks.back().end == begin) {
          marks.back().end = end;
        } else {
          marks.push_back({begin, end, PromptMark::Kind::weighted, weight});
        }
      }
    }
    std::stable_sort(marks.begin(), marks.end(), [](const PromptMark& a, const PromptMark& b) { return a.begin < b.begin; });
    return marks;
  }

 private:
  void read_all() {
    while (pos_ < text_.size()) read_token();
    for (size_t start : round_) multiply_from(start, kRoundFactor);
    for (size_t start : square_) multiply_from(start, kSquareFactor);
  }

  void read_token() {
    const char c = text_[pos_];
    if (c == '\\') return read_escape();
    if (c == '(') return open(round_);
    if (c == '[') return open(square_);
    if (c == ':' && !round_.empty() && read_weight()) return;
    if (c == ')' && !round_.empty()) return close(round_, kRoundFactor, 1);
    if (c == ']' && !square_.empty()) return close(square_, kSquareFactor, 1);
    // An unmatched closer or a colon is text; so is everything up to the next syntax character.
    const size_t end = is_syntax_char(c) ? pos_ + 1 : std::min(text_.size(), text_.find_first_of(kSyntaxChars, pos_));
    add_run(text_.substr(pos_, end - pos_));
    pos_ = end;
  }

  // "\(" is "(", likewise ")", "[", "]" and "\"; a backslash before anything else is dropped (the
  // empty piece A1111 makes of it still separates pieces until they merge).
  void read_escape() {
    const bool escapes_next = pos_ + 1 < text_.size() && is_syntax_char(text_[pos_ + 1]) && text_[pos_ + 1] != ':';
    const size_t length = escapes_next ? 2 : 1;
    add_piece(escapes_next ? std::string(1, text_[pos_ + 1]) : std::string(), 1.0, pos_, pos_ + length);
    marks_.push_back({pos_, pos_ + length, PromptMark::Kind::escape, 1.0});
    pos_ += length;
  }

  // ":w)" closes the innermost round bracket with factor w. False, leaving the colon to be text,
  // when `[+-]?[.\d]+\)` does not follow or w is no number within the limit.
  bool read_weight() {
    size_t end = pos_ + 1;
    if (end < text_.size() && (text_[end] == '+' || text_[end] == '-')) ++end;
    const size_t digits = end;
    while (end < text_.size()) {
      size_t next = end;
      const char32_t c = python_text::next_char(text_, next);
      if (c != U'.' && !unicode::is_decimal(c)) break;
      end = next;
    }
    if (end == digits || end == text_.size() || text_[end] != ')') return false;
    const std::optional<double> weight = explicit_weight(text_.substr(pos_ + 1, end - pos_ - 1));
    if (!weight) return false;
    close(round_, *weight, end + 1 - pos_);
    return true;
  }

  void open(std::vector<size_t>& brackets) {
    brackets.push_back(pieces_.size());
    marks_.push_back({pos_, pos_ + 1, PromptMark::Kind::emphasis, 1.0});
    ++pos_;
  }

  void close(std::vector<size_t>& brackets, double factor, size_t length) {
    multiply_from(brackets.back(), factor);
    brackets.pop_back();
    marks_.push_back({pos_, pos_ + length, PromptMark::Kind::emphasis, 1.0});
    pos_ += length;
  }

  void add_piece(std::string text, double weight, size_t begin, size_t end) {
    pieces_.push_back({std::move(text), weight});
    spans_.emplace_back(begin, end);
  }

  // Each piece's weight times `factor`, one multiplication at a time as A1111 does, so that the
  // doubles come out the same.
  void multiply_from(size_t start, double factor) {
    for (size_t i = start; i < pieces_.size(); ++i) pieces_[i].weight *= factor;
  }

  // Text between syntax characters, split at each BREAK.
  void add_run(std::string_view run) {
    const size_t offset = static_cast<size_t>(run.data() - text_.data());
    size_t from = 0;
    for (auto found = find_break(run, from); found; found = find_break(run, from)) {
      add_piece(std::string(run.substr(from, found->first - from)), 1.0, offset + from, offset + found->first);
      const size_t word = run.find(kBreak, found->first);  // after the spaces it takes
      add_piece(std::string(kBreak), -1.0, offset + word, offset + word + kBreak.size());
      from = found->second;
    }
    add_piece(std::string(run.substr(from)), 1.0, offset + from, offset + run.size());
  }

  void merge_equal_neighbours() {
    std::vector<WeightedText> merged;
    for (WeightedText& piece : pieces_) {
      if (!merged.empty() && merged.back().weight == piece.weight) {
        merged.back().text += piece.text;
      } else {
        merged.push_back(std::move(piece));
      }
    }
    pieces_ = std::move(merged);
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::vector<WeightedText> pieces_;
  std::vector<std::pair<size_t, size_t>> spans_;  // where each piece is written, as [begin, end)
  std::vector<PromptMark> marks_;                 // the syntax read so far
  std::vector<size_t> round_;
  std::vector<size_t> square_;
};

}  // namespace

std::vector<WeightedText> parse_prompt_attention(std::string_view text) { return AttentionParser(text).parse(); }

std::vector<PromptMark> attention_marks(std::string_view text) { return AttentionParser(text).marks(); }

bool is_chunk_break(const WeightedText& piece) { return piece.text == kBreak && piece.weight == -1.0; }

}  // namespace bksdm
