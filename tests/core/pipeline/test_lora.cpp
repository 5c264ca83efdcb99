// LoRAs merged as diffusers merges them (the fixtures README, "lora"): kohya's and diffusers/PEFT's
// names, alpha/rank, LoCon convolutions, two files in order; the merged weights and the runs against
// the reference, through the library and the command line; changing or removing a LoRA between
// runs; what a report says and what is refused.
#include <gtest/gtest.h>

#include <fstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "core/generation/a1111_run.h"
#include "core/models/bk_sdm_copy_table.h"
#include "core/models/lora.h"
#include "tests/core/pipeline/fixture_case.h"

namespace {

using namespace bksdm::testing;

class LoraCase : public ::testing::TestWithParam<nlohmann::json> {};

TEST_P(LoraCase, MatchesTheReference) {
  const nlohmann::json& spec = GetParam();
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>());
  expect_reference_run(fixture_pipeline(spec["model"])->generate(request_for(spec)), *expected);
}

TEST_P(LoraCase, MatchesTheReferenceThroughTheCommandLine) {
  expect_cli_run(GetParam(), "lora-cli");
}

// The weights diffusers merged (`merged.COMPONENT.PARAMETER`) from the model's own and the files.
TEST_P(LoraCase, MergesTheWeightsDiffusersMerged) {
  const nlohmann::json& spec = GetParam();
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>());
  std::vector<bksdm::LoraUse> loras;
  for (const auto& lora : spec["lora"])
    loras.push_back({bksdm::LoraFile::read(kFixtures / lora[0].get<std::string>()), lora[1].get<double>()});
  const bksdm::ModelFolder model = fixture_model(spec["model"]);
  int compared = 0;
  for (const bksdm::TensorInfo& info : expected->tensors()) {
    if (info.name.rfind("merged.", 0) != 0) continue;
    const std::string rest = info.name.substr(7), component = rest.substr(0, rest.find('.'));
    const std::string parameter = rest.substr(component.size() + 1);
    const at::Tensor base = bksdm::SafetensorsFile::open(model.weights(component))->tensor(parameter);
    EXPECT_LE(relative_error(bksdm::merged_weight(loras, component, parameter, base), expected->tensor(info.name)), 1e-5)
        << info.name;
    ++compared;
  }
  EXPECT_GT(compared, 0);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, LoraCase, ::testing::ValuesIn(ext_cases({"lora"})), case_name);

// A1111's <lora:NAME:MULT> in the prompt, found in --lora-dir: the file merged and the tag out of the
// text the model reads, so the run is the reference's.
TEST(Lora, APromptTagMergesTheNamedFile) {
  if (!std::filesystem::exists(kBksdm)) GTEST_SKIP() << "bksdm is not built";
  nlohmann::json spec = ext_cases({"lora"}).front();
  ASSERT_EQ(spec["lora"].size(), 1u);
  const std::filesystem::path file = kFixtures / spec["lora"][0][0].get<std::string>();
  const std::string tag = "<lora:" + file.stem().string() + ":" + std::to_string(spec["lora"][0][1].get<double>()) + ">";
  spec["prompt"] = tag + spec["prompt"].get<std::string>();
  spec["prompt_syntax"] = "a1111";
  spec.erase("lora");
  const TempDir dir("lora-tag");
  std::string error;
  ASSERT_EQ(run_bksdm(generate_arguments(spec, dir / "run.safetensors", " --lora-dir " + shell_quoted(file.parent_path().string())), &error), 0) << error;
  expect_saved_run(*bksdm::SafetensorsFile::open(dir / "run.safetensors"),
                   *bksdm::SafetensorsFile::open(kFixtures / ext_cases({"lora"}).front()["file"].get<std::string>()));
  spec["prompt"] = "<lora:absent:1>" + spec["prompt"].get<std::string>();
  EXPECT_EQ(run_bksdm(generate_arguments(spec, dir / "absent.safetensors", " --lora-dir " + shell_quoted(dir.path().string())), &error), 1);
  EXPECT_NE(error.find("the prompt names LoRA 'absent'"), std::string::npos) << error;
}

// A LoRA taken out between runs leaves the model as it was, bit for bit, without loading it again;
// a changed multiplier is merged anew.
TEST(Lora, RemovingOrChangingALoraBetweenRunsNeedsNoReload) {
  const nlohmann::json spec = ext_cases({"lora"}).front();
  const auto pipeline = fixture_pipeline(spec["model"]);
  bksdm::GenerationRequest request = request_for(spec);
  bksdm::GenerationRequest plain = request;
  plain.loras.clear();
  const at::Tensor base = fixture_pipeline(spec["model"])->generate(plain).images;
  const at::Tensor with = pipeline->generate(request).images;
  EXPECT_GT((with - base).abs().max().item<double>(), 1e-3);
  EXPECT_TRUE(at::equal(pipeline->generate(plain).images, base));
  request.loras[0].multiplier = 0;  // nothing added
  EXPECT_TRUE(at::equal(pipeline->generate(request).images, base));
}

