#include "core/prompt/prompt_schedule.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <set>
#include <utility>

#include "core/prompt/python_text.h"
#include "core/tokenizer/unicode_text.h"

namespace bksdm {
namespace {

// Recursion stops here; deeper brackets are left as text.
constexpr int kMaxNesting = 100;

// What A1111's lark grammar makes of a prompt, as far as the text at a step depends on it.
struct Node {
  enum class Kind { text, group, scheduled, alternate };
  Kind kind = Kind::text;
  std::string text;                      // text: plain text, or a bracket or colon taken as text
  std::vector<std::vector<Node>> parts;  // group: its content, brackets included; scheduled: from,
                                         // to; alternate: the options
  int end_step = 0;                      // scheduled: the last step of `from`
  std::vector<PromptMark> marks;         // scheduled, alternate: where its own syntax is written
};
using Sequence = std::vector<Node>;

Node text_node(std::string_view text) { return {Node::Kind::text, std::string(text), {}, 0, {}}; }

void append(Sequence& to, Sequence from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// A bracket pair the grammar matched that edits nothing by itself: "(x)", "(x:y)", "[x]". It stays
// one node because an alternation's option is only its first node.
Node group_node(char open, Sequence inside, char close) {
  Sequence content{text_node(std::string_view(&open, 1))};
  append(content, std::move(inside));
  content.push_back(text_node(std::string_view(&close, 1)));
  return {Node::Kind::group, "", {std::move(content)}, 0, {}};
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// A1111: a `when` below 1 is a fraction of the steps; the end is int(when), at most `steps`.
// Python's int() truncates toward zero and raises for infinities and NaN: +inf is past `steps`
// anyway, -inf and NaN become the lowest step.
int end_step_of(double when, int steps) {
  if (when < 1) when *= steps;
  if (when >= steps) return steps;
  if (!(when > INT_MIN)) return INT_MIN;
  return static_cast<int>(when);
}

// A recursive descent over A1111's grammar:
//   start: (prompt | /[][():]/+)*
//   prompt: (emphasized | scheduled | alternate | plain | WHITESPACE)*
//   emphasized: "(" prompt ")" | "(" prompt ":" prompt ")" | "[" prompt "]"
//   scheduled: "[" [prompt ":"] prompt ":" [WHITESPACE] NUMBER "]"
//   alternate: "[" prompt ("|" prompt)+ "]"
//   plain: /([^\\\[\]():|]|\\.)+/
// Plain text is taken whole, as lark's lexer does. A bracket pair that could also be loose
// characters is read as the pair. Lark's Earley parser picks among such readings by its own
// order, and sometimes takes the loose characters where an edit touches a stray bracket or colon
// ("x [a:b:2]] y", "([a:b:2]):" are text to A1111); this does not follow it there.
class ScheduleGrammar {
 public:
  ScheduleGrammar(std::string_view text, int steps) : text_(text), steps_(steps) {}

  // The prompt as `start`, or nullopt where the grammar rejects it.
  std::optional<Sequence> parse() const {
    Sequence nodes;
    for (size_t pos = 0; pos < text_.size();) {
      if (std::optional<Node> group = parse_group(pos, 0)) {
        nodes.push_back(std::move(*group));
      } else if (std::string_view("[]():").find(text_[pos]) != std::string_view::npos) {
        nodes.push_back(text_node(text_.substr(pos++, 1)));
      } else {
        const size_t end = plain_end(pos);
        if (end == pos) return std::nullopt;  // "|", or a backslash escaping nothing
        nodes.push_back(text_node(text_.substr(pos, end - pos)));
        pos = end;
      }
    }
    return nodes;
  }

 private:
  char at(size_t pos) const { return pos < text_.size() ? text_[pos] : '\0'; }

  // Where the `plain` starting at `pos` ends (`pos` if none starts there).
  size_t plain_end(size_t pos) const {
    while (pos < text_.size()) {
      const char c = text_[pos];
      if (c == '\\') {
        if (pos + 1 == text_.size() || text_[pos + 1] == '\n') break;  // `.` takes no newline
        pos += 2;
      } else if (std::string_view("[]():|").find(c) != std::string_view::npos) {
        break;
      } else {
        ++pos;
      }
    }
    return pos;
  }

  // `prompt`: nodes up to the first character none of them can take.
  Sequence parse_prompt(size_t& pos, int depth) const {
    Sequence nodes;
    while (pos < text_.size()) {
      if (std::optional<Node> group = parse_group(pos, depth)) {
        nodes.push_back(std::move(*group));
        continue;
      }
      const size_t end = plain_end(pos);
      if (end == pos) break;
      nodes.push_back(text_node(text_.substr(pos, end - pos)));
      pos = end;
    }
    return nodes;
  }

  // A bracket pair the grammar matches at `pos`; `pos` moves past it only if there is one.
  std::optional<Node> parse_group(size_t& pos, int depth) const {
    const char open = at(pos);
    if ((open != '(' && open != '[') || depth >= kMaxNesting) return std::nullopt;
    size_t end = pos + 1;
    Sequence first = parse_prompt(end, depth + 1);
    std::optional<Node> group = open == '(' ? finish_round(std::move(first), end, depth + 1)
                                            : finish_square(std::move(first), end, depth + 1);
    if (!group) return std::nullopt;
    if (!group->marks.empty()) group->marks.insert(group->marks.begin(), {pos, pos + 1, group->marks.front().kind, 1.0});
    pos = end;
    return group;
  }

  // "(" first ")" or "(" first ":" prompt ")".
  std::optional<Node> finish_round(Sequence first, size_t& pos, int depth) const {
    if (at(pos) == ')') {
      ++pos;
      return group_node('(', std::move(first), ')');
    }
    if (at(pos) != ':') return std::nullopt;
    first.push_back(text_node(":"));
    append(first, parse_prompt(++pos, depth));
    if (at(pos) != ')') return std::nullopt;
    ++pos;
    return group_node('(', std::move(first), ')');
  }

  // "[" first "]", an alternation "[" first "|" ... "]", or an edit "[" first ":" ... "]".
  std::optional<Node> finish_square(Sequence first, size_t& pos, int depth) const {
    if (at(pos) == ']') {
      ++pos;
      return group_node('[', std::move(first), ']');
    }
    if (at(pos) == '|') return finish_alternate(std::move(first), pos, depth);
    if (at(pos) != ':') return std::nullopt;
    const size_t first_colon = pos++;
    if (std::optional<int> end = parse_when(pos))
      return Node{Node::Kind::scheduled, "", {{}, std::move(first)}, *end, {edit_mark(first_colon, pos)}};
    Sequence second = parse_prompt(pos, depth);
    if (at(pos) != ':') return std::nullopt;
    const size_t second_colon = pos++;
    std::optional<int> end = parse_when(pos);
    if (!end) return std::nullopt;
    return Node{Node::Kind::scheduled,
                "",
                {std::move(first), std::move(second)},
                *end,
                {edit_mark(first_colon, first_colon + 1), edit_mark(second_colon, pos)}};
  }

  std::optional<Node> finish_alternate(Sequence first, size_t& pos, int depth) const {
    Node alternate{Node::Kind::alternate, "", {std::move(first)}, 0, {}};
    while (at(pos) == '|') {
      alternate.marks.push_back({pos, pos + 1, PromptMark::Kind::alternation, 1.0});
      alternate.parts.push_back(parse_prompt(++pos, depth));
    }
    if (at(pos) != ']') return std::nullopt;
    alternate.marks.push_back({pos, pos + 1, PromptMark::Kind::alternation, 1.0});
    ++pos;
    return alternate;
  }

  static PromptMark edit_mark(size_t begin, size_t end) { return {begin, end, PromptMark::Kind::edit, 1.0}; }

  // [WHITESPACE] NUMBER "]" at `pos`, as an end step; `pos` moves past it only if it is there.
  std::optional<int> parse_when(size_t& pos) const {
    size_t start = pos;
    while (start < text_.size()) {
      size_t next = start;
      if (!unicode::is_space(python_text::next_char(text_, next))) break;
      start = next;
    }
    const size_t end = number_end(start);
    if (end == start || at(end) != ']') return std::nullopt;
    pos = end + 1;
    return end_step_of(python_text::ascii_float(text_.substr(start, end - start)), steps_);
  }

  // Where lark's SIGNED_NUMBER starting at `pos` ends: [+-] then 1, 1., 1.5 or .5, then e[+-]7.
  size_t number_end(size_t pos) const {
    size_t end = pos;
    if (at(end) == '+' || at(end) == '-') ++end;
    const size_t integer = end;
    while (is_ascii_digit(at(end))) ++end;
    bool has_digits = end > integer;
    if (at(end) == '.') {
      size_t fraction = end + 1;
      while (is_ascii_digit(at(fraction))) ++fraction;
      if (has_digits || fraction > end + 1) {
        has_digits = true;
        end = fraction;
      }
    }
    if (!has_digits) return pos;
    if (at(end) == 'e' || at(end) == 'E') {
      size_t exponent = end + 1;
      if (at(exponent) == '+' || at(exponent) == '-') ++exponent;
      const size_t exponent_digits = exponent;
      while (is_ascii_digit(at(exponent))) ++exponent;
      if (exponent > exponent_digits) end = exponent;
    }
    return end;
  }

  std::string_view text_;
  int steps_;
};

// Every step where a node's text changes after: each edit's end, and each step when an
// alternation is there.
void collect_end_steps(const Sequence& nodes, std::set<int>& ends, bool& alternates) {
  for (const Node& node : nodes) {
    if (node.kind == Node::Kind::scheduled) ends.insert(node.end_step);
    if (node.kind == Node::Kind::alternate) alternates = true;
    for (const Sequence& part : node.parts) collect_end_steps(part, ends, alternates);
  }
}

void render(const Sequence& nodes, int step, std::string& out);

void collect_marks(const Sequence& nodes, std::vector<PromptMark>& marks) {
  for (const Node& node : nodes) {
    marks.insert(marks.end(), node.marks.begin(), node.marks.end());
    for (const Sequence& part : node.parts) collect_marks(part, marks);
  }
}

void render(const Node& node, int step, std::string& out) {
  switch (node.kind) {
    case Node::Kind::text:
      out += node.text;
      break;
    case Node::Kind::group:
      render(node.parts[0], step, out);
      break;
    case Node::Kind::scheduled:
      render(node.parts[step <= node.end_step ? 0 : 1], step, out);
      break;
    case Node::Kind::alternate: {
      // Option (step - 1) mod n, Python's modulo; A1111 takes only the option's first node.
      const auto count = static_cast<long long>(node.parts.size());
      const Sequence& option = node.parts[static_cast<size_t>(((step - 1LL) % count + count) % count)];
      if (!option.empty()) render(option.front(), step, out);
      break;
    }
  }
}

void render(const Sequence& nodes, int step, std::string& out) {
  for (const Node& node : nodes) render(node, step, out);
}

}  // namespace

std::vector<ScheduledText> prompt_schedule(std::string_view text, int steps) {
  const std::optional<Sequence> nodes = ScheduleGrammar(text, steps).parse();
  if (!nodes) return {{steps, std::string(text)}};
  std::set<int> ends{steps};
  bool alternates = false;
  collect_end_steps(*nodes, ends, alternates);
  for (int step = 1; alternates && step <= steps; ++step) ends.insert(step);
  std::vector<ScheduledText> schedule;
  for (int end : ends) {
    schedule.push_back({end, ""});
    render(*nodes, end, schedule.back().text);
  }
  return schedule;
}

std::vector<PromptMark> edit_marks(std::string_view text) {
  std::vector<PromptMark> marks;
  if (const std::optional<Sequence> nodes = ScheduleGrammar(text, 1).parse()) collect_marks(*nodes, marks);
  std::sort(marks.begin(), marks.end(), [](const PromptMark& a, const PromptMark& b) { return a.begin < b.begin; });
  return marks;
}

size_t schedule_entry(const std::vector<ScheduledText>& schedule, int iteration) {
  for (size_t i = 0; i < schedule.size(); ++i) {
    if (iteration <= schedule[i].end_step) return i;
  }
  return schedule.empty() ? 0 : schedule.size() - 1;
}

}  // namespace bksdm
