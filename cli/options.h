#pragma once
#include <CLI/CLI.hpp>

#include "core/generation/generation_request.h"
#include "core/loading/model_folder.h"

// What the sub-commands' options share, so that each value is checked before any work and refused
// in the same words by every command.
namespace bksdm::cli {

// A number that is neither NaN nor infinite.
CLI::Validator finite_number();
// A denoising strength: above 0 (no step would run), at most 1.
CLI::Validator strength_value();
// Image sizes: the VAE halves them three times.
CLI::Validator positive_multiple_of_8();
// From `fewest` to the cores of this machine: more threads than cores only contend for them.
CLI::Validator thread_count(int fewest);
// Prompts and other text handed to the tokenizer and written into PNG text chunks.
CLI::Validator utf8_text();
// An image file name: PNG is the only format written.
CLI::Validator png_file();

// --model and --config, for every command that loads a model: a model folder, a cached Hugging Face
// repo id, or a single-file checkpoint with the model whose configs, tokenizer and scheduler it takes.
struct ModelChoice {
  std::string model;
  std::string config;
  ModelFolder open(const std::string& variant = "") const;
};
void add_model_options(CLI::App& command, ModelChoice& choice);

}  // namespace bksdm::cli
