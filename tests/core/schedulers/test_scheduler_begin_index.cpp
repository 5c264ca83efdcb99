// Runs that start part-way (img2img's t_start): add_noise and set_begin_index, against diffusers'
// recorded img2img and inpainting runs and against the formulas computed here in double precision.
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/io/error.h"
#include "core/io/safetensors.h"
#include "core/schedulers/scheduler.h"

namespace fs = std::filesystem;
using bksdm::make_scheduler;
using bksdm::Scheduler;
using nlohmann::json;

namespace {

const fs::path kFixtures = BKSDM_FIXTURES_DIR;

json scheduler_config(const std::string& model) {
  std::ifstream in(kFixtures / "models" / model / "scheduler/scheduler_config.json");
  return json::parse(in);
}

// Stable Diffusion's scheduler config (scaled_linear betas from 0.00085 to 0.012, steps_offset 1,
// no clip_sample, set_alpha_to_one false), as every fixture model has it.
json sd_config() { return scheduler_config("sd-v1-4-mini"); }

at::Generator generator(uint64_t seed) { return at::make_generator<at::CPUGeneratorImpl>(seed); }

double relative_error(const at::Tensor& actual, const at::Tensor& expected) {
  return ((actual.to(at::kDouble) - expected.to(at::kDouble)).norm() / expected.to(at::kDouble).norm()).item<double>();
}

// The SD config's alpha_bar by hand, in double: betas evenly spaced in sqrt(beta) over 1000 steps.
const std::vector<double>& alpha_bar() {
  static const std::vector<double> values = [] {
    std::vector<double> products;
    const double from = std::sqrt(0.00085), to = std::sqrt(0.012);
    double product = 1;
    for (int i = 0; i < 1000; ++i) {
      const double root = from + (to - from) * i / 999;
      product *= 1 - root * root;
      products.push_back(product);
    }
    return products;
  }();
  return values;
}

// The variance-exploding sigma sqrt((1 - alpha_bar) / alpha_bar) at a fractional timestep, linear
// between the neighbouring training timesteps (np.interp).
double sigma_at(double timestep) {
  const auto sigma = [](size_t t) { return std::sqrt((1 - alpha_bar()[t]) / alpha_bar()[t]); };
  const auto below = size_t(std::floor(timestep));
  const double fraction = timestep - double(below);
  return fraction == 0 ? sigma(below) : (1 - fraction) * sigma(below) + fraction * sigma(below + 1);
}

// The Karras sigma of call k of n: evenly spaced in sigma^(1/7) from sigma(999) down to sigma(0).
double karras_sigma(size_t k, size_t n) {
  const double top = std::pow(sigma_at(999), 1 / 7.0), bottom = std::pow(sigma_at(0), 1 / 7.0);
  return std::pow(top + double(k) / double(n - 1) * (bottom - top), 7);
}

// add_noise(x, n, k) = a * x + b * n: the two factors of call k, by the formula of each family.
struct NoiseFactors {
  double original, noise;
};

NoiseFactors noise_factors(const std::string& name, const Scheduler& scheduler, size_t k) {
  const double t = scheduler.timesteps()[k];
  if (name == "pndm" || name == "ddim") return {std::sqrt(alpha_bar()[size_t(t)]), std::sqrt(1 - alpha_bar()[size_t(t)])};
  if (name == "euler" || name == "euler_a") return {1, sigma_at(t)};
  // DPM-Solver: alpha = 1 / sqrt(sigma^2 + 1) (at an integer timestep, sqrt(alpha_bar)).
  const double sigma = name == "dpmpp_2m_karras" ? karras_sigma(k, scheduler.timesteps().size()) : sigma_at(t);
  const double alpha = 1 / std::sqrt(sigma * sigma + 1);
  return {alpha, sigma * alpha};
}

TEST(SchedulerAddNoise, EachSchedulerNoisesByItsFormula) {
  const at::Tensor original = at::tensor({1.0f, -2.0f, 0.5f, 0.0f});
  const at::Tensor noise = at::tensor({0.25f, 3.0f, -1.0f, 2.0f});
  for (const std::string& name : bksdm::scheduler_names()) {
    auto scheduler = make_scheduler(name, sd_config());
    scheduler->set_timesteps(5);
    for (size_t k = 0; k < scheduler->timesteps().size(); ++k) {
      SCOPED_TRACE(name + " call " + std::to_string(k));
      const at::Tensor noised = scheduler->add_noise(original, noise, k);
      ASSERT_EQ(noised.scalar_type(), at::kFloat);
      const NoiseFactors factors = noise_factors(name, *scheduler, k);
      for (int64_t i = 0; i < original.numel(); ++i) {
        const double expected =
            factors.original * original[i].item<double>() + factors.noise * noise[i].item<double>();
        // float32 alphas_cumprod drift from the double product by about 1e-6 of their value.
        EXPECT_NEAR(noised[i].item<double>(), expected, 2e-5 * std::abs(expected) + 1e-6) << "element " << i;
      }
    }
  }
}

TEST(SchedulerAddNoise, KeepsTheDtypeOfTheSamples) {
  for (const std::string& name : bksdm::scheduler_names()) {
    auto scheduler = make_scheduler(name, sd_config());
    scheduler->set_timesteps(4);
    const at::Tensor original = at::ones({2, 4, 2, 2}, at::kDouble);
    EXPECT_EQ(scheduler->add_noise(original, original, 1).scalar_type(), at::kDouble) << name;
  }
}

TEST(SchedulerAddNoise, RefusesPositionsOutsideTheRun) {
  auto scheduler = make_scheduler("euler", sd_config());
  const at::Tensor x = at::zeros({1, 4, 2, 2});
  EXPECT_THROW(scheduler->add_noise(x, x, 0), bksdm::Error);  // no set_timesteps yet
  scheduler->set_timesteps(4);
  EXPECT_THROW(scheduler->add_noise(x, x, 4), bksdm::Error);
}

// --- diffusers' img2img and inpainting runs (cases-ext.json) ---

struct PartialRun {
  json spec;
  std::shared_ptr<const bksdm::SafetensorsFile> expected;
  int steps = 0;
  size_t t_start = 0;
};

// diffusers' get_timesteps: init = min(int(steps * strength), steps), t_start = steps - init.
size_t t_start_of(int steps, double strength) { return size_t(steps - std::min(int(steps * strength), steps)); }

std::vector<PartialRun> partial_runs(const std::string& kind) {
  std::ifstream in(kFixtures / "cases-ext.json");
  std::vector<PartialRun> runs;
  for (const json& spec : json::parse(in)) {
    if (spec["kind"] != kind) continue;
    PartialRun run{spec, bksdm::SafetensorsFile::open(kFixtures / spec["file"].get<std::string>())};
    run.steps = std::stoi(spec["steps"].get<std::string>());
    run.t_start = t_start_of(run.steps, std::stod(spec["strength"].get<std::string>()));
    runs.push_back(std::move(run));
  }
  return runs;
}

std::unique_ptr<Scheduler> started_scheduler(const PartialRun& run) {
  auto scheduler = make_scheduler(run.spec["scheduler"].get<std::string>(), scheduler_config(run.spec["model"]));
  scheduler->set_timesteps(run.steps);
  scheduler->set_begin_index(run.t_start);
  return scheduler;
}

TEST(SchedulerBeginIndex, TStartIsDiffusersFormula) {
  EXPECT_EQ(t_start_of(5, 0.6), 2u);
  EXPECT_EQ(t_start_of(8, 0.3), 6u);  // int(2.4) = 2 steps of 8
  EXPECT_EQ(t_start_of(6, 0.75), 2u);
  EXPECT_EQ(t_start_of(4, 1.0), 0u);
}

TEST(SchedulerBeginIndex, RunsDiffusersTimestepsFromTStart) {
  for (const std::string kind : {"img2img", "inpaint"}) {
    const std::vector<PartialRun> runs = partial_runs(kind);
    ASSERT_FALSE(runs.empty()) << kind;
    for (const PartialRun& run : runs) {
      SCOPED_TRACE(run.spec["file"].get<std::string>());
      auto scheduler = started_scheduler(run);
      const at::Tensor recorded = run.expected->tensor("timesteps").to(at::kDouble);
      ASSERT_EQ(scheduler->timesteps().size() - run.t_start, size_t(recorded.numel()));
      for (int64_t i = 0; i < recorded.numel(); ++i)
        EXPECT_DOUBLE_EQ(scheduler->timesteps()[run.t_start + size_t(i)], recorded[i].item<double>()) << i;
      if (const auto* latent_timestep = run.expected->find("latent_timestep")) {
        const at::Tensor values = run.expected->tensor(latent_timestep->name).to(at::kDouble);
        for (int64_t i = 0; i < values.numel(); ++i)
          EXPECT_DOUBLE_EQ(values[i].item<double>(), scheduler->timesteps()[run.t_start]);
      }
    }
  }
}

TEST(SchedulerAddNoise, Img2ImgStartIsDiffusers) {
  for (const PartialRun& run : partial_runs("img2img")) {
    SCOPED_TRACE(run.spec["file"].get<std::string>());
    auto scheduler = started_scheduler(run);
    const at::Tensor noised = scheduler->add_noise(run.expected->tensor("init_latents"),
                                                   run.expected->tensor("noise"), run.t_start);
    EXPECT_LE(relative_error(noised, run.expected->tensor("noised_latents")), 1e-5);
  }
}

// Inpainting puts the kept pixels (mask 0) back on the image's noise path after every step:
// add_noise at the next call's position, and the clean image after the last step. Where the mask is
// 0 the recorded latents are that alone.
TEST(SchedulerAddNoise, InpaintingKeptPixelsFollowDiffusersNoisePath) {
  for (const PartialRun& run : partial_runs("inpaint")) {
    SCOPED_TRACE(run.spec["file"].get<std::string>());
    auto scheduler = started_scheduler(run);
    const at::Tensor init = run.expected->tensor("init_latents");
    const at::Tensor noise = run.expected->tensor("noise");
    const at::Tensor kept = run.expected->tensor("mask_latents").eq(0).expand_as(init);
    ASSERT_GT(kept.sum().item<int64_t>(), 0);
    if (run.t_start > 0) {  // strength 1 starts from pure noise instead
      EXPECT_LE(relative_error(scheduler->add_noise(init, noise, run.t_start),
                               run.expected->tensor("noised_latents")), 1e-5);
    }
    const at::Tensor step_latents = run.expected->tensor("step_latents");
    for (int64_t i = 0; i < step_latents.size(0); ++i) {
      const size_t next = run.t_start + size_t(i) + 1;
      const at::Tensor path = next < scheduler->timesteps().size() ? scheduler->add_noise(init, noise, next) : init;
      EXPECT_LE(relative_error(path.masked_select(kept), step_latents[i].masked_select(kept)), 1e-5) << "step " << i;
    }
  }
}

// --- stepping from a begin index, by hand ---

// The deterministic transfer from alpha_bar a_t to a_prev with noise estimate eps (DDIM with eta 0,
// which PNDM's formula 9 equals).
at::Tensor transfer(const at::Tensor& x, double a_t, double a_prev, const at::Tensor& eps) {
  const at::Tensor x0 = (x - std::sqrt(1 - a_t) * eps) / std::sqrt(a_t);
  return std::sqrt(a_prev) * x0 + std::sqrt(1 - a_prev) * eps;
}

struct Inputs {
  at::Tensor sample;
  std::vector<at::Tensor> outputs;  // the model output of each call
};

Inputs random_inputs(size_t calls) {
  Inputs inputs{at::randn({1, 4, 4, 4}, generator(1)).to(at::kDouble), {}};
  for (size_t i = 0; i < calls; ++i) inputs.outputs.push_back(at::randn({1, 4, 4, 4}, generator(10 + i)).to(at::kDouble));
  return inputs;
}

// Steps `scheduler` from `begin` to its end with `inputs` (float32) and returns the latents after each.
std::vector<at::Tensor> run_from(Scheduler& scheduler, size_t begin, const Inputs& inputs) {
  scheduler.set_begin_index(begin);
  bksdm::NoiseSource gen = bksdm::NoiseSource::shared(0);
  at::Tensor sample = inputs.sample.to(at::kFloat);
  std::vector<at::Tensor> latents;
  for (size_t i = begin; i < scheduler.timesteps().size(); ++i) {
    sample = scheduler.step(inputs.outputs[i - begin].to(at::kFloat), i, sample, gen).prev_sample;
    latents.push_back(sample);
  }
  return latents;
}

void expect_latents(const std::vector<at::Tensor>& actual, const std::vector<at::Tensor>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < actual.size(); ++i) EXPECT_LE(relative_error(actual[i], expected[i]), 1e-5) << "call " << i;
}

