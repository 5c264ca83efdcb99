#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/io/error.h"
#include "core/io/utf8.h"
#include "core/loading/model_folder.h"
#include "core/generation/generation_request.h"
#include "core/prompt/prompt_chunks.h"
#include "core/prompt/prompt_schedule.h"
#include "core/tokenizer/clip_tokenizer.h"

namespace bksdm::cli {
namespace {

struct Settings {
  std::string model;
  std::string text;
  const CLI::Option* text_given = nullptr;
  PromptSyntax syntax = PromptSyntax::A1111;
  int steps = kDefaultSteps;
};

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

// The text a token spells, its bytes in hex when it holds part of a character.
std::string spelled_text(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return std::string(bytes);
  std::string hex;
  for (char byte : bytes) {
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\x%02X", static_cast<uint8_t>(byte));
    hex += escaped;
  }
  return hex;
}

// For a person: the cleaned text, then each token with its id, piece and the text it spells.
void print_tokens(const ClipTokenizer& tokenizer, const std::string& text) {
  const TokenizedPrompt prompt = tokenizer.encode_for_model(text);
  std::printf("cleaned: %s\n", prompt.cleaned_text.c_str());
  std::printf("%5s  %6s  %-20s %s\n", "index", "id", "piece", "text");
  std::printf("%5d  %6d  %s\n", 0, tokenizer.bos_id(), tokenizer.piece(tokenizer.bos_id()).c_str());
  for (size_t k = 0; k < prompt.tokens.size(); ++k) {
    const PromptToken& token = prompt.tokens[k];
    const std::string spelled = spelled_text(
        std::string_view(prompt.cleaned_text).substr(token.bytes.begin, token.bytes.end - token.bytes.begin));
    const bool cut = static_cast<int>(k) >= prompt.kept_tokens;
    std::printf("%5zu  %6d  %-20s %s%s\n", k + 1, token.id, token.piece.c_str(), spelled.c_str(),
                cut ? "  (cut)" : "");
  }
  std::printf("%5zu  %6d  %s\n", prompt.tokens.size() + 1, tokenizer.eos_id(),
              tokenizer.piece(tokenizer.eos_id()).c_str());
  std::printf("%zu tokens, %d fit", prompt.tokens.size(), prompt.kept_tokens);
  if (prompt.truncated_tokens > 0) std::printf("; cut: \"%s\"", prompt.truncated_text.c_str());
  std::printf("\n");
}

// One chunk of 77: each token up to the first end token with its weight, then how many fill it.
void print_chunk(const ClipTokenizer& tokenizer, const PromptChunk& chunk, size_t number) {
  std::printf("chunk %zu:\n%5s  %6s  %-20s %s\n", number, "index", "id", "piece", "weight");
  size_t k = 0;
  for (; k < chunk.ids.size(); ++k) {
    std::printf("%5zu  %6d  %-20s %g\n", k, chunk.ids[k], tokenizer.piece(chunk.ids[k]).c_str(), chunk.weights[k]);
    if (k > 0 && chunk.ids[k] == tokenizer.eos_id()) break;
  }
  if (k + 1 < chunk.ids.size()) std::printf("%5s  then %zu filler tokens\n", "", chunk.ids.size() - k - 1);
}

// For a person, in A1111's language: the prompt's schedule over `steps`, then each text's chunks
// with every token's weight.
void print_a1111(const ClipTokenizer& tokenizer, const std::string& text, int steps) {
  const std::vector<ScheduledText> schedule = prompt_schedule(text, steps);
  int first = 1;
  for (const ScheduledText& entry : schedule) {
    const ChunkedPrompt chunked = chunk_prompt(tokenizer, entry.text);
    std::printf("steps %d-%d of %d: \"%s\", %zu chunk(s), %d tokens\n", first, entry.end_step, steps,
                entry.text.c_str(), chunked.chunks.size(), chunked.token_count);
    for (size_t c = 0; c < chunked.chunks.size(); ++c) print_chunk(tokenizer, chunked.chunks[c], c + 1);
    first = entry.end_step + 1;
  }
}

int tokenize(const Settings& settings) {
  const ModelFolder model = ModelFolder::open(settings.model);
  const auto tokenizer = ClipTokenizer::load(model.component_dir("tokenizer"));
  if (settings.text_given->count() > 0 && settings.syntax == PromptSyntax::A1111) {
    print_a1111(*tokenizer, settings.text, settings.steps);
  } else if (settings.text_given->count() > 0) {
    print_tokens(*tokenizer, settings.text);
  } else {
    tokenize_json_lines(*tokenizer);
  }
  return 0;
}

}  // namespace

Command add_tokenize(CLI::App& bksdm) {
  CLI::App* command = bksdm.add_subcommand("tokenize", "CLIP token ids of prompts (JSON lines or --text)");
  auto settings = std::make_shared<Settings>();
  command->add_option("--model", settings->model, "model folder or cached Hugging Face repo id")
      ->required()
      ->type_name("MODEL");
  settings->text_given = command->add_option("--text", settings->text, "one prompt, shown token by token for a person")
                             ->check(utf8_text());
  std::map<std::string, PromptSyntax> syntaxes;
  for (const auto& [syntax, name] : kPromptSyntaxNames) syntaxes.emplace(name, syntax);
  command->add_option("--prompt-syntax", settings->syntax, "with --text: a1111 shows chunks, weights and the schedule")
      ->transform(CLI::CheckedTransformer(syntaxes))
      ->default_str(std::string(prompt_syntax_name(settings->syntax)));
  command->add_option("--steps", settings->steps, "with --text: the steps a prompt's editing is laid onto")
      ->check(CLI::Range(1, kMaxSteps))
      ->capture_default_str();
  command->footer("Without --text: one {\"text\": \"...\"} JSON line in, one {\"ids\": [...]} line out.");
  return {command, [settings] { return tokenize(*settings); }};
}

}  // namespace bksdm::cli
