#include <cstdio>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/io/error.h"
#include "core/loading/model_folder.h"
#include "core/tokenizer/clip_tokenizer.h"

namespace bksdm::cli {
namespace {

// One JSON line {"ids": [...]} per input line {"text": "..."}: start and end included, nothing
// padded or cut. Each answer is flushed, so a program can converse line by line.
void tokenize_json_lines(const ClipTokenizer& tokenizer) {
  std::string line;
  for (int number = 1; std::getline(std::cin, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json request;
    try {
      request = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& error) {
      throw Error("input line " + std::to_string(number) + ": malformed JSON (" + error.what() + ")");
    }
    if (!request.is_object() || !request.contains("text") || !request["text"].is_string()) {
      throw Error("input line " + std::to_string(number) + ": expected {\"text\": \"...\"}");
    }
    const nlohmann::json answer = {{"ids", tokenizer.encode(request["text"].get<std::string>())}};
    std::cout << answer.dump() << std::endl;
  }
}

// For a person: the cleaned text, then each token with its id and piece.
void print_tokens(const ClipTokenizer& tokenizer, const std::string& text) {
  const TokenizedPrompt prompt = tokenizer.encode_for_model(text);
  std::printf("cleaned: %s\n", prompt.cleaned_text.c_str());
  std::printf("%5s  %6s  %s\n", "index", "id", "piece");
  std::printf("%5d  %6d  %s\n", 0, tokenizer.bos_id(), tokenizer.piece(tokenizer.bos_id()).c_str());
  for (size_t k = 0; k < prompt.tokens.size(); ++k) {
    const PromptToken& token = prompt.tokens[k];
    const bool cut = static_cast<int>(k) >= prompt.kept_tokens;
    std::printf("%5zu  %6d  %s%s\n", k + 1, token.id, token.piece.c_str(), cut ? "  (cut)" : "");
  }
  std::printf("%5zu  %6d  %s\n", prompt.tokens.size() + 1, tokenizer.eos_id(), tokenizer.piece(tokenizer.eos_id()).c_str());
  std::printf("%zu tokens, %d fit", prompt.tokens.size(), prompt.kept_tokens);
  if (prompt.truncated_tokens > 0) std::printf("; cut: \"%s\"", prompt.truncated_text.c_str());
  std::printf("\n");
}

}  // namespace

int tokenize(const std::vector<std::string>& words) {
  const Args args(words, {"model", "text"}, {});
  if (!args.positional().empty()) throw Error("usage: bksdm tokenize --model MODEL [--text TEXT] (else JSON lines on stdin)");
  const ModelFolder model = ModelFolder::open(args.require("model"));
  const auto tokenizer = ClipTokenizer::load(model.component_dir("tokenizer"));
  if (const auto text = args.get("text")) {
    print_tokens(*tokenizer, *text);
  } else {
    tokenize_json_lines(*tokenizer);
  }
  return 0;
}

}  // namespace bksdm::cli