// A whole run first: set_timesteps must leave nothing of it behind for the run from the begin index.
std::unique_ptr<Scheduler> after_a_full_run(const std::string& name, int steps) {
  auto scheduler = make_scheduler(name, sd_config());
  scheduler->set_timesteps(steps);
  run_from(*scheduler, 0, random_inputs(scheduler->timesteps().size()));
  scheduler->set_timesteps(steps);
  return scheduler;
}

TEST(SchedulerBeginIndex, DdimStepsFromTheBeginIndex) {
  auto scheduler = after_a_full_run("ddim", 5);
  ASSERT_EQ(scheduler->timesteps(), (std::vector<double>{801, 601, 401, 201, 1}));
  const Inputs in = random_inputs(3);
  const auto& a = alpha_bar();
  const at::Tensor x1 = transfer(in.sample, a[401], a[201], in.outputs[0]);
  const at::Tensor x2 = transfer(x1, a[201], a[1], in.outputs[1]);
  const at::Tensor x3 = transfer(x2, a[1], a[0], in.outputs[2]);  // the last goes to alpha_bar[0]
  expect_latents(run_from(*scheduler, 2, in), {x1, x2, x3});
}

// PNDM's warm-up counts calls since set_timesteps, not positions: from position 2 of
// [801, 601, 601, 401, 201, 1] the first call (at 601) is the plain first step, the second (at 401)
// redoes it from the same start with the averaged noise, and only then do the linear multistep
// formulas begin (the second call's output is not kept in their history), as in diffusers' img2img.
TEST(SchedulerBeginIndex, PndmWarmsUpAgainFromTheBeginIndex) {
  auto scheduler = after_a_full_run("pndm", 5);
  ASSERT_EQ(scheduler->timesteps(), (std::vector<double>{801, 601, 601, 401, 201, 1}));
  const Inputs in = random_inputs(4);
  const auto& e = in.outputs;
  const auto& a = alpha_bar();
  const at::Tensor x1 = transfer(in.sample, a[601], a[401], e[0]);
  const at::Tensor x2 = transfer(in.sample, a[601], a[401], (e[0] + e[1]) / 2);
  const at::Tensor x3 = transfer(x2, a[201], a[1], (3 * e[2] - e[0]) / 2);
  const at::Tensor x4 = transfer(x3, a[1], a[0], (23 * e[3] - 16 * e[2] + 5 * e[0]) / 12);
  expect_latents(run_from(*scheduler, 2, in), {x1, x2, x3, x4});
}

