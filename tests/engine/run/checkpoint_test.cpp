// Checkpoint and restart: a run continued from a checkpoint file equals the straight run byte for
// byte (dopri5 and rosenbrock4, a patient with a readout, a cohort with stop rules, a checkpoint
// inside an infusion); mismatched checkpoints are refused before any work.
#include <catch2/catch.hpp>

#include <filesystem>

#include "engine/core/errors.hpp"
#include "engine/io/checkpoint/checkpoint_file.hpp"
#include "engine/io/checkpoint/checkpoint_loader.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/checkpoint.hpp"
#include "engine/run/execute_task.hpp"
#include "engine/run/runner.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/hdf5_datasets.hpp"
#include "tests/support/run_to_file.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

using icbsim::testing::registry;

using icbsim::testing::read_text;

const fs::path kData = fs::path(ICBSIM_SOURCE_DIR) / "tests/data/checkpoints";

/// The treated patient of tests/data/checkpoints, with `from` replaced by `to` in its text.
icbsim::Scenario patient(const std::string& from = "", const std::string& to = "") {
  std::string text = read_text(kData / "nsclc_pembrolizumab.yaml");
  if (!from.empty()) {
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), to);
  }
  return icbsim::load_scenario_text(text, "nsclc_pembrolizumab.yaml", registry());
}

fs::path folder() {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "checkpoints";
  fs::create_directories(dir);
  return dir;
}

fs::path run(const icbsim::Scenario& s, const std::string& name) {
  const fs::path path = folder() / name;
  icbsim::testing::run_to_file(s, path);
  return path;
}

fs::path checkpoint(const icbsim::Scenario& s, double t, const std::string& name) {
  const fs::path path = folder() / name;
  icbsim::write_checkpoint_file(path.string(), icbsim::take_checkpoint(s, t), s);
  return path;
}

/// Tasks of a continued scenario whose final integration resumed from the checkpoint.
std::size_t resumed_tasks(const icbsim::Scenario& s) {
  const icbsim::Plan plan(s);
  std::size_t n = 0;
  for (std::size_t id = 0; id < plan.size(); ++id) {
    const auto result = icbsim::execute_task(s, plan, id);
    n += result.ok && result.output.resumed ? 1 : 0;
  }
  return n;
}

/// Straight run, checkpoint at t, restart from the file: every dataset byte for byte. `resumed`:
/// how many tasks must end resumed from the checkpoint (default: at least one).
void check_restart_identity(const icbsim::Scenario& s, double t, const std::string& name, int resumed = -1) {
  const auto straight = icbsim::testing::datasets(run(s, name + "_straight.h5"));
  const fs::path file = checkpoint(s, t, name + "_checkpoint.h5");
  const icbsim::Scenario restart = icbsim::load_restart_scenario(file.string(), registry());
  const auto restarted = icbsim::testing::datasets(run(restart, name + "_restarted.h5"));
  REQUIRE(straight.size() > 100);
  CHECK(straight.size() == restarted.size());
  for (const auto& [path, bytes] : straight) {
    INFO(path);
    REQUIRE(restarted.count(path) == 1);
    CHECK(restarted.at(path) == bytes);
  }
  if (resumed < 0) CHECK(resumed_tasks(restart) > 0);
  else CHECK(resumed_tasks(restart) == static_cast<std::size_t>(resumed));
}

}  // namespace

TEST_CASE("a restarted treated patient with a readout equals the straight run byte for byte (dopri5)", "[run][checkpoint]") {
  const icbsim::Scenario s = patient();
  check_restart_identity(s, 84.0, "dopri5");
  check_restart_identity(s, 100.0, "dopri5_day100");  // between doses: the carried step size matters

  // The checkpoint holds the straight run's state at day 84 and its records before it.
  const icbsim::Checkpoint c = icbsim::take_checkpoint(s, 84.0);
  REQUIRE(c.tasks.size() == 1);
  REQUIRE(c.tasks[0].state);
  const icbsim::IntegrationState& state = *c.tasks[0].state;
  const icbsim::Plan plan(s);
  const auto straight = icbsim::execute_task(s, plan, 0);
  const std::size_t n_times = plan.output_times().size();
  REQUIRE(plan.output_times()[84] == 84.0);
  REQUIRE(state.trajectory_columns == 84);
  for (std::size_t i = 0; i < s.model->variables.size(); ++i) {
    INFO(s.model->variables[i].name);
    CHECK(state.state[i] == straight.output.trajectories[i * n_times + 84]);  // infusions: no jump at day 84
    CHECK(state.trajectories[i * 84 + 83] == straight.output.trajectories[i * n_times + 83]);
  }
  CHECK(c.tasks[0].stream == plan.stream_id(0));
  CHECK(c.tasks[0].doses.size() == plan.task(0).doses.size());
}

