// engine/app/continued_runs in-process: a checkpoint file taken at a listed restart time, the run
// restarted from it equal to the straight run, a checkpoint of another scenario refused, and the
// time joined to checkpoints: when it was not listed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "engine/app/continued_runs.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/hdf5_datasets.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;
using icbsim::testing::registry;

TEST_CASE("a run restarted from a checkpoint file equals the straight run", "[app][checkpoint]") {
  const fs::path dir = icbsim::testing::fresh_folder("continued_runs", "restart");
  const std::string scenario = std::string(ICBSIM_SOURCE_DIR) + "/tests/data/checkpoints/nsclc_pembrolizumab.yaml";
  const icbsim::app::CheckpointOutcome c =
      icbsim::app::take_checkpoint_file(scenario, "84 day", (dir / "c.h5").string(), registry(), {});
  CHECK(c.time == 84.0);
  CHECK(c.tasks == 1);
  CHECK(c.failed == 0);
  CHECK_FALSE(c.time_added);  // 84 day is among the scenario's checkpoints:
  const icbsim::app::RunOutcome restarted = icbsim::app::restart_from_checkpoint(
      (dir / "c.h5").string(), scenario, (dir / "restarted.h5").string(), registry(), {});
  CHECK(restarted.report.tasks == 1);
  const icbsim::Scenario straight = icbsim::load_scenario_file(scenario, registry());
  const icbsim::app::RunOutcome whole = icbsim::app::run_continued(straight, (dir / "straight.h5").string(), {});
  CHECK(whole.output == (dir / "straight.h5").string());
  CHECK(icbsim::testing::datasets(dir / "restarted.h5") == icbsim::testing::datasets(dir / "straight.h5"));

  // A time not listed joins checkpoints:; the checkpoint of one scenario does not restart another.
  CHECK(icbsim::app::take_checkpoint_file(scenario, "50 day", (dir / "c50.h5").string(), registry(), {}).time_added);
  const std::string other = std::string(ICBSIM_SOURCE_DIR) + "/configs/scenarios/quickstart.yaml";
  CHECK_THROWS_WITH(
      icbsim::app::restart_from_checkpoint((dir / "c.h5").string(), other, (dir / "x.h5").string(), registry(), {}),
      Catch::Contains("was taken from another scenario"));
}
