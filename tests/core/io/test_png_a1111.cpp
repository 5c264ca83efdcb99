// AUTOMATIC1111's `parameters` text: writing, parsing (real A1111 output included) and round trips.
#include <gtest/gtest.h>

#include "core/io/a1111_parameters.h"
#include "core/io/png.h"
#include "core/schedulers/scheduler_table.h"

using bksdm::A1111Parameters;
using Settings = std::vector<std::pair<std::string, std::string>>;

namespace {

A1111Parameters run_parameters(std::string prompt, std::string negative) {
  return {std::move(prompt), std::move(negative), {{"Steps", "50"}, {"Sampler", "PNDM"}, {"Seed", "1234"}}};
}

TEST(A1111Parameters, SpellsNumbersAsPython) {
  EXPECT_EQ(bksdm::a1111_number(7), "7.0");
  EXPECT_EQ(bksdm::a1111_number(12.25), "12.25");
  EXPECT_EQ(bksdm::a1111_number(0.1), "0.1");
  EXPECT_EQ(bksdm::a1111_number(1e-5), "1e-05");
}

TEST(A1111Parameters, NamesSamplersAsA1111) {
  const std::vector<std::pair<const char*, const char*>> names = {
      {"pndm", "PNDM"},       {"ddim", "DDIM"},         {"euler", "Euler"},
      {"euler_a", "Euler a"}, {"dpmpp_2m", "DPM++ 2M"}, {"dpmpp_2m_karras", "DPM++ 2M Karras"}};
  for (const auto& [scheduler, sampler] : names) {
    EXPECT_EQ(bksdm::a1111_sampler_name(scheduler), sampler);
    EXPECT_EQ(bksdm::a1111_scheduler({"p", "", {{"Sampler", sampler}}}), scheduler);
  }
  EXPECT_EQ(bksdm::a1111_scheduler({"p", "", {{"Sampler", "DPM++ 2M"}, {"Schedule type", "Karras"}}}),
            "dpmpp_2m_karras");
  EXPECT_EQ(bksdm::a1111_scheduler({"p", "", {{"Sampler", "Euler a"}, {"Schedule type", "Automatic"}}}), "euler_a");
  // Every scheduler of the engine's table reads back from the label written for it.
  for (const bksdm::SchedulerEntry& entry : bksdm::kSchedulers)
    EXPECT_EQ(bksdm::a1111_scheduler({"p", "", {{"Sampler", bksdm::a1111_sampler_name(entry.name)}}}), entry.name);
  EXPECT_EQ(bksdm::a1111_scheduler({"p", "", {{"Sampler", "LMS"}}}), "");
  EXPECT_EQ(bksdm::a1111_scheduler({"p", "", {}}), "");
}

TEST(A1111Parameters, RoundTripsUnicodeMultiLineAndAwkwardValues) {
  A1111Parameters parameters = run_parameters(
      "\xe6\xa1\x9c\xe3\x81\xae\xe6\x9c\xa8\xe3\x81\xae\xe4\xb8\x8b\xe3\x81\xae\xe7\x8c\xab \xf0\x9f\x90\x88\n"
      "oil painting, (detailed:1.2)\n\nby Katsushika Hokusai",
      "blurry\nlow quality, caf\xc3\xa9 \"noir\"");
  parameters.settings.emplace_back("Note", "commas, colons: and \"quotes\"\nand a newline");
  parameters.settings.emplace_back("Emoji", "\xf0\x9f\x8c\xb8");
  const std::string text = bksdm::format_a1111_parameters(parameters);
  const A1111Parameters parsed = bksdm::parse_a1111_parameters(text);
  EXPECT_EQ(parsed.prompt, parameters.prompt);
  EXPECT_EQ(parsed.negative_prompt, parameters.negative_prompt);
  EXPECT_EQ(parsed.settings, parameters.settings);
  // And through a PNG's text chunk (iTXt, since it is not Latin-1).
  const std::string png = bksdm::encode_png({1, 1, {0, 0, 0}}, {{"parameters", text}});
  EXPECT_EQ(bksdm::parse_a1111_parameters(bksdm::parse_png_text(png, "memory").at(0).text).prompt, parameters.prompt);
}

// What A1111 1.6 writes for a txt2img run with hires fix and LoRA.
TEST(A1111Parameters, ParsesRealA1111Output) {
  const A1111Parameters parsed = bksdm::parse_a1111_parameters(
      "masterpiece, best quality, 1girl, (cherry blossoms:1.2), looking at viewer, <lora:add_detail:0.5>\n"
      "Negative prompt: lowres, bad anatomy, (worst quality:1.4), easynegative\n"
      "Steps: 20, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1234567890, Size: 512x768, Model hash: 6ce0161689, "
      "Model: v1-5-pruned-emaonly, Denoising strength: 0.7, Clip skip: 2, Hires upscale: 2, Hires upscaler: Latent, "
      "Lora hashes: \"add_detail: 7c6bad76eb54\", TI hashes: \"easynegative: c74b4e810b03\", Version: v1.6.0");
  EXPECT_EQ(parsed.prompt,
            "masterpiece, best quality, 1girl, (cherry blossoms:1.2), looking at viewer, <lora:add_detail:0.5>");
  EXPECT_EQ(parsed.negative_prompt, "lowres, bad anatomy, (worst quality:1.4), easynegative");
  EXPECT_EQ(parsed.settings, (Settings{{"Steps", "20"},
                                       {"Sampler", "DPM++ 2M Karras"},
                                       {"CFG scale", "7"},
                                       {"Seed", "1234567890"},
                                       {"Size", "512x768"},
                                       {"Model hash", "6ce0161689"},
                                       {"Model", "v1-5-pruned-emaonly"},
                                       {"Denoising strength", "0.7"},
                                       {"Clip skip", "2"},
                                       {"Hires upscale", "2"},
                                       {"Hires upscaler", "Latent"},
                                       {"Lora hashes", "add_detail: 7c6bad76eb54"},
                                       {"TI hashes", "easynegative: c74b4e810b03"},
                                       {"Version", "v1.6.0"}}));
  EXPECT_EQ(bksdm::a1111_scheduler(parsed), "dpmpp_2m_karras");
  ASSERT_NE(parsed.setting("Seed"), nullptr);
  EXPECT_EQ(*parsed.setting("Seed"), "1234567890");
  EXPECT_EQ(parsed.setting("Eta"), nullptr);
}

// A1111 1.9: the schedule type on its own; an ADetailer prompt quoted with an escaped newline.
TEST(A1111Parameters, ParsesNewerA1111OutputAndQuotedExtensions) {
  const A1111Parameters parsed = bksdm::parse_a1111_parameters(
      "portrait of an old sailor\n"
      "Steps: 30, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 6.5, Seed: 42, Size: 832x1216, "
      "ADetailer model: face_yolov8n.pt, ADetailer prompt: \"wrinkles, beard,\\nblue eyes\", Version: v1.9.3");
  EXPECT_EQ(parsed.prompt, "portrait of an old sailor");
  EXPECT_EQ(parsed.negative_prompt, "");
  EXPECT_EQ(bksdm::a1111_scheduler(parsed), "dpmpp_2m_karras");
  ASSERT_NE(parsed.setting("ADetailer prompt"), nullptr);
  EXPECT_EQ(*parsed.setting("ADetailer prompt"), "wrinkles, beard,\nblue eyes");
  EXPECT_EQ(parsed.settings.back(), (std::pair<std::string, std::string>{"Version", "v1.9.3"}));
}

TEST(A1111Parameters, NegativePromptSpansLines) {
  const A1111Parameters parsed = bksdm::parse_a1111_parameters(
      "a cat\r\n  on a mat  \nNegative prompt:   ugly\ndeformed\n\nSteps: 30, Sampler: Euler a, CFG scale: 5.5, Seed: "
      "1, "
      "Size: 640x448\n");
  EXPECT_EQ(parsed.prompt, "a cat\non a mat");
  EXPECT_EQ(parsed.negative_prompt, "ugly\ndeformed\n");
  EXPECT_EQ(parsed.settings.size(), 5u);
  EXPECT_EQ(bksdm::a1111_scheduler(parsed), "euler_a");
}

// A last line with fewer than three "key: value" pairs is prompt text, as in A1111.
TEST(A1111Parameters, ShortLastLineBelongsToThePrompt) {
  const A1111Parameters parsed = bksdm::parse_a1111_parameters("a photo\nstyle: moody, light: soft");
  EXPECT_EQ(parsed.prompt, "a photo\nstyle: moody, light: soft");
  EXPECT_TRUE(parsed.settings.empty());
  EXPECT_EQ(bksdm::parse_a1111_parameters("").prompt, "");
  EXPECT_EQ(bksdm::parse_a1111_parameters("Negative prompt: only").negative_prompt, "only");
}

TEST(A1111Parameters, OddSettingsLinesStillParse) {
  // Spaces around values are kept as A1111 keeps them, a value that is not valid JSON stays as
  // written, and text that is not "key: value" is skipped.
  const A1111Parameters parsed =
      bksdm::parse_a1111_parameters("p\nSteps: 20 , junk, Sampler:Euler, Odd: \"unterminated, Seed: 3");
  EXPECT_EQ(parsed.settings,
            (Settings{{"Steps", "20 "}, {"Sampler", "Euler"}, {"Odd", "\"unterminated"}, {"Seed", "3"}}));
}

}  // namespace