TEST_CASE("a restarted stiff-solver run equals the straight run byte for byte (rosenbrock4)", "[run][checkpoint]") {
  // Day 100 is no dose day: the checkpoint's own cut; the Rosenbrock controller's memory is carried.
  const icbsim::Scenario s = patient("method: dopri5", "method: rosenbrock4");
  check_restart_identity(s, 100.0, "rosenbrock4");
  const icbsim::Checkpoint c = icbsim::take_checkpoint(s, 100.0);
  CHECK(c.tasks[0].state->controller[0] == 0.0);  // past the first step: the memory is in use
  CHECK(c.tasks[0].state->controller[2] > 0.0);
}

TEST_CASE("a checkpoint inside an infusion continues it exactly", "[run][checkpoint]") {
  // Day 84.01 falls inside the 30-minute infusion that starts on day 84: the dose started before
  // the checkpoint and keeps running after it.
  const icbsim::Scenario s = patient("checkpoints: [84 day, 100 day]", "checkpoints: [84.01 day]");
  check_restart_identity(s, 84.01, "infusion");
  const icbsim::Checkpoint c = icbsim::take_checkpoint(s, 84.01);
  const auto infusing = std::count_if(c.tasks[0].doses.begin(), c.tasks[0].doses.end(), [](const icbsim::DoseEvent& d) {
    return d.time < 84.01 && d.time + d.duration > 84.01;
  });
  CHECK(infusing == 1);
}

TEST_CASE("a restarted cohort with stop rules equals the straight run byte for byte", "[run][checkpoint][cohort]") {
  // Four patients in two paired arms, one stopping at progression: a stop found after the
  // checkpoint continues from it, one found before re-integrates the task from its start. Fast
  // tumours (median growth 0.02/day), so that some progress on full PD-1 blockade, on day 42, 84 or 126.
  const icbsim::Scenario s = patient("seed: 11", R"(seed: 11
population:
  size: 4
  distributions:
    tumour_growth_rate: {distribution: lognormal, median: 0.02 1/day, cv: 0.3}
    antigenicity: {distribution: lognormal, median: 1, cv: 0.8, max: 20}
  prevalence: {low_tmb: 0.5}
arms:
  beyond_progression: {}
  stop_at_progression: {treatment: {drugs: [{drug: pembrolizumab, regimen: 200mg_q3w}], stop: progression}})");
  check_restart_identity(s, 84.0, "cohort");
  // At least one patient stops after the checkpoint and continues from it with fewer doses.
  const icbsim::Scenario restart =
      icbsim::load_restart_scenario((folder() / "cohort_checkpoint.h5").string(), registry());
  const icbsim::Plan plan(restart);
  std::size_t stopped_and_resumed = 0;
  for (std::size_t id = 0; id < plan.size(); ++id) {
    const auto r = icbsim::execute_task(restart, plan, id);
    if (r.output.resumed && r.doses_given < plan.task(id).doses.size()) ++stopped_and_resumed;
  }
  CHECK(stopped_and_resumed > 0);
}

TEST_CASE("a stop before the checkpoint re-integrates the task from its start exactly", "[run][checkpoint]") {
  // A fast tumour that pembrolizumab cannot touch progresses at the day-42 scan: dosing stops
  // there in the straight run, so its history before day 84 is not the checkpointed one.
  std::string text = read_text(kData / "nsclc_pembrolizumab.yaml");
  text.replace(text.find("initial:"), 8, "parameters: {antigenicity: 0, tumour_growth_rate: 0.04}\ninitial:");
  text.replace(text.find("200mg_q3w}]"), 11, "200mg_q3w}]\n  stop: progression");
  const icbsim::Scenario s = icbsim::load_scenario_text(text, "fast.yaml", registry());
  check_restart_identity(s, 84.0, "stop_before", /*resumed=*/0);
  const auto straight = icbsim::execute_task(s, icbsim::Plan(s), 0);
  REQUIRE(straight.readout->progression_day);
  CHECK(*straight.readout->progression_day < 84.0);
  CHECK(straight.doses_given == 3);  // days 0, 21 and 42
}

