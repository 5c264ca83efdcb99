#pragma once
#include <CLI/CLI.hpp>

#include "core/generation/generation_request.h"

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

}  // namespace bksdm::cli
