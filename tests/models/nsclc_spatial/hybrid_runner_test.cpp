// hybrid_runner: a scenario task run as a spatial patient — the task's clock shifted to the
// patient's (doses included), systemic rows at output and sample times, spatial metrics in the
// registered order at output times, snapshots at their times, and a wrong parameter count refused.
#include <catch2/catch.hpp>

#include <cmath>

#include "models/nsclc_icb/nsclc_icb.hpp"
#include "models/nsclc_spatial/hybrid_runner.hpp"
#include "tests/models/nsclc_spatial_harness.hpp"

namespace sp = icbsim::models::spatial;
using icbsim::models::NsclcIcb;

namespace {

/// A task starting at day 10 (the scenario's clock) with outputs at days 10-12, a sample at
/// 11.5, pembrolizumab given at day 10 when `treated`, on a 30 x 30 section.
icbsim::TaskInput task(bool treated) {
  sp::SpatialSettings s = spatial_test::small_section(3);
  s.lattice = {30, 30, 1};
  const sp::SpatialPatientInput in = spatial_test::patient_input({}, s, treated);
  icbsim::TaskInput t;
  t.parameters = in.systemic_parameters;
  t.initial_state = in.systemic_state;
  t.t_start = 10.0;
  t.t_end = 12.0;
  t.output_times = {10.0, 11.0, 12.0};
  t.sample_times = {11.5};
  t.doses = in.doses;
  for (icbsim::DoseEvent& d : t.doses) d.time += 10.0;  // the patient's day 0 is the task's day 10
  t.solver = in.solver;
  t.spatial_parameters = in.spatial_parameters;
  t.seed = 3;
  t.stream = 0;
  return t;
}

icbsim::SpatialRun grid(std::vector<double> snapshots = {}) {
  icbsim::SpatialRun run;
  run.grid.voxels = {30, 30, 1};
  run.snapshot_times = std::move(snapshots);
  return run;
}

std::size_t observable_row(std::string_view name) {
  for (std::size_t k = 0; k < NsclcIcb::kObservables.size(); ++k)
    if (NsclcIcb::kObservables[k].name == name) return NsclcIcb::kVariables.size() + k;
  FAIL("no observable " << name);
  return 0;
}

}  // namespace

TEST_CASE("a hybrid task fills its rows and metrics on the task's clock", "[nsclc_spatial][hybrid_runner]") {
  const spatial_test::SingleThread one;
  const icbsim::TaskOutput out = sp::run_hybrid_task(task(false), grid({11.0}));
  const std::size_t rows = NsclcIcb::kVariables.size() + NsclcIcb::kObservables.size();
  REQUIRE(out.trajectories.size() == rows * 3);
  REQUIRE(out.samples.size() == rows);
  REQUIRE(out.spatial_metrics.size() == sp::kSpatialMetrics.size() * 3);
  for (const double v : out.trajectories) CHECK(std::isfinite(v));
  for (const double v : out.samples) CHECK(std::isfinite(v));
  // Metrics in kSpatialMetrics order: lattice_tumour_cells (row 5) counts the nest at every output.
  REQUIRE(sp::kSpatialMetrics[5].variable.name == "lattice_tumour_cells");
  for (std::size_t column = 0; column < 3; ++column) CHECK(out.spatial_metrics[5 * 3 + column] > 100.0);
  // The patient's viable tumour cells are the lattice's times the fixed scale S, at every output.
  const std::size_t cells = observable_row("tumour_cells_total");
  const double scale = out.trajectories[cells * 3 + 0] / out.spatial_metrics[5 * 3 + 0];
  for (std::size_t column = 1; column < 3; ++column)
    CHECK(out.trajectories[cells * 3 + column] == Approx(scale * out.spatial_metrics[5 * 3 + column]).epsilon(1e-12));
  REQUIRE(out.snapshots.size() == 1);
  CHECK(out.snapshots[0].time == 11.0);
}

TEST_CASE("a hybrid task's doses are on the task's clock", "[nsclc_spatial][hybrid_runner]") {
  // Pembrolizumab at the task's day 10 (the patient's day 0) occupies PD-1 from the first output on.
  const spatial_test::SingleThread one;
  const std::size_t occupancy = observable_row("pd1_occupancy");
  const icbsim::TaskOutput treated = sp::run_hybrid_task(task(true), grid());
  const icbsim::TaskOutput untreated = sp::run_hybrid_task(task(false), grid());
  CHECK(treated.trajectories[occupancy * 3 + 1] > 0.5);
  CHECK(untreated.trajectories[occupancy * 3 + 1] == 0.0);
}

TEST_CASE("a hybrid task with the wrong number of lattice parameters is refused", "[nsclc_spatial][hybrid_runner]") {
  icbsim::TaskInput t = task(false);
  t.spatial_parameters.pop_back();
  CHECK_THROWS_WITH(sp::run_hybrid_task(t, grid()), Catch::Contains("nsclc_spatial parameters"));
}