bksdm::GenerationRequest small_request(const std::string& lora) {
  bksdm::GenerationRequest request;
  request.prompt = "a cat";
  request.steps = 1;
  request.width = request.height = 64;
  request.loras = {{lora, 1.0, {}}};
  return request;
}

// The report names what matched per component and what this model has no weight for.
TEST(Lora, TheReportCountsWhatMatchedAndNamesWhatDidNot) {
  const TempDir dir("lora");
  bksdm::write_safetensors(dir / "partly.safetensors",
                           {{"lora_te_text_model_encoder_layers_0_self_attn_q_proj.lora_down.weight", at::ones({2, 16})},
                            {"lora_te_text_model_encoder_layers_0_self_attn_q_proj.lora_up.weight", at::ones({16, 2})},
                            {"lora_unet_down_blocks_7_resnets_0_conv1.lora_down.weight", at::ones({2, 8, 3, 3})},
                            {"lora_unet_down_blocks_7_resnets_0_conv1.lora_up.weight", at::ones({8, 2, 1, 1})}});
  const auto result = fixture_pipeline("sd-v1-4-mini")->generate(small_request((dir / "partly.safetensors").string()));
  ASSERT_EQ(result.notes.size(), 2u);
  EXPECT_EQ(result.notes[0], "partly.safetensors: 1 of 2 layers merged, 1 in text_encoder");
  EXPECT_EQ(result.notes[1], "partly.safetensors: 1 layers name no weight of this model and are skipped: "
                             "lora_unet_down_blocks_7_resnets_0_conv1");
}

// A layer whose shapes do not fit (a LoRA for another model) is refused before the run, by name.
TEST(Lora, ALoraForAnotherModelIsRefusedNamingTheLayer) {
  const TempDir dir("lora");
  bksdm::write_safetensors(dir / "wide.safetensors",
                           {{"lora_te_text_model_encoder_layers_0_self_attn_q_proj.lora_down.weight", at::ones({2, 24})},
                            {"lora_te_text_model_encoder_layers_0_self_attn_q_proj.lora_up.weight", at::ones({24, 2})}});
  const auto pipeline = fixture_pipeline("sd-v1-4-mini");
  const std::string message = error_of([&] { pipeline->generate(small_request((dir / "wide.safetensors").string())); });
  EXPECT_NE(message.find("wide.safetensors: LoRA layer lora_te_text_model_encoder_layers_0_self_attn_q_proj"),
            std::string::npos) << message;
  EXPECT_NE(message.find("does not fit the model's weight of shape [16, 16]"), std::string::npos) << message;
  // The model is untouched: the next run without it is the plain one.
  bksdm::GenerationRequest plain = small_request("");
  plain.loras.clear();
  EXPECT_TRUE(at::equal(pipeline->generate(plain).images, fixture_pipeline("sd-v1-4-mini")->generate(plain).images));
}

// Pickles stay refused, however they are named to the program, with the command that converts them.
TEST(Lora, APickleIsRefusedWithTheCommandThatConvertsIt) {
  const TempDir dir("lora");
  std::ofstream(dir / "style.pt") << "\x80\x02}q\x00.";
  const std::string message = error_of([&] { bksdm::LoraFile::read(dir / "style.pt"); });
  EXPECT_NE(message.find("style.pt: a PyTorch pickle, refused"), std::string::npos) << message;
  EXPECT_NE(message.find("weights_only=True"), std::string::npos) << message;
  EXPECT_NE(message.find("'style.safetensors'"), std::string::npos) << message;
}

TEST(Lora, AFileWithoutLoraLayersIsRefused) {
  const std::string weights = fixture_model("sd-v1-4-mini").weights("vae").string();
  EXPECT_NE(error_of([&] { bksdm::LoraFile::read(weights); }).find(weights + ": no LoRA layers"), std::string::npos);
}

}  // namespace

