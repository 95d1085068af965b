// A task with a readout plan: integration, then scans and outcomes from the sampled tumour.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/run/execute_task.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/text_files.hpp"

namespace {
std::string fixture(const std::string& name) {
  return icbsim::testing::read_text(std::filesystem::path(ICBSIM_SOURCE_DIR) / "tests/data" / name);
}
}  // namespace

TEST_CASE("the readout measures the simulated tumour at every scan", "[run][readout]") {
  const auto registry = icbsim::models::builtin_registry();
  const auto scenario = icbsim::load_scenario_text(fixture("kuznetsov_readout.yaml"), "kuznetsov_readout.yaml", registry);
  const icbsim::Plan plan(scenario);
  REQUIRE(plan.scan_times().size() == 9 + 6);  // 0..48 weeks every 6 weeks, then every 9 weeks to day 730.5
  REQUIRE(plan.pre_baseline_scan() == Approx(-42.0));
  const auto result = icbsim::execute_task(scenario, plan, 0);
  REQUIRE(result.ok);
  REQUIRE(result.readout);
  const auto& r = *result.readout;
  // Baseline SLD: two lesions of the 5e6-cell (5 mL) tumour — sampled at day 0 of the simulation.
  const auto in = plan.task(0);
  const std::size_t n = in.sample_times.size();
  const auto it = std::find(in.sample_times.begin(), in.sample_times.end(), 0.0);
  const double T0 = result.output.samples[n + static_cast<std::size_t>(it - in.sample_times.begin())];
  const double D0 = 10.0 * std::cbrt(6.0 * (T0 / 1e6) / M_PI);
  CHECK(r.sld_mm[0] == Approx(D0 * (std::cbrt(0.7) + std::cbrt(0.3))).epsilon(1e-12));
  CHECK(r.scan_times == plan.scan_times());
  CHECK(r.recist.size() == plan.scan_times().size());
  CHECK(r.irecist.size() == plan.scan_times().size());
  CHECK(std::isfinite(r.tgr_pre));
  // The tumour first grows (to ~1e8 cells by day 35) and is then controlled: progression is seen.
  CHECK(r.progression_day);
}

TEST_CASE("the readout plan is deterministic per task and seed", "[run][readout]") {
  const auto registry = icbsim::models::builtin_registry();
  auto text = fixture("kuznetsov_readout.yaml");
  text.replace(text.find("lesions:"), 0, "measurement_cv: 0.1\n  ");
  const auto scenario = icbsim::load_scenario_text(text, "cv.yaml", registry);
  const icbsim::Plan plan(scenario);
  const auto a = icbsim::execute_task(scenario, plan, 0);
  const auto b = icbsim::execute_task(scenario, plan, 0);
  CHECK(a.readout->sld_mm == b.readout->sld_mm);
}