TEST(SchedulerBeginIndex, EulerStepsFromTheBeginIndexSigma) {
  auto scheduler = after_a_full_run("euler", 5);
  const Inputs in = random_inputs(3);
  // An epsilon prediction's derivative is the prediction: x + eps * (sigma_next - sigma).
  std::vector<double> sigmas;
  for (double t : scheduler->timesteps()) sigmas.push_back(sigma_at(t));
  sigmas.push_back(0);
  std::vector<at::Tensor> expected;
  at::Tensor x = in.sample;
  for (size_t i = 2; i < 5; ++i) expected.push_back(x = x + in.outputs[i - 2] * (sigmas[i + 1] - sigmas[i]));
  expect_latents(run_from(*scheduler, 2, in), expected);
}

// DPM-Solver++(2M) from the begin index: first order at it (no history yet), second order with the
// begin index's prediction next, and first order at the last call (lower_order_final, under 15 steps).
TEST(SchedulerBeginIndex, DpmSolverStartsItsHistoryAtTheBeginIndex) {
  auto scheduler = after_a_full_run("dpmpp_2m", 5);
  ASSERT_EQ(scheduler->timesteps(), (std::vector<double>{999, 799, 599, 400, 200}));
  const Inputs in = random_inputs(3);
  const auto& a = alpha_bar();
  // alpha = sqrt(alpha_bar), sigma = sqrt(1 - alpha_bar), lambda = log(alpha / sigma); the end is sigma 0.
  const auto alpha = [&](int t) { return std::sqrt(a[size_t(t)]); };
  const auto sigma = [&](int t) { return std::sqrt(1 - a[size_t(t)]); };
  const auto lambda = [&](int t) { return std::log(alpha(t) / sigma(t)); };
  const auto x0 = [&](const at::Tensor& x, int t, const at::Tensor& eps) { return (x - sigma(t) * eps) / alpha(t); };

  const at::Tensor d0 = x0(in.sample, 599, in.outputs[0]);
  const at::Tensor x1 = alpha(400) * d0 + sigma(400) * (in.sample - alpha(599) * d0) / sigma(599);
  const at::Tensor d1 = x0(x1, 400, in.outputs[1]);
  const double h = lambda(200) - lambda(400), r0 = (lambda(400) - lambda(599)) / h;
  const double phi = alpha(200) * (std::exp(-h) - 1);
  const at::Tensor x2 = (sigma(200) / sigma(400)) * x1 - phi * d1 - 0.5 * phi * (d1 - d0) / r0;
  const at::Tensor x3 = x0(x2, 200, in.outputs[2]);  // first order to sigma 0 lands on the prediction
  expect_latents(run_from(*scheduler, 2, in), {x1, x2, x3});
}

TEST(SchedulerBeginIndex, ComesBetweenSetTimestepsAndTheFirstStep) {
  auto scheduler = make_scheduler("dpmpp_2m", sd_config());
  const at::Tensor x = at::zeros({1, 4, 2, 2});
  bksdm::NoiseSource gen = bksdm::NoiseSource::shared(0);
  EXPECT_THROW(scheduler->set_begin_index(0), bksdm::Error);  // no set_timesteps yet
  scheduler->set_timesteps(4);
  EXPECT_THROW(scheduler->set_begin_index(4), bksdm::Error);  // past the last call
  scheduler->set_begin_index(2);
  EXPECT_THROW(scheduler->step(x, 0, x, gen), bksdm::Error);
  EXPECT_THROW(scheduler->step(x, 3, x, gen), bksdm::Error);
  scheduler->set_begin_index(1);  // not started yet: may still move
  scheduler->step(x, 1, x, gen);
  EXPECT_THROW(scheduler->set_begin_index(2), bksdm::Error);
  scheduler->set_timesteps(4);  // a new run begins at 0 again
  EXPECT_NO_THROW(scheduler->step(x, 0, x, gen));
}

}  // namespace