namespace {

using namespace bksdm::testing;

// The catalogue's bad LoRAs: each refused naming the file and the layer, and the pipeline usable after.
TEST(Lora, MatricesOfDifferentRanksAreRefused) {
  const TempDir dir("lora");
  bksdm::write_safetensors(dir / "ranks.safetensors",
                           {{"lora_te_text_model_encoder_layers_0_self_attn_q_proj.lora_down.weight", at::ones({2, 16})},
                            {"lora_te_text_model_encoder_layers_0_self_attn_q_proj.lora_up.weight", at::ones({16, 3})}});
  const std::string message = error_of([&] { bksdm::LoraFile::read(dir / "ranks.safetensors"); });
  EXPECT_NE(message.find("ranks.safetensors: LoRA layer lora_te_text_model_encoder_layers_0_self_attn_q_proj has "
                         "down [2, 16] and up [16, 3]"),
            std::string::npos)
      << message;
}

TEST(Lora, AConvolutionLayerOnALinearWeightIsRefused) {
  const TempDir dir("lora");
  bksdm::write_safetensors(dir / "conv.safetensors",
                           {{"lora_te_text_model_encoder_layers_0_self_attn_q_proj.lora_down.weight", at::ones({2, 16, 3, 3})},
                            {"lora_te_text_model_encoder_layers_0_self_attn_q_proj.lora_up.weight", at::ones({16, 2, 1, 1})}});
  const auto pipeline = fixture_pipeline("sd-v1-4-mini");
  bksdm::GenerationRequest request = small_request((dir / "conv.safetensors").string());
  const std::string message = error_of([&] { pipeline->generate(request); });
  EXPECT_NE(message.find("does not fit the model's weight of shape [16, 16]"), std::string::npos) << message;
  request.loras.clear();
  EXPECT_EQ(pipeline->generate(request).images.size(0), 1);
}

TEST(Lora, AnAlphaOfSeveralNumbersIsRefused) {
  const TempDir dir("lora");
  bksdm::write_safetensors(dir / "alpha.safetensors",
                           {{"lora_te_text_model_encoder_layers_0_self_attn_q_proj.lora_down.weight", at::ones({2, 16})},
                            {"lora_te_text_model_encoder_layers_0_self_attn_q_proj.lora_up.weight", at::ones({16, 2})},
                            {"lora_te_text_model_encoder_layers_0_self_attn_q_proj.alpha", at::ones({2})}});
  const std::string message = error_of([&] { bksdm::LoraFile::read(dir / "alpha.safetensors"); });
  EXPECT_NE(message.find("has an alpha of shape [2], not one number"), std::string::npos) << message;
}

}  // namespace

namespace {

using namespace bksdm::testing;

// An SD v1.4 LoRA on BK-SDM-Tiny by BK-SDM's copy table: the student's up block 0, second resnet,
// began as the teacher's up block 1, third resnet, so its conv1 takes that layer's change, computed
// here from the file's matrices; by its own name it would take the teacher's up block 0's.
TEST(Lora, ATeachersLoraMergesIntoCopiedBlocksByTheTeachersNames) {
  const std::filesystem::path path = kFixtures / "inputs/lora/sd-v1-4-mini-kohya.safetensors";
  const auto file = bksdm::SafetensorsFile::open(path);
  const auto change = [&](const std::string& layer) {
    const at::Tensor down = file->tensor(layer + ".lora_down.weight"), up = file->tensor(layer + ".lora_up.weight");
    const double scale = file->tensor(layer + ".alpha").item<double>() / double(down.size(0));
    return 0.7 * scale * up.flatten(1).mm(down.flatten(1));
  };
  const std::string parameter = "up_blocks.0.resnets.1.conv1.weight";
  const at::Tensor base =
      bksdm::SafetensorsFile::open(fixture_model("bk-sdm-tiny-mini").weights("unet"))->tensor(parameter);
  bksdm::LoraUse use{bksdm::LoraFile::read(path), 0.7, {}};
  const at::Tensor own = bksdm::merged_weight({use}, "unet", parameter, base);
  EXPECT_LE(relative_error(own, base + change("lora_unet_up_blocks_0_resnets_1_conv1").view(base.sizes())), 1e-6);
  use.unet_name = [](const std::string& name) { return bksdm::teacher_parameter("BK-Tiny", name); };
  const at::Tensor teachers = bksdm::merged_weight({use}, "unet", parameter, base);
  EXPECT_LE(relative_error(teachers, base + change("lora_unet_up_blocks_1_resnets_2_conv1").view(base.sizes())), 1e-6);
}

// The whole run: by their own names the teacher's up-block layers meet BK-SDM-Tiny's narrower up
// blocks and the LoRA is refused, pointing at the copy table; with it the layers for blocks
// BK-SDM-Tiny dropped are the ones left over, and the PNG text says how it merged.
TEST(Lora, TheCopyTableIsARequestedWayToMerge) {
  const auto pipeline = fixture_pipeline("bk-sdm-tiny-mini");
  bksdm::GenerationRequest request = small_request((kFixtures / "inputs/lora/sd-v1-4-mini-kohya.safetensors").string());
  const std::string refusal = error_of([&] { pipeline->generate(request); });
  EXPECT_NE(refusal.find("does not fit the model's weight"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("--lora-teacher-blocks"), std::string::npos) << refusal;
  request.lora_teacher_blocks = true;
  const bksdm::GenerationResult teachers = pipeline->generate(request);
  ASSERT_EQ(teachers.notes.size(), 2u);
  // BK-SDM-Tiny keeps one resnet and attention per down block: the second ones are left over.
  EXPECT_NE(teachers.notes[1].find("lora_unet_down_blocks_0_attentions_1_proj_in"), std::string::npos) << teachers.notes[1];
  const auto settings = bksdm::a1111_parameters(teachers.request).settings;
  EXPECT_NE(std::find(settings.begin(), settings.end(), std::pair<std::string, std::string>{"Lora blocks", "teacher"}),
            settings.end());
}

}  // namespace
