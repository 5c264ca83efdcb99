// Textual-inversion embeddings as diffusers loads them (the fixtures README, "textual_inversion"):
// each file's stem a word, A1111's `emb_params` and diffusers' single tensor, one to three vectors,
// in the prompt and the negative, in plain text and A1111's weighting; an embedding of another
// width refused by name.
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "core/models/textual_inversion.h"
#include "tests/core/pipeline/fixture_case.h"

namespace {

using namespace bksdm::testing;

class EmbeddingCase : public ::testing::TestWithParam<nlohmann::json> {};

// The ids diffusers fed the text encoder (`ids.K`: the added tokens from 49408 on), the embeddings
// and the run.
TEST_P(EmbeddingCase, MatchesTheReference) {
  const nlohmann::json& spec = GetParam();
  const auto expected = bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>());
  const bksdm::GenerationResult result = fixture_pipeline(spec["model"])->generate(request_for(spec));
  if (spec["prompt_syntax"] == "plain") {  // in A1111's language the ids are the chunks' (the embeddings show them)
    const at::Tensor ids = expected->tensor("ids.0");
    ASSERT_EQ(size_t(ids.numel()), result.prompt_tokens.input_ids.size());
    for (int64_t i = 0; i < ids.numel(); ++i) EXPECT_EQ(result.prompt_tokens.input_ids[size_t(i)], ids[i].item<int64_t>()) << i;
  }
  EXPECT_LE(relative_error(result.prompt_embeds, expected->tensor("prompt_embeds")), 1e-5);
  expect_reference_run(result, *expected);
}

TEST_P(EmbeddingCase, MatchesTheReferenceThroughTheCommandLine) {
  expect_cli_run(GetParam(), "embedding-cli");
}

INSTANTIATE_TEST_SUITE_P(Fixtures, EmbeddingCase, ::testing::ValuesIn(ext_cases({"textual_inversion"})), case_name);

TEST(TextualInversion, AnEmbeddingOfAnotherWidthIsRefusedNamingTheFileAndBothWidths) {
  const TempDir dir("embeddings");
  bksdm::write_safetensors(dir / "wide.safetensors", {{"emb_params", at::ones({2, 24})}});
  const std::string message = error_of([&] { bksdm::read_textual_inversions(dir.path(), 16); });
  EXPECT_NE(message.find("wide.safetensors: the embedding is 24 wide, and this model's text encoder 16"),
            std::string::npos) << message;
  bksdm::GenerationRequest request;
  request.prompt = "a wide cat";
  request.steps = 1;
  request.width = request.height = 64;
  request.embeddings = dir.path().string();
  EXPECT_NE(error_of([&] { fixture_pipeline("sd-v1-4-mini")->generate(request); }).find("24 wide"), std::string::npos);
}

TEST(TextualInversion, TokensAreTheWordThenItsNumberedSiblings) {
  const std::vector<bksdm::TextualInversion> embeddings = {{"a", at::zeros({1, 4})}, {"b", at::ones({3, 4})}};
  EXPECT_EQ(bksdm::textual_inversion_tokens(embeddings), (std::vector<std::string>{"a", "b", "b_1", "b_2"}));
  EXPECT_EQ(bksdm::textual_inversion_vectors(embeddings).sizes(), at::IntArrayRef({4, 4}));
}

}  // namespace