TEST_CASE("a failed task is restarted from its start and fails as it did", "[run][checkpoint]") {
  const icbsim::Scenario s = patient("atol: 1e-6}", "atol: 1e-6, max_steps: 20}");
  const icbsim::Checkpoint c = icbsim::take_checkpoint(s, 84.0);
  REQUIRE_FALSE(c.tasks[0].failure.empty());
  CHECK_FALSE(c.tasks[0].state);
  const auto straight = icbsim::testing::datasets(run(s, "failing_straight.h5"));
  const fs::path file = checkpoint(s, 84.0, "failing_checkpoint.h5");
  const auto restarted = icbsim::testing::datasets(run(icbsim::load_restart_scenario(file.string(), registry()), "failing_restarted.h5"));
  CHECK(straight == restarted);
}

TEST_CASE("checkpoint times must lie inside the run and among the scenario's checkpoints", "[run][checkpoint][bad-input]") {
  const icbsim::Scenario s = patient();
  CHECK_THROWS_WITH(icbsim::take_checkpoint(s, 400.0), Contains("lies outside the run"));
  CHECK_THROWS_WITH(icbsim::take_checkpoint(s, 0.0), Contains("lies outside the run"));
  CHECK_THROWS_WITH(icbsim::take_checkpoint(s, 90.0), Contains("day 90 is not among the scenario's checkpoints"));
  CHECK_THROWS_WITH(patient("[84 day, 100 day]", "[84 day, 2 years]"), Contains("lies outside the run"));
  CHECK_THROWS_WITH(patient("[84 day, 100 day]", "[100 day, 84 day]"), Contains("ascending"));
  CHECK_THROWS_WITH(patient("[84 day, 100 day]", "[84 day, 100 mg]"), Contains("checkpoint time"));
}

TEST_CASE("a checkpoint of another model or scenario is refused before any work", "[run][checkpoint][bad-input]") {
  const icbsim::Scenario s = patient();
  auto continuation = std::make_shared<const icbsim::Continuation>(
      icbsim::Continuation{std::make_shared<const icbsim::Checkpoint>(icbsim::take_checkpoint(s, 84.0)), false});

  std::string text = read_text(fs::path(ICBSIM_SOURCE_DIR) / "tests/data/kuznetsov_readout.yaml");
  text += "\ncheckpoints: [84 day]\n";
  icbsim::Scenario other_model = icbsim::load_scenario_text(text, "kuznetsov_readout.yaml", registry());
  other_model.continuation = continuation;
  CHECK_THROWS_WITH(icbsim::Plan(other_model), Contains("the checkpoint is of model 'nsclc_icb'"));

  icbsim::Scenario other_dose = patient("200mg_q3w", "400mg_q6w");
  other_dose.continuation = continuation;
  const icbsim::Plan plan(other_dose);
  CHECK_THROWS_WITH(icbsim::check_continuation(plan), Contains("differ from the checkpoint's"));

  icbsim::Scenario other_patient = patient("2.42e9 cells", "3e9 cells");
  other_patient.continuation = continuation;
  CHECK_THROWS_WITH(icbsim::check_continuation(icbsim::Plan(other_patient)), Contains("differ from the checkpoint's"));

  icbsim::Scenario cohort = patient("seed: 11", "seed: 11\npopulation: {size: 3}");
  cohort.continuation = continuation;
  CHECK_THROWS_WITH(icbsim::Plan(cohort), Contains("the checkpoint holds 1 task(s)"));

  icbsim::Scenario at_other_time = patient("[84 day, 100 day]", "[100 day]");
  at_other_time.continuation = continuation;
  CHECK_THROWS_WITH(icbsim::Plan(at_other_time), Contains("day 84 is not among the scenario's checkpoints"));
}

TEST_CASE("a result file is not a checkpoint", "[run][checkpoint][bad-input]") {
  const fs::path result = run(patient(), "not_a_checkpoint.h5");
  CHECK_THROWS_AS(icbsim::read_checkpoint_file(result.string(), registry()), icbsim::IoError);
  CHECK_THROWS_WITH(icbsim::read_checkpoint_file(result.string(), registry()), Contains("is not an icbsim checkpoint file"));
  CHECK_THROWS_WITH(icbsim::read_checkpoint_file((folder() / "missing.h5").string(), registry()), Contains("does not exist"));
}
