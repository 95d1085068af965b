// The checkpoint file: everything a Checkpoint holds comes back exactly, for a cohort with a task
// that failed before the checkpoint; the scenario it was taken from is kept with it.
#include <catch2/catch.hpp>

#include <filesystem>

#include "engine/io/checkpoint/checkpoint_file.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;

namespace {

bool same(const icbsim::DoseEvent& a, const icbsim::DoseEvent& b) {
  return a.time == b.time && a.target == b.target && a.amount == b.amount && a.duration == b.duration;
}

void check_same_state(const icbsim::IntegrationState& a, const icbsim::IntegrationState& b) {
  CHECK(a.time == b.time);
  CHECK(a.state == b.state);
  CHECK(a.next_step == b.next_step);
  CHECK(a.peak == b.peak);
  CHECK(a.controller == b.controller);
  CHECK(a.stats.steps == b.stats.steps);
  CHECK(a.stats.rhs_evaluations == b.stats.rhs_evaluations);
  CHECK(a.stats.segments == b.stats.segments);
  CHECK(a.trajectory_columns == b.trajectory_columns);
  CHECK(a.sample_columns == b.sample_columns);
  CHECK(a.trajectories == b.trajectories);
  CHECK(a.samples == b.samples);
}

}  // namespace

TEST_CASE("a checkpoint file gives back its checkpoint exactly", "[io][checkpoint]") {
  const auto registry = icbsim::models::builtin_registry();
  const std::string cohort = icbsim::testing::read_text(fs::path(ICBSIM_SOURCE_DIR) / "tests/data/checkpoints/nsclc_pembrolizumab.yaml") + R"(population:
  size: 3
  distributions: {tumour_growth_rate: {distribution: lognormal, median: 0.0115 1/day, cv: 0.3}}
  prevalence: {low_tmb: 0.5}
)";
  icbsim::Scenario s = icbsim::load_scenario_text(cohort, "cohort.yaml", registry);
  const icbsim::Checkpoint written = icbsim::take_checkpoint(s, 84.0);
  // A task that fails before the checkpoint: kept with its reason and inputs, without a state.
  icbsim::Scenario failing = s;
  failing.solver.max_steps = 30;
  icbsim::Checkpoint mixed = written;
  mixed.tasks[1] = icbsim::take_checkpoint(failing, 84.0).tasks[1];
  REQUIRE_FALSE(mixed.tasks[1].failure.empty());
  mixed.tasks[2].parameters.clear();  // as for a patient that could not be drawn
  mixed.tasks[2].initial_state.clear();
  mixed.tasks[2].doses.clear();
  mixed.tasks[2].state.reset();
  mixed.tasks[2].failure = "inclusion criteria not met";

  const fs::path dir = fs::temp_directory_path() / "icbsim_tests";
  fs::create_directories(dir);
  const fs::path path = dir / "checkpoint_round_trip.h5";
  icbsim::write_checkpoint_file(path.string(), mixed, s);
  CHECK_FALSE(fs::exists(path.string() + ".partial"));
  const icbsim::CheckpointFile file = icbsim::read_checkpoint_file(path.string(), registry);

  CHECK(file.scenario_file == "cohort.yaml");
  CHECK(file.scenario == cohort);
  CHECK(file.scenario_resolved == icbsim::resolved_scenario_yaml(s));
  CHECK_FALSE(file.icbsim_version.empty());
  const icbsim::Checkpoint& read = file.checkpoint;
  CHECK(read.time == 84.0);
  CHECK(read.model == "nsclc_icb");
  CHECK(read.seed == 11);
  REQUIRE(read.tasks.size() == 3);
  for (std::size_t k = 0; k < 3; ++k) {
    INFO("task " << k);
    const auto& a = mixed.tasks[k];
    const auto& b = read.tasks[k];
    CHECK(a.task == b.task);
    CHECK(a.stream == b.stream);
    CHECK(a.patient == b.patient);
    CHECK(a.arm == b.arm);
    CHECK(a.carries == b.carries);
    CHECK(a.failure == b.failure);
    CHECK(a.parameters == b.parameters);
    CHECK(a.initial_state == b.initial_state);
    REQUIRE(a.doses.size() == b.doses.size());
    for (std::size_t i = 0; i < a.doses.size(); ++i) CHECK(same(a.doses[i], b.doses[i]));
    REQUIRE(bool(a.state) == bool(b.state));
    if (a.state) check_same_state(*a.state, *b.state);
  }
  CHECK(read.tasks[0].carries.size() == 1);
}
