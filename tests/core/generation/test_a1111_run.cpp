// One description of a run and its A1111 `parameters` text: A1111's layout, spelling and round trip.
#include <gtest/gtest.h>

#include "core/generation/a1111_run.h"

namespace {

using bksdm::A1111Parameters;
using bksdm::GenerationRequest;
using Settings = std::vector<std::pair<std::string, std::string>>;

GenerationRequest run(std::string prompt, std::string negative) {
  GenerationRequest request;
  request.prompt = std::move(prompt);
  request.negative_prompt = std::move(negative);
  request.steps = 50;
  request.scheduler = "pndm";
  request.guidance_scale = 7.5;
  request.seed = 1234;
  request.width = request.height = 512;
  request.model.name = "bk-sdm-v2-tiny";
  return request;
}

TEST(A1111Run, WritesA1111sLayout) {
  EXPECT_EQ(bksdm::format_a1111_parameters(bksdm::a1111_parameters(run("a black vase holding roses", "blurry, low quality"))),
            "a black vase holding roses\n"
            "Negative prompt: blurry, low quality\n"
            "Steps: 50, Sampler: PNDM, CFG scale: 7.5, Seed: 1234, Size: 512x512, Model: bk-sdm-v2-tiny");
  // No negative prompt, no line for it.
  EXPECT_EQ(bksdm::format_a1111_parameters(bksdm::a1111_parameters(run("roses", ""))),
            "roses\nSteps: 50, Sampler: PNDM, CFG scale: 7.5, Seed: 1234, Size: 512x512, Model: bk-sdm-v2-tiny");
}

// A1111's infotext for image 2 of a batch of 4 ends "..., Batch size: 4, Batch pos: 1".
TEST(A1111Run, ABatchImageSaysWhichOfTheBatchItIs) {
  GenerationRequest request = run("p", "");
  request.num_images = 4;
  const Settings batch = bksdm::a1111_parameters(request, 1).settings;
  ASSERT_EQ(batch.size(), 8u);
  EXPECT_EQ(batch[6], (std::pair<std::string, std::string>{"Batch size", "4"}));
  EXPECT_EQ(batch[7], (std::pair<std::string, std::string>{"Batch pos", "1"}));
  EXPECT_EQ(bksdm::a1111_parameters(run("p", "")).settings.size(), 6u);  // one image: no batch keys
}

// A1111 seeds image i of a batch with seed + i (and its variation seed with subseed + i) and says
// so in that image's text: the image is made again alone from its text.
TEST(A1111Run, APerImageBatchImageSaysItsOwnSeeds) {
  GenerationRequest request = run("p", "");
  request.num_images = 4;
  request.subseed = 10;
  request.subseed_strength = 0.1;
  const bksdm::A1111Reading read =
      bksdm::read_a1111_parameters(bksdm::parse_a1111_parameters(bksdm::format_a1111_parameters(bksdm::a1111_parameters(request, 3))));
  EXPECT_EQ(read.request.seed, 1234u + 3);
  EXPECT_EQ(read.request.subseed, 13u);
  EXPECT_EQ(read.request.batch_noise, bksdm::BatchNoise::PerImage);
  EXPECT_EQ(read.batch_pos, 3);
}

// A1111's img2img infotext carries the strength; the image itself is not in the text.
TEST(A1111Run, ARunFromAnImageSaysItsDenoisingStrength) {
  GenerationRequest request = run("p", "");
  request.init_image = {8, 8, std::vector<uint8_t>(8 * 8 * 3, 128)};
  request.strength = 0.6;
  const std::string text = bksdm::format_a1111_parameters(bksdm::a1111_parameters(request));
  EXPECT_NE(text.find(", Denoising strength: 0.6"), std::string::npos) << text;
  EXPECT_EQ(bksdm::read_a1111_parameters(bksdm::parse_a1111_parameters(text)).request.strength, 0.6);
  EXPECT_EQ(bksdm::format_a1111_parameters(bksdm::a1111_parameters(run("p", ""))).find("Denoising"), std::string::npos);
}

TEST(A1111Run, SettingsSpellNumbersAndSamplersLikeA1111) {
  GenerationRequest request = run("p", "");
  request.steps = 25;
  request.scheduler = "dpmpp_2m_karras";
  request.guidance_scale = 7;
  request.seed = 18446744073709551615u;
  request.width = 768;
  request.model = {"stabilityai/stable-diffusion-2-1-base", "", {}};
  EXPECT_EQ(bksdm::a1111_parameters(request).settings, (Settings{{"Steps", "25"},
                                                                 {"Sampler", "DPM++ 2M Karras"},
                                                                 {"CFG scale", "7.0"},
                                                                 {"Seed", "18446744073709551615"},
                                                                 {"Size", "768x512"},
                                                                 {"Model", "stabilityai/stable-diffusion-2-1-base"}}));
}

// Every field the text carries comes back: description -> A1111 text -> description.
TEST(A1111Run, RoundTripsEveryFieldTheTextCarries) {
  GenerationRequest request;
  request.prompt = "a lighthouse, (dawn:1.2)\nsecond line \xe2\x9c\xa8";
  request.negative_prompt = "blurry, \"low\" quality";
  request.seed = 4294967296ull + 5;
  request.steps = 37;
  request.guidance_scale = 6.25;
  request.width = 640;
  request.height = 384;
  request.scheduler = "ddim";
  request.eta = 0.3;
  request.num_images = 3;
  request.batch_noise = bksdm::BatchNoise::Shared;
  request.clip_skip = 2;
  request.prompt_syntax = bksdm::PromptSyntax::Plain;
  request.subseed = 99;
  request.subseed_strength = 0.25;
  request.model.name = "BK-SDM-v2-Tiny";
  const std::string text = bksdm::format_a1111_parameters(bksdm::a1111_parameters(request, 2));
  const bksdm::A1111Reading read = bksdm::read_a1111_parameters(bksdm::parse_a1111_parameters(text));
  EXPECT_EQ(read.request, request);
  EXPECT_EQ(read.batch_pos, 2);
  EXPECT_TRUE(read.other_settings.empty());
  // Eta is DDIM's alone, and A1111 leaves out its default.
  EXPECT_NE(text.find(", Eta DDIM: 0.3"), std::string::npos) << text;
  // Clip skip as A1111 writes it; neither key where the run is A1111's default.
  EXPECT_NE(text.find(", Clip skip: 2"), std::string::npos) << text;
  EXPECT_NE(text.find(", Prompt syntax: plain"), std::string::npos) << text;
  EXPECT_NE(text.find(", Variation seed: 99, Variation seed strength: 0.25"), std::string::npos) << text;
  EXPECT_NE(text.find(", Batch size: 3, Batch pos: 2, Batch noise: shared"), std::string::npos) << text;
  request.subseed_strength = 0;
  request.eta = 0;
  request.clip_skip = 1;
  request.prompt_syntax = bksdm::PromptSyntax::A1111;
  const std::string defaults = bksdm::format_a1111_parameters(bksdm::a1111_parameters(request));
  for (const char* key : {"Eta", "Clip skip", "Prompt syntax", "Variation"}) EXPECT_EQ(defaults.find(key), std::string::npos) << key;
}

TEST(A1111Run, ReadsA1111sOwnTextKeepingWhatItHasNoFieldFor) {
  const bksdm::A1111Reading read = bksdm::read_a1111_parameters(bksdm::parse_a1111_parameters(
      "masterpiece, (cherry blossoms:1.2)\nNegative prompt: lowres\n"
      "Steps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 1234567890, Size: 512x768, "
      "Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, Steps2: x, Version: v1.9.3"));
  EXPECT_EQ(read.request.prompt, "masterpiece, (cherry blossoms:1.2)");
  EXPECT_EQ(read.request.negative_prompt, "lowres");
  EXPECT_EQ(read.request.steps, 20);
  EXPECT_EQ(read.request.scheduler, "dpmpp_2m_karras");
  EXPECT_EQ(read.request.guidance_scale, 7.0);
  EXPECT_EQ(read.request.seed, 1234567890u);
  EXPECT_EQ(read.request.width, 512);
  EXPECT_EQ(read.request.height, 768);
  EXPECT_EQ(read.request.model.name, "v1-5-pruned-emaonly");
  EXPECT_EQ(read.model_hash, "6ce0161689");
  EXPECT_EQ(read.other_settings, (Settings{{"Steps2", "x"}, {"Version", "v1.9.3"}}));
}

TEST(A1111Run, AValueThatDoesNotParseKeepsTheDefaultAndIsKept) {
  const bksdm::A1111Reading read = bksdm::read_a1111_parameters(
      bksdm::parse_a1111_parameters("p\nSteps: many, Sampler: LMS, Seed: -3, Size: 512, Batch size: 0"));
  EXPECT_EQ(read.request.steps, bksdm::kDefaultSteps);
  EXPECT_EQ(read.request.scheduler, "");
  EXPECT_EQ(read.request.seed, 0u);
  EXPECT_EQ(read.request.width, 0);
  EXPECT_EQ(read.request.num_images, 1);
  EXPECT_EQ(read.other_settings, (Settings{{"Steps", "many"}, {"Sampler", "LMS"}, {"Seed", "-3"}, {"Size", "512"},
                                           {"Batch size", "0"}}));
}

}  // namespace

