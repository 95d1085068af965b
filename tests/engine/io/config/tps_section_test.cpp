// readout.tps: the section reads and writes back, /outcomes/tps is written in percent, and the
// trial report stratified by the measured TPS is the same from a whole run and from merged slices.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/result_merger.hpp"
#include "engine/io/results/result_reader.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/run_to_file.hpp"

namespace fs = std::filesystem;

namespace {

using icbsim::testing::registry;

const char* kCohort = R"(model: nsclc_icb
time: {end: 12 weeks, output_every: 1 week}
tumour: {size: tumour_diameter}
scans: {baseline: 0 day, every: 6 weeks}
readout: {tps: {from: pdl1_tps, cells_scored: 200}}
population:
  size: 24
  distributions:
    tumour_pdl1_base: {distribution: lognormal, median: 1, cv: 2, max: 100}
arms:
  pembrolizumab: {treatment: {drugs: [{drug: pembrolizumab}]}}
  untreated: {}
report: {stratify: {by: tps, cuts: [1 %, 50 %], labels: ["TPS <1%", "TPS 1-49%", "TPS >=50%"]}}
seed: 9
)";

fs::path folder() {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "tps";
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("readout.tps reads, writes back and reads again", "[io][tps]") {
  const icbsim::Scenario s = icbsim::load_scenario_text(kCohort, "tps.yaml", registry());
  REQUIRE(s.readout->settings.tps);
  CHECK(s.readout->settings.tps->cells_scored == 200);
  std::size_t tps_observable = 0;  // pdl1_tps among the observables
  while (s.model->observables[tps_observable].name != "pdl1_tps") ++tps_observable;
  CHECK(s.readout->settings.tps->row == s.model->variables.size() + tps_observable);
  REQUIRE(s.strata);
  CHECK(s.strata->by_tps);
  CHECK(s.strata->cuts == std::vector<double>{1.0, 50.0});
  const icbsim::Scenario back =
      icbsim::load_scenario_text(icbsim::resolved_scenario_yaml(s), "resolved.yaml", registry());
  REQUIRE(back.readout->settings.tps);
  CHECK(back.readout->settings.tps->row == s.readout->settings.tps->row);
  CHECK(back.readout->settings.tps->cells_scored == 200);
  REQUIRE(back.strata);
  CHECK(back.strata->by_tps);
  CHECK(back.strata->cuts == s.strata->cuts);
}

TEST_CASE("/outcomes/tps holds each patient's baseline TPS in percent, the same in both arms", "[io][tps]") {
  const icbsim::Scenario s = icbsim::load_scenario_text(kCohort, "tps.yaml", registry());
  const fs::path whole = folder() / "whole.h5";
  const icbsim::RunReport report = icbsim::testing::run_to_file(s, whole);
  std::vector<double> tps;
  {
    const icbsim::h5::Id file = icbsim::h5::open_file_read(whole.string());
    tps = icbsim::h5::read_doubles(file.get(), "/outcomes/tps");
    const icbsim::h5::Id ds(H5Dopen2(file.get(), "/outcomes/tps", H5P_DEFAULT));
    CHECK(icbsim::h5::read_string_attribute(ds.get(), "units") == "%");
  }
  REQUIRE(tps.size() == 48);
  for (std::size_t i = 0; i < tps.size(); i += 2) {
    CHECK((tps[i] >= 0.0 && tps[i] <= 100.0));
    CHECK(tps[i] * 2.0 == std::round(tps[i] * 2.0));  // whole cells out of 200
    CHECK(tps[i] == tps[i + 1]);                      // paired twins: one biopsy before treatment
  }
  CHECK(report.trial_report.find("stratum TPS >=50%") != std::string::npos);
  // Slices merged: the report is rebuilt from /outcomes/tps and equals the whole run's.
  const fs::path a = folder() / "a.h5", b = folder() / "b.h5", merged = folder() / "merged.h5";
  icbsim::testing::run_to_file(s, a, {0, 20});
  icbsim::testing::run_to_file(s, b, {20, 48});
  icbsim::merge_results(merged.string(), {a.string(), b.string()}, registry());
  CHECK(icbsim::read_result_file(merged.string()).report == icbsim::read_result_file(whole.string()).report);
  CHECK(icbsim::read_result_file(whole.string()).report == report.trial_report);
}
