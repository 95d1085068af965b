// spatial_loader: the `spatial:` section is read with its units and written back; bad input fails
// at its file:line:column; overlays without nsclc_spatial changes are refused in spatial scenarios.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"

namespace fs = std::filesystem;

namespace {

using icbsim::testing::registry;

const std::string kHead = "model: nsclc_icb\ntime: {end: 10 days}\n";

/// The message of loading `text` (line 1 = "model: ...").
std::string error_of(const std::string& text) {
  try {
    icbsim::load_scenario_text(text, "s.yaml", registry());
  } catch (const icbsim::ScenarioError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("a spatial scenario loads its lattice, steps, parameters and snapshots", "[io][spatial]") {
  const fs::path path = fs::path(ICBSIM_SOURCE_DIR) / "tests/data/spatial/small_cohort.yaml";
  const icbsim::Scenario s = icbsim::load_scenario_file(path.string(), registry());
  REQUIRE(s.spatial);
  const icbsim::SpatialSpec& sp = *s.spatial;
  CHECK(sp.mode.parameters_model == "nsclc_spatial");
  CHECK(sp.parameters_model->name == "nsclc_spatial");
  CHECK(sp.grid.voxels == std::array<int, 3>{30, 30, 1});
  CHECK(sp.grid.voxel_um == 20.0);
  CHECK(sp.grid.step_days == Approx(1.0 / 240.0));
  CHECK(sp.grid.steps_per_coupling == 60);
  CHECK(sp.grid.block_size == 6);
  const int speed = sp.parameters_model->parameter_index("cd8_speed");
  REQUIRE(speed >= 0);
  CHECK(sp.parameters[static_cast<std::size_t>(speed)] == Approx(5.0));  // 0.3 mm/h in um/min
  CHECK(sp.snapshot_times == std::vector<double>{0.0, 14.0});
  CHECK(sp.snapshot_tasks == std::vector<std::size_t>{0});
  CHECK(sp.snapshots(0));
  CHECK_FALSE(sp.snapshots(1));

  // Written back with every default, it loads to the same section.
  const icbsim::Scenario again = icbsim::load_scenario_text(icbsim::resolved_scenario_yaml(s), "resolved.yaml", registry());
  REQUIRE(again.spatial);
  CHECK(again.spatial->parameters == sp.parameters);
  CHECK(again.spatial->grid.voxels == sp.grid.voxels);
  CHECK(again.spatial->grid.steps_per_coupling == sp.grid.steps_per_coupling);
  CHECK(again.spatial->grid.step_days == sp.grid.step_days);
  CHECK(again.spatial->snapshot_times == sp.snapshot_times);
  CHECK(again.spatial->snapshot_tasks == sp.snapshot_tasks);
}

TEST_CASE("a 3-D lattice and the defaults are accepted", "[io][spatial]") {
  const auto s = icbsim::load_scenario_text(kHead + "spatial: {lattice: [20, 20, 20], voxel: 0.02 mm}\n", "s.yaml", registry());
  REQUIRE(s.spatial);
  CHECK(s.spatial->grid.voxels == std::array<int, 3>{20, 20, 20});
  CHECK(s.spatial->grid.voxel_um == Approx(20.0));
  CHECK(s.spatial->snapshot_times.empty());
  const auto d = icbsim::load_scenario_text(kHead + "spatial: {}\n", "s.yaml", registry());
  CHECK(d.spatial->grid.coupling_days() == Approx(0.25));
}

TEST_CASE("bad spatial input fails at its file, line and column", "[io][spatial]") {
  using Catch::Contains;
  CHECK_THAT(error_of(kHead + "spatial:\n  lattise: [20, 20]\n"), Contains("s.yaml:4:3") && Contains("did you mean 'lattice'"));
  CHECK_THAT(error_of(kHead + "spatial:\n  lattice: [20]\n"), Contains("s.yaml:4:12") && Contains("2 (a section) or 3"));
  CHECK_THAT(error_of(kHead + "spatial:\n  lattice: [20, 2]\n"), Contains("s.yaml:4:17") && Contains("3 to 4096 voxels"));
  CHECK_THAT(error_of(kHead + "spatial:\n  voxel: 20 day\n"), Contains("s.yaml:4:10"));
  CHECK_THAT(error_of(kHead + "spatial:\n  voxel: -20 um\n"), Contains("s.yaml:4:10") && Contains("must be positive"));
  CHECK_THAT(error_of(kHead + "spatial:\n  step: 6 min\n  coupling: 10 min\n"),
             Contains("s.yaml:5:13") && Contains("whole number"));
  CHECK_THAT(error_of(kHead + "spatial:\n  block: 2\n"), Contains("s.yaml:4:10") && Contains("spatial.block"));
  CHECK_THAT(error_of(kHead + "spatial:\n  parameters:\n    cd8_sped: 5\n"),
             Contains("s.yaml:5:5") && Contains("model 'nsclc_spatial' has no parameter 'cd8_sped'") &&
                 Contains("did you mean 'cd8_speed'"));
  CHECK_THAT(error_of(kHead + "spatial:\n  parameters:\n    cd8_speed: 5 day\n"), Contains("s.yaml:5:16"));
  CHECK_THAT(error_of(kHead + "spatial:\n  parameters:\n    cd8_speed: 500 um/min\n"),
             Contains("s.yaml:5:16") && Contains("admissible range"));
  CHECK_THAT(error_of(kHead + "spatial:\n  snapshots: {times: [1 day], tasks: [1]}\n"),
             Contains("s.yaml:4:39") && Contains("has 1 task(s)"));
  CHECK_THAT(error_of(kHead + "spatial:\n  snapshots: {times: [11 day], tasks: [0]}\n"),
             Contains("s.yaml:4:23") && Contains("within time.start and time.end"));
  CHECK_THAT(error_of("model: kuznetsov1994\ntime: {end: 10 days}\nspatial: {}\n"),
             Contains("s.yaml:3:10") && Contains("has no spatial mode") && Contains("nsclc_icb"));
  CHECK_THAT(error_of(kHead + "checkpoints: [5 day]\nspatial: {}\n"), Contains("s.yaml:3:14") && Contains("checkpointed"));
  // The lattice's parameter model is not a model to run.
  CHECK_THAT(error_of("model: nsclc_spatial\ntime: {end: 10 days}\n"),
             Contains("s.yaml:1:8") && Contains("does not run on its own") && Contains("use model: nsclc_icb"));
}

TEST_CASE("a spatial scenario refuses overlays without nsclc_spatial changes", "[io][spatial]") {
  const fs::path configs = fs::path(ICBSIM_SOURCE_DIR) / "tests/data/spatial/configs";
  const char* before = std::getenv("ICBSIM_CONFIG_DIR");
  const std::string saved = before ? before : "";
  setenv("ICBSIM_CONFIG_DIR", configs.c_str(), 1);
  const std::string scenario_wide = error_of(kHead + "phenotypes: [systemic_only]\nspatial: {}\n");
  const std::string in_arm = error_of(kHead + "arms:\n  a: {}\n  b: {phenotypes: [systemic_only]}\nspatial: {}\n");
  const std::string prevalent =
      error_of(kHead + "population:\n  size: 3\n  prevalence: {systemic_only: 0.5}\nspatial: {}\n");
  const std::string without_spatial = error_of(kHead + "phenotypes: [systemic_only]\n");
  if (before) setenv("ICBSIM_CONFIG_DIR", saved.c_str(), 1);
  else unsetenv("ICBSIM_CONFIG_DIR");
  CHECK_THAT(scenario_wide, Catch::Contains("s.yaml:3:14") && Catch::Contains("no changes for model 'nsclc_spatial'"));
  CHECK_THAT(in_arm, Catch::Contains("s.yaml:5:20") && Catch::Contains("no changes for model 'nsclc_spatial'"));
  CHECK_THAT(prevalent, Catch::Contains("s.yaml:5:16") && Catch::Contains("no changes for model 'nsclc_spatial'"));
  CHECK(without_spatial == "(no error)");
}

TEST_CASE("the shipped spatial cohort validates", "[io][spatial]") {
  const fs::path path = fs::path(ICBSIM_SOURCE_DIR) / "configs/spatial/spatial_cohort.yaml";
  const icbsim::Scenario s = icbsim::load_scenario_file(path.string(), registry());
  REQUIRE(s.spatial);
  REQUIRE(s.population);
  CHECK(s.population->size == 20);
  CHECK(s.arms.size() == 2);
  CHECK(s.readout.has_value());
  CHECK(s.spatial->grid.voxels == std::array<int, 3>{40, 40, 1});
}