namespace {

// A1111 writes the checkpoint's and the VAE's sha256 in 10 digits, LoRAs' and embeddings' in 12,
// the lists quoted since they hold colons, at its places: Model hash before Model, VAE hash and VAE
// after it, Lora hashes and TI hashes at the end.
TEST(A1111Run, NamesTheFilesByA1111sHashes) {
  GenerationRequest request = run("a vase <lora:film:0.5>, vase-style", "");
  const std::string sha = "294dae9cfa0123456789abcdef0123456789abcdef0123456789abcdef012345";
  request.model.hashes = {{"sd-v1-4-mini.safetensors", sha}};
  request.vae = {"/vae/sd-vae-ft-mse", "sd-vae-ft-mse", {{"diffusion_pytorch_model.safetensors", "735e4c3a44" + sha.substr(10)}}};
  request.loras = {{"/loras/film.safetensors", 0.5, "fb9c376856fb" + sha.substr(12)}};
  request.embedding_hashes = {{"vase-style", "690650dfb20f" + sha.substr(12)}};
  EXPECT_EQ(bksdm::format_a1111_parameters(bksdm::a1111_parameters(request)),
            "a vase <lora:film:0.5>, vase-style\n"
            "Steps: 50, Sampler: PNDM, CFG scale: 7.5, Seed: 1234, Size: 512x512, Model hash: 294dae9cfa, "
            "Model: bk-sdm-v2-tiny, VAE hash: 735e4c3a44, VAE: sd-vae-ft-mse, "
            "Lora hashes: \"film: fb9c376856fb\", TI hashes: \"vase-style: 690650dfb20f\"");
}

// A1111's own text with two LoRAs and an embedding: the short hashes by name, for finding the files.
TEST(A1111Run, ReadsTheFilesHashesBack) {
  const bksdm::A1111Reading reading = bksdm::read_a1111_parameters(bksdm::parse_a1111_parameters(
      "a vase <lora:film:0.5> <lora:grain:1>\n"
      "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512, Model hash: 6ce0161689, "
      "Model: v1-5-pruned-emaonly, VAE hash: 735e4c3a44, VAE: vae-ft-mse-840000-ema-pruned, "
      "Lora hashes: \"film: fb9c376856fb, grain: 744f9cbfa623\", TI hashes: \"vase-style: 690650dfb20f\", "
      "Version: v1.10.1"));
  EXPECT_EQ(reading.model_hash, "6ce0161689");
  EXPECT_EQ(reading.vae_hash, "735e4c3a44");
  EXPECT_EQ(reading.request.vae.name, "vae-ft-mse-840000-ema-pruned");
  EXPECT_EQ(reading.lora_hashes, (std::map<std::string, std::string>{{"film", "fb9c376856fb"}, {"grain", "744f9cbfa623"}}));
  EXPECT_EQ(reading.ti_hashes, (std::map<std::string, std::string>{{"vase-style", "690650dfb20f"}}));
  ASSERT_EQ(reading.other_settings.size(), 1u);
  EXPECT_EQ(reading.other_settings[0].first, "Version");
}

}  // namespace

namespace {

// A run that computed in bf16 (or fp16) says so, and the text reads back; a precision this engine
// has no name for stays an unread setting.
TEST(A1111Run, APrecisionOtherThanFp32IsWrittenAndRead) {
  GenerationRequest request = run("a vase", "");
  EXPECT_EQ(bksdm::format_a1111_parameters(bksdm::a1111_parameters(request)).find("Precision"), std::string::npos);
  request.precision = "bf16";
  const std::string text = bksdm::format_a1111_parameters(bksdm::a1111_parameters(request));
  EXPECT_NE(text.find(", Precision: bf16"), std::string::npos) << text;
  EXPECT_EQ(bksdm::read_a1111_parameters(bksdm::parse_a1111_parameters(text)).request.precision, "bf16");
  const bksdm::A1111Reading odd = bksdm::read_a1111_parameters(bksdm::parse_a1111_parameters("a\nSteps: 5, Seed: 1, Precision: fp64"));
  EXPECT_TRUE(odd.request.precision.empty());
  EXPECT_EQ(odd.other_settings, (Settings{{"Precision", "fp64"}}));
}

}  // namespace
