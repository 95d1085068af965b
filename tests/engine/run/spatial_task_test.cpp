// spatial_task and spatial_spec: a task's lattice parameters take the scenario's, population and
// arm overlays in that order; the spatial mode runs with or without the scenario's snapshots, never
// from or to a checkpoint; which tasks are snapshotted.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/spatial_task.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"

namespace fs = std::filesystem;

namespace {

using icbsim::testing::registry;

icbsim::Scenario load(const std::string& name) {
  return icbsim::load_scenario_file((fs::path(ICBSIM_SOURCE_DIR) / "tests/data/spatial" / name).string(), registry());
}

}  // namespace

TEST_CASE("a spatial task's lattice parameters take scenario, carried and arm overlays", "[run][spatial]") {
  // phenotype_pair.yaml: host antibiotics for everyone, low TMB carried at prevalence 1, and a
  // wnt_beta_catenin arm (configs/host/antibiotics.yaml, configs/phenotypes/*.yaml).
  const icbsim::Scenario s = load("phenotype_pair.yaml");
  const auto& model = *s.spatial->parameters_model;
  const auto at = [&](const std::vector<double>& p, const char* name) {
    return p[static_cast<std::size_t>(model.parameter_index(name))];
  };
  const std::vector<double>& base = s.spatial->parameters;
  const std::vector<double> none = icbsim::spatial_task_parameters(s, {false}, 0);
  CHECK(at(none, "cd8_chemotaxis") == Approx(0.5 * at(base, "cd8_chemotaxis")));  // scenario-wide host factor
  CHECK(at(none, "cd8_antigen_recognition") == at(base, "cd8_antigen_recognition"));  // low TMB not carried
  CHECK(at(none, "tumour_chemokine_basal") == at(base, "tumour_chemokine_basal"));  // arm 0 has no overlay
  const std::vector<double> carried = icbsim::spatial_task_parameters(s, {true}, 0);
  CHECK(at(carried, "cd8_antigen_recognition") == Approx(0.3 * at(base, "cd8_antigen_recognition")));
  const std::vector<double> wnt = icbsim::spatial_task_parameters(s, {true}, 1);
  CHECK(at(wnt, "tumour_chemokine_basal") == Approx(0.1 * at(base, "tumour_chemokine_basal")));
  CHECK(at(wnt, "tumour_chemokine_ifng") == Approx(0.25 * at(base, "tumour_chemokine_ifng")));
  CHECK(at(wnt, "cd8_antigen_recognition") == Approx(0.3 * at(base, "cd8_antigen_recognition")));
}

TEST_CASE("a spatial task records snapshots only when asked and refuses checkpoints", "[run][spatial]") {
  const icbsim::Scenario s = load("small_cohort.yaml");  // snapshots of task 0 at days 0 and 14
  const icbsim::Plan plan(s);
  icbsim::TaskInput input = plan.task(0);
  const icbsim::TaskOutput with = icbsim::run_spatial_task(s, input, true);
  REQUIRE(with.snapshots.size() == 2);
  CHECK(with.snapshots[0].time == 0.0);
  CHECK(with.snapshots[1].time == 14.0);
  const icbsim::TaskOutput without = icbsim::run_spatial_task(s, input, false);
  CHECK(without.snapshots.empty());
  CHECK(without.trajectories == with.trajectories);  // recording snapshots does not change the run
  CHECK(without.spatial_metrics == with.spatial_metrics);
  input.stop_at = 7.0;
  CHECK_THROWS_WITH(icbsim::run_spatial_task(s, input, false), Catch::Contains("cannot be checkpointed"));
}

TEST_CASE("snapshots cover the listed tasks only when times are given", "[run][spatial]") {
  icbsim::SpatialSpec spec;
  spec.snapshot_tasks = {0, 3};
  CHECK_FALSE(spec.snapshots(0));  // no times: nothing to record
  spec.snapshot_times = {1.0};
  CHECK(spec.snapshots(0));
  CHECK(spec.snapshots(3));
  CHECK_FALSE(spec.snapshots(1));
  CHECK_FALSE(spec.snapshots(4));
}
