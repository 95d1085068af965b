// engine/io/results/trial_report_file: the report rebuilt from a result file's columns is the one
// the run stored; a file without a report is refused.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/trial_report_file.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/run_to_file.hpp"

namespace fs = std::filesystem;
using icbsim::testing::registry;

TEST_CASE("the trial report read back from a result file equals the stored one", "[io][report]") {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "trial_report_file";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const icbsim::Scenario s =
      icbsim::load_scenario_file(std::string(ICBSIM_SOURCE_DIR) + "/tests/data/kuznetsov_cohort.yaml", registry());
  icbsim::testing::run_to_file(s, dir / "c.h5");
  const icbsim::cohort::TrialReport r = icbsim::read_trial_report((dir / "c.h5").string(), registry());
  icbsim::h5::Id f = icbsim::h5::open_file_read((dir / "c.h5").string());
  CHECK(r.text == icbsim::h5::read_string_attribute(f.get(), "report"));
  CHECK(r.groups.size() >= 2);

  const icbsim::Scenario single = icbsim::load_scenario_text(
      "model: kuznetsov1994\ntime: {end: 10 days, output_every: 1 day}\n", "single.yaml", registry());
  icbsim::testing::run_to_file(single, dir / "single.h5");
  CHECK_THROWS_AS(icbsim::read_trial_report((dir / "single.h5").string(), registry()), icbsim::ScenarioError);
}
