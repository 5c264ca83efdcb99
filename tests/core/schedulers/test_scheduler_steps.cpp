// step(): the properties every scheduler must have, randomness, state and config handling. The
// step-by-step comparison with diffusers' latents is the pipeline's test (it needs the U-Net).
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>

#include "core/io/error.h"
#include "core/schedulers/noise_schedule.h"
#include "core/schedulers/scheduler.h"
#include "core/schedulers/scheduler_config.h"
#include "core/schedulers/scheduler_table.h"
#include "core/schedulers/scheduling_dpmsolver_multistep.h"
#include "core/schedulers/scheduling_euler_discrete.h"

namespace fs = std::filesystem;
using bksdm::make_scheduler;
using bksdm::Scheduler;
using nlohmann::json;

namespace {

const fs::path kFixtures = BKSDM_FIXTURES_DIR;

json sd_config() {
  std::ifstream in(kFixtures / "models/bk-sdm-v2-tiny-mini/scheduler/scheduler_config.json");
  return json::parse(in);
}

json with(json config, const json& changes) {
  config.update(changes);
  return config;
}

at::Generator generator(uint64_t seed) { return at::make_generator<at::CPUGeneratorImpl>(seed); }

double max_abs_diff(const at::Tensor& a, const at::Tensor& b) { return (a - b).abs().max().item<double>(); }

// alpha_bar of U-Net call i: from the sigma of sigma-based schedulers, else alphas_cumprod[t].
double alpha_bar(const Scheduler& scheduler, const json& config, size_t i) {
  const at::Tensor* sigmas = nullptr;
  if (auto euler = dynamic_cast<const bksdm::EulerDiscreteScheduler*>(&scheduler)) sigmas = &euler->sigmas();
  if (auto dpm = dynamic_cast<const bksdm::DPMSolverMultistepScheduler*>(&scheduler)) sigmas = &dpm->sigmas();
  if (sigmas) {
    const double sigma = (*sigmas)[int64_t(i)].item<double>();
    return 1 / (sigma * sigma + 1);
  }
  const bksdm::NoiseSchedule schedule{bksdm::SchedulerConfig(config)};
  return schedule.alphas_cumprod[int64_t(scheduler.timesteps()[i])].item<double>();
}

// A perfect denoiser for the clean latents `x0`: the U-Net output that is exactly right for the
// sample it sees (scale_model_input's, i.e. alpha * x0 + sigma * noise).
at::Tensor oracle(const Scheduler& scheduler, const json& config, size_t i, const at::Tensor& sample,
                  const at::Tensor& x0, bool v_prediction) {
  const double a = alpha_bar(scheduler, config, i);
  const double alpha = std::sqrt(a), sigma = std::sqrt(1 - a);
  const at::Tensor model_input = scheduler.scale_model_input(sample, i);
  const at::Tensor eps = (model_input - alpha * x0) / sigma;
  return v_prediction ? alpha * eps - sigma * x0 : eps;
}

// Denoising the exact noisy version of x0 with a perfect denoiser: every step must predict x0 and
// the run must end on the noise path at the final level.
TEST(SchedulerStep, PerfectDenoiserLeadsEverySchedulerToTheCleanLatents) {
  const at::Tensor x0 = at::randn({1, 4, 8, 8}, generator(1));
  const at::Tensor noise = at::randn({1, 4, 8, 8}, generator(2));
  for (const char* prediction : {"epsilon", "v_prediction"}) {
    const json config = with(sd_config(), {{"prediction_type", prediction}});
    const bool v_prediction = std::string(prediction) == "v_prediction";
    for (const std::string& name : bksdm::scheduler_names()) {
      // diffusers' PNDM keeps raw v predictions in its history and converts their combination at
      // one timestep, which is only approximately right: exactness is not to be had there.
      if (name == "pndm" && v_prediction) continue;
      SCOPED_TRACE(name + " " + prediction);
      auto scheduler = make_scheduler(name, config);
      scheduler->set_timesteps(10);
      bksdm::NoiseSource gen = bksdm::NoiseSource::shared(0);
      const bool ve = dynamic_cast<const bksdm::EulerDiscreteScheduler*>(scheduler.get()) != nullptr;
      // The first sample on the path: VP alpha * x0 + sigma * n, or VE x0 + sigma * n for Euler.
      const double a0 = alpha_bar(*scheduler, config, 0);
      at::Tensor sample = ve ? x0 + std::sqrt((1 - a0) / a0) * noise : std::sqrt(a0) * x0 + std::sqrt(1 - a0) * noise;
      for (size_t i = 0; i < scheduler->timesteps().size(); ++i) {
        const at::Tensor model_output = oracle(*scheduler, config, i, sample, x0, v_prediction);
        const bksdm::StepOutput out = scheduler->step(model_output, i, sample, gen);
        EXPECT_LT(max_abs_diff(out.pred_original_sample, x0), 2e-4) << "step " << i;
        sample = out.prev_sample;
      }
      if (name == "pndm" || name == "ddim") {
        // The final level is alphas_cumprod[0] (set_alpha_to_one is false in the SD config).
        const bksdm::NoiseSchedule schedule{bksdm::SchedulerConfig(config)};
        const double a_final = schedule.alphas_cumprod[0].item<double>();
        EXPECT_LT(max_abs_diff(sample, std::sqrt(a_final) * x0 + std::sqrt(1 - a_final) * noise), 2e-4);
      } else {
        EXPECT_LT(max_abs_diff(sample, x0), 2e-4);  // these end at sigma 0
      }
    }
  }
}

// With the same noise prediction at every call, PNDM's multistep combinations all reduce to it and
// its transfer is DDIM's (eta 0): the two must agree, the Heun redo of the first step included.
TEST(SchedulerStep, PndmWithAConstantPredictionIsDdim) {
  const at::Tensor eps = at::randn({2, 4, 8, 8}, generator(3));
  const at::Tensor start = at::randn({2, 4, 8, 8}, generator(4));
  bksdm::NoiseSource gen = bksdm::NoiseSource::shared(0);
  auto run = [&](const char* name) {
    auto scheduler = make_scheduler(name, sd_config());
    scheduler->set_timesteps(20);
    at::Tensor sample = start;
    for (size_t i = 0; i < scheduler->timesteps().size(); ++i)
      sample = scheduler->step(eps, i, sample, gen).prev_sample;
    return sample;
  };
  EXPECT_LT(max_abs_diff(run("pndm"), run("ddim")), 1e-4);
}

TEST(SchedulerStep, DdimWithAlphaOneEndsOnItsLastPrediction) {
  auto scheduler = make_scheduler("ddim", with(sd_config(), {{"set_alpha_to_one", true}}));
  scheduler->set_timesteps(4);
  bksdm::NoiseSource gen = bksdm::NoiseSource::shared(0);
  at::Tensor sample = at::randn({1, 4, 4, 4}, generator(5));
  bksdm::StepOutput out;
  for (size_t i = 0; i < 4; ++i) out = scheduler->step(at::randn({1, 4, 4, 4}, generator(10 + i)), i, sample, gen);
  EXPECT_LT(max_abs_diff(out.prev_sample, out.pred_original_sample), 1e-6);
}

TEST(SchedulerStep, DdimClipsItsPredictionByDefault) {
  json config = sd_config();
  config.erase("clip_sample");  // the class default, True, applies
  auto scheduler = make_scheduler("ddim", config);
  scheduler->set_timesteps(4);
  bksdm::NoiseSource gen = bksdm::NoiseSource::shared(0);
  const at::Tensor sample = 10 * at::randn({1, 4, 4, 4}, generator(6));
  const bksdm::StepOutput out = scheduler->step(at::zeros({1, 4, 4, 4}), 0, sample, gen);
  EXPECT_LE(out.pred_original_sample.abs().max().item<double>(), 1.0);
  EXPECT_EQ(out.pred_original_sample.abs().max().item<double>(), 1.0);
}

TEST(SchedulerRandomness, GeneratorGivesTorchsNumbers) {
  // torch.manual_seed(0); torch.randn(2, 3): the scalar path of the normal sampler.
  at::Generator gen = generator(0);
  const at::Tensor small = bksdm::randn_tensor({2, 3}, gen, at::kFloat, at::kCPU);
  const at::Tensor expected_small = at::tensor({1.5410f, -0.2934f, -2.1788f, 0.5684f, -1.0845f, -1.3986f}).view({2, 3});
  EXPECT_LT(max_abs_diff(small, expected_small), 1e-4);
  // torch.manual_seed(0); torch.randn(4, 4): the vectorised path (16 values or more).
  at::Generator gen16 = generator(0);
  const at::Tensor big = bksdm::randn_tensor({4, 4}, gen16, at::kFloat, at::kCPU);
  const at::Tensor expected_big =
      at::tensor({-1.1258f, -1.1524f, -0.2506f, -0.4339f, 0.8487f, 0.6920f, -0.3160f, -2.1152f, 0.3223f, -1.2633f,
                  0.3500f, 0.3081f, 0.1198f, 1.2377f, 1.1168f, -0.2473f})
          .view({4, 4});
  EXPECT_LT(max_abs_diff(big, expected_big), 1e-4);
}

// Euler ancestral draws one noise tensor per step, DDIM one when eta > 0, the others none: the
// generator must be left exactly where diffusers leaves it.
TEST(SchedulerRandomness, EachSchedulerDrawsWhatDiffusersDraws) {
  const std::vector<int64_t> shape = {2, 4, 8, 8};
  const at::Tensor model_output = at::randn(shape, generator(7));
  for (const std::string& name : bksdm::scheduler_names()) {
    for (double eta : {0.0, 0.5}) {
      SCOPED_TRACE(name + " eta " + std::to_string(eta));
      auto scheduler = make_scheduler(name, sd_config(), eta);
      scheduler->set_timesteps(5);
      bksdm::NoiseSource gen = bksdm::NoiseSource::shared(42);
      at::Tensor sample = gen.randn(shape, at::kFloat, at::kCPU);
      for (size_t i = 0; i < scheduler->timesteps().size(); ++i)
        sample = scheduler->step(model_output, i, sample, gen).prev_sample;
      const bool draws = name == "euler_a" || (name == "ddim" && eta > 0);
      at::Generator reference = generator(42);
      at::randn(shape, reference);
      for (size_t i = 0; draws && i < scheduler->timesteps().size(); ++i) at::randn(shape, reference);
      EXPECT_TRUE(at::equal(gen.randn({3}, at::kFloat, at::kCPU), at::randn({3}, reference)));
    }
  }
}

// One generator per image: image i's noise is what seed + i alone draws, in every draw, the
// ancestral steps' included, so that image i of a batch is the image of seed + i made alone.
TEST(SchedulerRandomness, PerImageNoiseIsEachImagesOwnSeed) {
  auto per_image = bksdm::NoiseSource::per_image(5, 2);
  const at::Tensor pair = per_image.randn({2, 4, 8, 8}, at::kFloat, at::kCPU);
  auto sixth = bksdm::NoiseSource::shared(6);
  EXPECT_TRUE(at::equal(pair[1], sixth.randn({1, 4, 8, 8}, at::kFloat, at::kCPU)[0]));
  EXPECT_FALSE(at::equal(pair[0], pair[1]));

  const at::Tensor model_output = at::randn({2, 4, 8, 8}, generator(8));
  auto batch = make_scheduler("euler_a", sd_config());
  auto alone = make_scheduler("euler_a", sd_config());
  batch->set_timesteps(3);
  alone->set_timesteps(3);
  at::Tensor both = pair, second = pair.slice(0, 1, 2);
  for (size_t i = 0; i < batch->timesteps().size(); ++i) {
    both = batch->step(model_output, i, both, per_image).prev_sample;
    second = alone->step(model_output.slice(0, 1, 2), i, second, sixth).prev_sample;
  }
  EXPECT_TRUE(at::allclose(both[1], second[0]));
  EXPECT_THROW(per_image.randn({3, 4}, at::kFloat, at::kCPU), bksdm::Error);
}

TEST(SchedulerRandomness, SameSeedSameRunAndEtaMatters) {
  const at::Tensor model_output = at::randn({1, 4, 8, 8}, generator(8));
  auto run = [&](const char* name, uint64_t seed, double eta) {
    auto scheduler = make_scheduler(name, sd_config(), eta);
    scheduler->set_timesteps(5);
    bksdm::NoiseSource gen = bksdm::NoiseSource::shared(seed);
    at::Tensor sample = gen.randn({1, 4, 8, 8}, at::kFloat, at::kCPU) * scheduler->init_noise_sigma();
    for (size_t i = 0; i < scheduler->timesteps().size(); ++i)
      sample = scheduler->step(model_output, i, sample, gen).prev_sample;
    return sample;
  };
  EXPECT_TRUE(at::equal(run("euler_a", 1, 0), run("euler_a", 1, 0)));
  EXPECT_FALSE(at::equal(run("euler_a", 1, 0), run("euler_a", 2, 0)));
  EXPECT_FALSE(at::equal(run("ddim", 1, 0), run("ddim", 1, 1.0)));
}

TEST(SchedulerState, StepsRunInOrderAndSetTimestepsStartsAfresh) {
  auto scheduler = make_scheduler("pndm", sd_config());
  bksdm::NoiseSource gen = bksdm::NoiseSource::shared(0);
  const at::Tensor x = at::randn({1, 4, 4, 4}, generator(9));
  EXPECT_THROW(scheduler->step(x, 0, x, gen), bksdm::Error);
  scheduler->set_timesteps(4);
  EXPECT_THROW(scheduler->step(x, 1, x, gen), bksdm::Error);
  EXPECT_THROW(scheduler->scale_model_input(x, 5), bksdm::Error);
  auto run = [&] {
    scheduler->set_timesteps(4);
    at::Tensor sample = x;
    for (size_t i = 0; i < scheduler->timesteps().size(); ++i)
      sample = scheduler->step(at::randn({1, 4, 4, 4}, generator(20 + i)), i, sample, gen).prev_sample;
    EXPECT_THROW(scheduler->step(x, scheduler->timesteps().size(), x, gen), bksdm::Error);
    return sample;
  };
  const at::Tensor first = run();
  EXPECT_TRUE(at::equal(first, run()));
}

void expect_error(std::string_view name, const json& config, const std::string& fragment) {
  try {
    auto scheduler = make_scheduler(name, config);
    scheduler->set_timesteps(5);
    ADD_FAILURE() << name << ": expected an error containing " << fragment;
  } catch (const bksdm::Error& error) {
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
  }
}

TEST(SchedulerConfig, UnknownNamesAndUnsupportedValuesNameTheCulprit) {
  expect_error("heun", sd_config(), "heun");
  expect_error("pndm", with(sd_config(), {{"beta_schedule", "sigmoid"}}), "beta_schedule");
  expect_error("ddim", with(sd_config(), {{"prediction_type", "sample"}}), "prediction_type");
  expect_error("euler", with(sd_config(), {{"timestep_spacing", "uniform"}}), "timestep_spacing");
  expect_error("pndm", with(sd_config(), {{"steps_offset", "1"}}), "steps_offset");
  expect_error("ddim", with(sd_config(), {{"thresholding", true}}), "thresholding");
  expect_error("euler_a", with(sd_config(), {{"rescale_betas_zero_snr", true}}), "rescale_betas_zero_snr");
  expect_error("euler", with(sd_config(), {{"use_exponential_sigmas", true}}), "use_exponential_sigmas");
  expect_error("dpmpp_2m", with(sd_config(), {{"solver_type", "euler"}}), "solver_type");
  expect_error("dpmpp_2m", with(sd_config(), {{"variance_type", "learned_range"}}), "variance_type");
  expect_error("dpmpp_2m", with(sd_config(), {{"trained_betas", {0.1, 0.2}}}), "trained_betas");
  expect_error("ddim", json::array(), "scheduler config");
}

// from_config semantics: a class reads its own keys and ignores the others, absent and null keys
// take the class default, and keys listed in _use_default_values count as absent.
TEST(SchedulerConfig, FromConfigSemantics) {
  // PNDM-only keys do not bother the others; a DPM-Solver config's keys do not bother PNDM.
  const json dpm_keys = with(sd_config(), {{"solver_order", 3},
                                           {"algorithm_type", "sde-dpmsolver++"},
                                           {"use_karras_sigmas", true},
                                           {"_class_name", "DPMSolverMultistepScheduler"}});
  auto pndm = make_scheduler("pndm", dpm_keys);
  pndm->set_timesteps(4);
  EXPECT_EQ(pndm->timesteps(), (std::vector<double>{751, 501, 501, 251, 1}));
  // The names fix what they name: dpmpp_2m is order-2 DPM-Solver++ without Karras sigmas.
  auto dpm = make_scheduler("dpmpp_2m", dpm_keys);
  dpm->set_timesteps(5);
  EXPECT_EQ(dpm->timesteps(), (std::vector<double>{999, 799, 599, 400, 200}));
  EXPECT_EQ(dpm->name(), "dpmpp_2m");

  auto nulls = make_scheduler("ddim", with(sd_config(), {{"timestep_spacing", nullptr}, {"steps_offset", nullptr}}));
  nulls->set_timesteps(5);
  EXPECT_EQ(nulls->timesteps(), (std::vector<double>{800, 600, 400, 200, 0}));

  const json listed =
      with(sd_config(), {{"timestep_spacing", "trailing"}, {"_use_default_values", {"timestep_spacing"}}});
  auto ddim = make_scheduler("ddim", listed);
  ddim->set_timesteps(5);
  EXPECT_EQ(ddim->timesteps(), (std::vector<double>{801, 601, 401, 201, 1}));
}

TEST(SchedulerConfig, DefaultNameFollowsTheClass) {
  EXPECT_EQ(bksdm::default_scheduler_name(sd_config()), "pndm");
  EXPECT_EQ(bksdm::default_scheduler_name({{"_class_name", "DDIMScheduler"}}), "ddim");
  EXPECT_EQ(bksdm::default_scheduler_name({{"_class_name", "EulerDiscreteScheduler"}}), "euler");
  EXPECT_EQ(bksdm::default_scheduler_name({{"_class_name", "EulerAncestralDiscreteScheduler"}}), "euler_a");
  EXPECT_EQ(bksdm::default_scheduler_name({{"_class_name", "DPMSolverMultistepScheduler"}}), "dpmpp_2m");
  EXPECT_EQ(
      bksdm::default_scheduler_name({{"_class_name", "DPMSolverMultistepScheduler"}, {"use_karras_sigmas", true}}),
      "dpmpp_2m_karras");
  EXPECT_EQ(bksdm::default_scheduler_name({{"_class_name", "LMSDiscreteScheduler"}}), "pndm");
  EXPECT_EQ(bksdm::default_scheduler_name(json::array()), "pndm");
  for (const std::string& name : bksdm::scheduler_names()) EXPECT_EQ(make_scheduler(name, sd_config())->name(), name);
}

// The table's class and Karras flag of each name are what a model's config says to mean it.
TEST(SchedulerTable, EachEntryIsTheDefaultOfItsClass) {
  for (const bksdm::SchedulerEntry& entry : bksdm::kSchedulers) {
    SCOPED_TRACE(std::string(entry.name));
    const json config = {{"_class_name", entry.diffusers_class}, {"use_karras_sigmas", entry.karras}};
    EXPECT_EQ(bksdm::default_scheduler_name(config), entry.name);
    EXPECT_EQ(bksdm::unimplemented_scheduler_class(config), std::nullopt);
  }
  EXPECT_EQ(bksdm::scheduler_names(),
            (std::vector<std::string>{"pndm", "ddim", "euler", "euler_a", "dpmpp_2m", "dpmpp_2m_karras"}));
  EXPECT_EQ(bksdm::unimplemented_scheduler_class({{"_class_name", "LMSDiscreteScheduler"}}), "LMSDiscreteScheduler");
}

}  // namespace
