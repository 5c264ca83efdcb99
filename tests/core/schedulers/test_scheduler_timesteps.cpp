// Timestep and sigma layouts: against the fixtures' pipeline runs (diffusers 0.31) and against values
// derived by hand from diffusers' set_timesteps.
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/schedulers/scheduler.h"
#include "core/schedulers/scheduling_dpmsolver_multistep.h"
#include "core/schedulers/scheduling_euler_discrete.h"

namespace fs = std::filesystem;
using bksdm::make_scheduler;
using nlohmann::json;

namespace {

const fs::path kFixtures = BKSDM_FIXTURES_DIR;

json read_json(const fs::path& path) {
  std::ifstream in(path);
  return json::parse(in);
}

// The real Stable Diffusion scheduler config (all the BK-SDM and SD models carry this one).
json sd_config() { return read_json(kFixtures / "models/bk-sdm-v2-tiny-mini/scheduler/scheduler_config.json"); }

std::vector<double> layout(std::string_view name, int steps, const json& config = sd_config()) {
  auto scheduler = make_scheduler(name, config);
  scheduler->set_timesteps(steps);
  return scheduler->timesteps();
}

json with(json config, const json& changes) {
  config.update(changes);
  return config;
}

std::vector<double> sigmas_of(const bksdm::Scheduler& scheduler) {
  const at::Tensor* sigmas = nullptr;
  if (auto euler = dynamic_cast<const bksdm::EulerDiscreteScheduler*>(&scheduler)) sigmas = &euler->sigmas();
  if (auto dpm = dynamic_cast<const bksdm::DPMSolverMultistepScheduler*>(&scheduler)) sigmas = &dpm->sigmas();
  EXPECT_NE(sigmas, nullptr) << scheduler.name() << " has no sigmas";
  if (!sigmas) return {};
  const at::Tensor values = sigmas->to(at::kDouble).contiguous();
  return std::vector<double>(values.data_ptr<double>(), values.data_ptr<double>() + values.numel());
}

TEST(SchedulerTimesteps, MatchEveryFixturePipelineRun) {
  const json cases = read_json(kFixtures / "cases.json");
  ASSERT_FALSE(cases.empty());
  for (const json& entry : cases) {
    const std::string where = entry["file"].get<std::string>();
    const json config =
        read_json(kFixtures / "models" / entry["model"].get<std::string>() / "scheduler/scheduler_config.json");
    const auto file = bksdm::SafetensorsFile::open(kFixtures / where);
    const at::Tensor expected = file->tensor("timesteps", at::kDouble).contiguous();
    const std::vector<double> actual =
        layout(entry["scheduler"].get<std::string>(), std::stoi(entry["steps"].get<std::string>()), config);
    ASSERT_EQ(actual.size(), size_t(expected.numel())) << where;
    for (size_t i = 0; i < actual.size(); ++i)
      EXPECT_EQ(actual[i], expected.data_ptr<double>()[i]) << where << " call " << i;
  }
}

TEST(SchedulerTimesteps, PndmRepeatsTheSecondTimestep) {
  std::vector<double> expected = {981, 961};
  for (int t = 961; t >= 1; t -= 20) expected.push_back(t);
  EXPECT_EQ(layout("pndm", 50), expected);
  EXPECT_EQ(expected.size(), 51u);
  EXPECT_EQ(layout("pndm", 4), (std::vector<double>{751, 501, 501, 251, 1}));
  EXPECT_EQ(layout("pndm", 1), (std::vector<double>{1}));
  EXPECT_EQ(layout("pndm", 2), (std::vector<double>{501, 1, 1}));
}

TEST(SchedulerTimesteps, PndmSpacings) {
  EXPECT_EQ(layout("pndm", 4, with(sd_config(), {{"timestep_spacing", "linspace"}})),
            (std::vector<double>{999, 666, 666, 333, 0}));
  EXPECT_EQ(layout("pndm", 4, with(sd_config(), {{"timestep_spacing", "trailing"}})),
            (std::vector<double>{999, 749, 749, 499, 249}));
  EXPECT_EQ(layout("pndm", 3, with(sd_config(), {{"timestep_spacing", "trailing"}})),
            (std::vector<double>{999, 666, 666, 332}));
  EXPECT_EQ(layout("pndm", 4, with(sd_config(), {{"steps_offset", 0}})), (std::vector<double>{750, 500, 500, 250, 0}));
}

// diffusers' own test (test_scheduler_pndm.py, test_steps_offset): three Runge-Kutta steps first.
TEST(SchedulerTimesteps, PndmWithRungeKuttaWarmUp) {
  const json config = with(sd_config(), {{"skip_prk_steps", false}});
  EXPECT_EQ(layout("pndm", 10, config), (std::vector<double>{901, 851, 851, 801, 801, 751, 751, 701, 701, 651, 651, 601,
                                                             601, 501, 401, 301, 201, 101, 1}));
  EXPECT_THROW(layout("pndm", 3, config), bksdm::Error);
  // A config without the key gets the class default (False), as from_config does.
  json without = sd_config();
  without.erase("skip_prk_steps");
  EXPECT_EQ(layout("pndm", 10, without).size(), 19u);
}

TEST(SchedulerTimesteps, DdimSpacings) {
  EXPECT_EQ(layout("ddim", 5), (std::vector<double>{801, 601, 401, 201, 1}));
  EXPECT_EQ(layout("ddim", 4), (std::vector<double>{751, 501, 251, 1}));
  EXPECT_EQ(layout("ddim", 5, with(sd_config(), {{"timestep_spacing", "linspace"}})),
            (std::vector<double>{999, 749, 500, 250, 0}));
  EXPECT_EQ(layout("ddim", 5, with(sd_config(), {{"timestep_spacing", "trailing"}})),
            (std::vector<double>{999, 799, 599, 399, 199}));
  EXPECT_EQ(layout("ddim", 3, with(sd_config(), {{"timestep_spacing", "trailing"}})),
            (std::vector<double>{999, 666, 332}));
  const std::vector<double> fifty = layout("ddim", 50);
  EXPECT_EQ(fifty.front(), 981);
  EXPECT_EQ(fifty.back(), 1);
  EXPECT_EQ(fifty.size(), 50u);
}

// Euler and DPM-Solver default to linspace: the SD config has no timestep_spacing.
TEST(SchedulerTimesteps, EulerSpacings) {
  const std::vector<double> linspace5 = {999, 749.25, 499.5, 249.75, 0};
  EXPECT_EQ(layout("euler", 5), linspace5);
  EXPECT_EQ(layout("euler_a", 5), linspace5);
  EXPECT_EQ(layout("euler", 4), (std::vector<double>{999, 666, 333, 0}));
  // 999 * 23 / 24, the fractional timestep the U-Net fixture was checked at.
  EXPECT_EQ(layout("euler", 25)[1], 957.375);
  // Fractional linspace timesteps are float32 values, as diffusers passes them to the U-Net.
  const std::vector<double> seven = layout("euler", 7);
  EXPECT_EQ(seven[1], double(float(999.0 * 5 / 6)));
  EXPECT_EQ(layout("euler", 5, with(sd_config(), {{"timestep_spacing", "leading"}})),
            (std::vector<double>{801, 601, 401, 201, 1}));
  EXPECT_EQ(layout("euler_a", 5, with(sd_config(), {{"timestep_spacing", "trailing"}})),
            (std::vector<double>{999, 799, 599, 399, 199}));
}

TEST(SchedulerTimesteps, DpmSolverSpacings) {
  EXPECT_EQ(layout("dpmpp_2m", 5), (std::vector<double>{999, 799, 599, 400, 200}));
  EXPECT_EQ(layout("dpmpp_2m", 4), (std::vector<double>{999, 749, 500, 250}));
  EXPECT_EQ(layout("dpmpp_2m", 5, with(sd_config(), {{"timestep_spacing", "leading"}})),
            (std::vector<double>{831, 665, 499, 333, 167}));
  EXPECT_EQ(layout("dpmpp_2m", 5, with(sd_config(), {{"timestep_spacing", "trailing"}})),
            (std::vector<double>{999, 799, 599, 399, 199}));
  EXPECT_EQ(layout("dpmpp_2m_karras", 5), (std::vector<double>{999, 786, 427, 59, 0}));
}

TEST(SchedulerTimesteps, EveryLayoutStaysInTheTrainingRange) {
  for (const std::string& name : bksdm::scheduler_names())
    for (const char* spacing : {"linspace", "leading", "trailing"})
      for (int steps : {1, 2, 3, 7, 10, 20, 25, 50, 100, 500}) {
        const json config = with(sd_config(), {{"timestep_spacing", spacing}});
        const std::vector<double> timesteps = layout(name, steps, config);
        ASSERT_FALSE(timesteps.empty()) << name << " " << spacing << " " << steps;
        for (size_t i = 0; i + 1 < timesteps.size(); ++i)
          EXPECT_GE(timesteps[i], timesteps[i + 1]) << name << " " << spacing << " " << steps;
        EXPECT_LE(timesteps.front(), 999);
        EXPECT_GE(timesteps.back(), 0);
        const size_t calls = name == "pndm" && steps > 1 ? size_t(steps) + 1 : size_t(steps);
        EXPECT_EQ(timesteps.size(), calls) << name << " " << spacing << " " << steps;
      }
}

TEST(SchedulerTimesteps, OffsetPastTheLastTrainingStepIsAnError) {
  // 1000 leading steps with offset 1 would reach timestep 1000.
  EXPECT_THROW(layout("ddim", 1000), bksdm::Error);
  EXPECT_THROW(layout("ddim", 0), bksdm::Error);
  EXPECT_THROW(layout("euler", 1001), bksdm::Error);
}

// The SD noise schedule: sigma = sqrt((1 - alphas_cumprod) / alphas_cumprod).
constexpr double kSigmaMax = 14.614641;  // timestep 999
constexpr double kSigmaMin = 0.0291672;  // timestep 0

TEST(SchedulerSigmas, EulerInterpolatesTheTrainingSigmas) {
  auto euler = make_scheduler("euler", sd_config());
  euler->set_timesteps(5);
  const std::vector<double> sigmas = sigmas_of(*euler);
  ASSERT_EQ(sigmas.size(), 6u);
  EXPECT_NEAR(sigmas[0], kSigmaMax, kSigmaMax * 1e-5);
  EXPECT_NEAR(sigmas[4], kSigmaMin, kSigmaMin * 1e-4);
  EXPECT_EQ(sigmas[5], 0.0);
  for (size_t i = 0; i + 1 < sigmas.size(); ++i) EXPECT_GT(sigmas[i], sigmas[i + 1]);
  // linspace: the initial noise is sigma_max itself.
  EXPECT_EQ(euler->init_noise_sigma(), sigmas[0]);
  // scale_model_input divides by sqrt(sigma^2 + 1).
  const at::Tensor ones = at::ones({1, 4, 2, 2});
  EXPECT_NEAR(euler->scale_model_input(ones, 0).mean().item<double>(), 1 / std::sqrt(sigmas[0] * sigmas[0] + 1), 1e-6);
}

TEST(SchedulerSigmas, EulerLeadingStartsWithAScaledSigma) {
  auto euler = make_scheduler("euler", with(sd_config(), {{"timestep_spacing", "leading"}}));
  euler->set_timesteps(50);
  EXPECT_EQ(euler->timesteps().front(), 981);
  // leading: sqrt(sigma(981)^2 + 1).
  EXPECT_NEAR(euler->init_noise_sigma(), 13.158464, 13.158464 * 1e-5);
}

TEST(SchedulerSigmas, FractionalTimestepsInterpolateLinearly) {
  auto euler = make_scheduler("euler", sd_config());
  euler->set_timesteps(4);  // 999, 666, 333, 0
  auto dpm = make_scheduler("dpmpp_2m", sd_config());
  dpm->set_timesteps(999);  // every timestep 999 down to 1 except one: the training sigmas themselves
  const std::vector<double> exact = sigmas_of(*dpm);
  const std::vector<double> euler_sigmas = sigmas_of(*euler);
  const auto training_sigma = [&](double t) {
    for (size_t i = 0; i < dpm->timesteps().size(); ++i)
      if (dpm->timesteps()[i] == t) return exact[i];
    ADD_FAILURE() << "timestep " << t << " missing";
    return 0.0;
  };
  EXPECT_EQ(euler_sigmas[1], float(training_sigma(666)));

  auto euler25 = make_scheduler("euler", sd_config());
  euler25->set_timesteps(25);  // 957.375 lies between 957 and 958
  const double s957 = training_sigma(957), s958 = training_sigma(958);
  EXPECT_NEAR(sigmas_of(*euler25)[1], s957 + 0.375 * (s958 - s957), 1e-6);
}

TEST(SchedulerSigmas, DpmSolverUsesTheTrainingSigmasAtItsTimesteps) {
  auto dpm = make_scheduler("dpmpp_2m", sd_config());
  dpm->set_timesteps(5);
  const std::vector<double> sigmas = sigmas_of(*dpm);
  ASSERT_EQ(sigmas.size(), 6u);
  EXPECT_NEAR(sigmas[0], kSigmaMax, kSigmaMax * 1e-5);
  EXPECT_EQ(sigmas[5], 0.0);
  EXPECT_EQ(dpm->init_noise_sigma(), 1.0);
}

TEST(SchedulerSigmas, KarrasSpacesSigmaToTheOneSeventhEvenly) {
  auto karras = make_scheduler("dpmpp_2m_karras", sd_config());
  karras->set_timesteps(5);
  const std::vector<double> sigmas = sigmas_of(*karras);
  ASSERT_EQ(sigmas.size(), 6u);
  // The ends are the schedule's extreme sigmas, the last call at timestep 0.
  EXPECT_NEAR(sigmas[0], kSigmaMax, kSigmaMax * 1e-5);
  EXPECT_NEAR(sigmas[4], kSigmaMin, kSigmaMin * 1e-4);
  EXPECT_EQ(sigmas[5], 0.0);
  const double first = std::pow(sigmas[0], 1 / 7.0), last = std::pow(sigmas[4], 1 / 7.0);
  for (int i = 0; i < 5; ++i) EXPECT_NEAR(std::pow(sigmas[size_t(i)], 1 / 7.0), first + (last - first) * i / 4, 1e-6);
  // The U-Net gets the matching timesteps rounded; the solver keeps the exact sigmas.
  auto plain = make_scheduler("dpmpp_2m", sd_config());
  plain->set_timesteps(999);
  EXPECT_NE(sigmas[1], sigmas_of(*plain)[size_t(999 - 786)]);
  EXPECT_EQ(karras->timesteps()[1], 786);
}

TEST(SchedulerSigmas, EulerHonoursKarrasAndFinalSigmaSettingsOfItsConfig) {
  auto euler = make_scheduler("euler", with(sd_config(), {{"use_karras_sigmas", true}}));
  euler->set_timesteps(5);
  const std::vector<double> sigmas = sigmas_of(*euler);
  auto karras = make_scheduler("dpmpp_2m_karras", sd_config());
  karras->set_timesteps(5);
  // The same Karras sigmas; Euler passes the fractional timesteps on.
  EXPECT_EQ(sigmas, sigmas_of(*karras));
  EXPECT_NEAR(euler->timesteps()[1], 786, 0.5);
  EXPECT_NE(euler->timesteps()[1], std::round(euler->timesteps()[1]));

  auto sigma_min = make_scheduler("euler", with(sd_config(), {{"final_sigmas_type", "sigma_min"}}));
  sigma_min->set_timesteps(5);
  EXPECT_NEAR(sigmas_of(*sigma_min).back(), kSigmaMin, kSigmaMin * 1e-4);
  // Euler ancestral has no such settings: from_config ignores them.
  auto ancestral = make_scheduler("euler_a", with(sd_config(), {{"use_karras_sigmas", true}}));
  ancestral->set_timesteps(5);
  EXPECT_EQ(ancestral->timesteps(), (std::vector<double>{999, 749.25, 499.5, 249.75, 0}));
}

TEST(SchedulerSigmas, BetaSchedules) {
  // A linear schedule from 1e-4 to 2e-2 (the DDPM one) ends at a much higher sigma.
  auto linear = make_scheduler(
      "euler", with(sd_config(), {{"beta_schedule", "linear"}, {"beta_start", 0.0001}, {"beta_end", 0.02}}));
  linear->set_timesteps(5);
  EXPECT_NEAR(sigmas_of(*linear)[0], 157.4, 0.1);
  // trained_betas replace the schedule; here the SD betas' first value repeated.
  std::vector<double> betas(1000, 0.00085);
  auto trained = make_scheduler("euler", with(sd_config(), {{"trained_betas", betas}}));
  trained->set_timesteps(2);
  const double alpha_bar_999 = std::pow(1 - double(float(0.00085)), 1000);
  EXPECT_NEAR(sigmas_of(*trained)[0], std::sqrt((1 - alpha_bar_999) / alpha_bar_999), 1e-4);
  auto cosine = make_scheduler("ddim", with(sd_config(), {{"beta_schedule", "squaredcos_cap_v2"}}));
  cosine->set_timesteps(5);
  EXPECT_EQ(cosine->timesteps().size(), 5u);
}

}  // namespace
