#include "cli/options.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <thread>

#include "core/io/utf8.h"

namespace bksdm::cli {

ModelFolder ModelChoice::open(const std::string& variant) const {
  return config.empty() ? ModelFolder::open(model, variant) : ModelFolder::open_single_file(model, config);
}

void add_model_options(CLI::App& command, ModelChoice& choice) {
  command.add_option("--model", choice.model,
                     "model folder, cached Hugging Face repo id, or single-file checkpoint (.safetensors, the "
                     "CompVis/LDM layout of A1111 and Civitai) with --config")
      ->required()
      ->type_name("MODEL");
  command.add_option("--config", choice.config,
                     "for a single-file --model: the model folder or cached repo id whose configs, tokenizer and "
                     "scheduler it takes (the one it was made from, e.g. CompVis/stable-diffusion-v1-4)")
      ->type_name("MODEL");
}

CLI::Validator finite_number() {
  return CLI::Validator(
      [](std::string& input) {
        double value = 0;
        if (CLI::detail::lexical_cast(input, value) && std::isfinite(value)) return std::string();
        return "Value " + input + " is not a finite number";
      },
      "FINITE");
}

CLI::Validator strength_value() {
  return CLI::Validator(
      [](std::string& input) {
        double value = 0;
        if (CLI::detail::lexical_cast(input, value) && value > 0 && value <= 1) return std::string();
        return "Value " + input + " is not above 0 and at most 1";
      },
      "(0, 1]");
}

CLI::Validator positive_multiple_of_8() {
  return CLI::Validator(
      [](std::string& input) {
        int value = 0;
        if (CLI::detail::lexical_cast(input, value) && value > 0 && value % 8 == 0) return std::string();
        return "Value " + input + " is not a positive multiple of 8";
      },
      "a positive multiple of 8");
}

CLI::Validator thread_count(int fewest) {
  const int cores = int(std::thread::hardware_concurrency());  // 0 when unknown: no upper bound
  const std::string least = std::to_string(fewest), most = std::to_string(cores);
  return CLI::Validator(
      [fewest, cores, least, most](std::string& input) {
        int value = 0;
        if (CLI::detail::lexical_cast(input, value) && value >= fewest && (cores == 0 || value <= cores))
          return std::string();
        if (cores == 0) return "Value " + input + " is not a whole number of at least " + least;
        return "Value " + input + " not in range " + least + " to " + most + " (this machine has " + most + " cores)";
      },
      cores > 0 ? "INT in [" + least + " - " + most + "]" : "INT >= " + least);
}

CLI::Validator utf8_text() {
  return CLI::Validator(
      [](std::string& input) { return is_valid_utf8(input) ? std::string() : std::string("not valid UTF-8 text"); },
      "UTF-8");
}

CLI::Validator png_file() {
  return CLI::Validator(
      [](std::string& input) {
        if (input.empty()) return std::string("an empty file name");
        std::string extension = std::filesystem::path(input).extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        if (extension == ".png") return std::string();
        return input + " does not end in .png: only PNG images are written";
      },
      "FILE.png");
}

}  // namespace bksdm::cli
