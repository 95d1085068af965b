// Sweeps as plans: task ids over (point, patient, arm), common random numbers across points, and
// what each axis kind changes in a task (parameters set or scaled, overlays, doses, intervals,
// drugs); the result file's /sweep group; slices merged equal the whole sweep.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/result_merger.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/runner.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/hdf5_datasets.hpp"
#include "tests/support/run_to_file.hpp"

namespace fs = std::filesystem;

namespace {

using icbsim::testing::registry;

icbsim::Scenario fixture() {
  return icbsim::load_scenario_file(std::string(ICBSIM_SOURCE_DIR) + "/tests/data/sweeps/kuznetsov_cohort_sweep.yaml",
                                    registry());
}

fs::path run(const icbsim::Scenario& s, const std::string& name, icbsim::TaskRange range = {}) {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "sweep";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  icbsim::testing::run_to_file(s, path, range);
  return path;
}

/// A treated nsclc_icb patient with one axis (YAML flow map) on the pembrolizumab treatment.
icbsim::Scenario treated_with_axis(const std::string& axis) {
  const std::string yaml = R"(
model: nsclc_icb
patient: {weight: 70 kg, height: 175 cm}
time: {end: 200 days, output_every: 7 days}
treatment:
  drugs: [{drug: pembrolizumab, regimen: 200mg_q3w}]
sweep:
  design: grid
  axes: [)" + axis + R"(]
  outputs: [final:tumour_diameter]
)";
  return icbsim::load_scenario_text(yaml, "treated_sweep.yaml", registry());
}

}  // namespace

TEST_CASE("a sweep's tasks run over points then patients then arms", "[sweep][plan]") {
  const auto s = fixture();
  const icbsim::Plan plan(s);
  REQUIRE(plan.points() == 6);
  REQUIRE(plan.patients() == 8);
  REQUIRE(plan.total_tasks() == 6 * 8 * 2);
  // Task (point 4, patient 3, arm 1).
  const std::size_t id = (4 * 8 + 3) * 2 + 1;
  CHECK(plan.point_of(id) == 4);
  CHECK(plan.patient_and_arm(id) == std::pair<std::size_t, std::size_t>{3, 1});
  CHECK(plan.stream_id(id) == 3 * 2 + 1);
}

TEST_CASE("every point sees the same patients and the axes change only what they name", "[sweep][plan]") {
  const auto s = fixture();
  const icbsim::Plan plan(s);
  const auto& values = plan.sweep_points()->values;
  const int a = s.model->parameter_index("a"), sp = s.model->parameter_index("s");
  for (std::size_t point : {0, 5}) {
    const auto input = plan.task((point * 8 + 2) * 2 + 0);  // patient 2, reference arm
    const auto base_point = plan.task(2 * 2 + 0);           // patient 2 at point 0
    // a: the patient's sampled value times the axis factor.
    const double factor = values(static_cast<Eigen::Index>(point), 0);
    const double factor0 = values(0, 0);
    CHECK(input.parameters[a] / factor == Approx(base_point.parameters[a] / factor0).epsilon(1e-14));
    // s: set to the axis value.
    CHECK(input.parameters[sp] == values(static_cast<Eigen::Index>(point), 1));
    // The sampled tumour is the patient's, whatever the point.
    CHECK(input.initial_state == base_point.initial_state);
  }
  // The phenotype axis: b2m_loss sets Kuznetsov's n to 0 where it is on (configs/phenotypes).
  const int n = s.model->parameter_index("n");
  for (std::size_t point = 0; point < plan.points(); ++point) {
    const bool on = values(static_cast<Eigen::Index>(point), 2) == 1.0;
    CHECK((plan.task(point * 16).parameters[n] == 0.0) == on);
  }
}

TEST_CASE("dose interval and drug axes change the bound treatment", "[sweep][plan]") {
  SECTION("dose: a multiple of the planned amount") {
    const auto s = treated_with_axis("{dose: pembrolizumab, values: [0.5, 2]}");
    const icbsim::Plan plan(s);
    REQUIRE(plan.points() == 2);
    const auto low = plan.task(0), high = plan.task(1);
    REQUIRE(low.doses.size() == high.doses.size());
    CHECK(high.doses.front().amount == Approx(4 * low.doses.front().amount));
  }
  SECTION("interval: the cycle length, and with it the number of doses") {
    const auto s = treated_with_axis("{interval: pembrolizumab, values: [14 days, 42 days]}");
    const icbsim::Plan plan(s);
    const auto often = plan.task(0), rarely = plan.task(1);
    CHECK(often.doses[1].time - often.doses[0].time == 14.0);
    CHECK(rarely.doses[1].time - rarely.doses[0].time == 42.0);
    CHECK(plan.planned_doses(0) == often.doses.size());
    CHECK(plan.planned_doses(1) == rarely.doses.size());
    CHECK(often.doses.size() > rarely.doses.size());
  }
  SECTION("drug: another catalogue drug on its standard regimen, in its own slot") {
    const auto s = treated_with_axis("{drug: pembrolizumab, values: [pembrolizumab, atezolizumab]}");
    const icbsim::Plan plan(s);
    const auto pembro = plan.task(0), atezo = plan.task(1);
    CHECK(pembro.doses.front().target == static_cast<std::size_t>(s.model->variable_index("pd1_a1")));
    CHECK(atezo.doses.front().target == static_cast<std::size_t>(s.model->variable_index("pdl1_a1")));
    CHECK(atezo.doses.front().amount == Approx(1200.0));  // atezolizumab 1200 mg q3w (configs/drugs)
  }
}

TEST_CASE("a sweep result holds its design and the analysis of every arm and output", "[sweep][hdf5]") {
  const auto s = fixture();
  const fs::path path = run(s, "whole.h5");
  icbsim::h5::Id file = icbsim::h5::open_file_read(path.string());
  std::vector<hsize_t> dims;
  icbsim::h5::read_doubles(file.get(), "/sweep/values", &dims);
  CHECK(dims == std::vector<hsize_t>{6, 3});
  CHECK(icbsim::h5::read_doubles(file.get(), "/tasks/point").size() == 96);
  for (const char* arm : {"reference", "low_antigenicity"}) {
    for (const char* output : {"orr", "median_pfs_days", "final:T"}) {
      const std::string where = std::string("/sweep/outputs/") + arm + "/" + output;
      INFO(where);
      CHECK(icbsim::h5::read_doubles(file.get(), where).size() == 6);
      CHECK(icbsim::h5::exists(file.get(), std::string("/sweep/sensitivity/") + arm + "/" + output));
    }
  }
  // The orr of a point is the share of its 8 patients with CR or PR in that arm.
  const auto orr = icbsim::h5::read_doubles(file.get(), "/sweep/outputs/reference/orr");
  for (double v : orr) CHECK(std::abs(v * 8 - std::round(v * 8)) < 1e-12);
}

TEST_CASE("a sweep run as four slices and merged equals the whole sweep", "[sweep][merge]") {
  const auto s = fixture();
  const auto whole = icbsim::testing::datasets(run(s, "whole_for_merge.h5"));
  std::vector<std::string> slices;
  for (std::size_t i = 0; i < 4; ++i)
    slices.push_back(run(s, "slice" + std::to_string(i) + ".h5", {i * 96 / 4, (i + 1) * 96 / 4}).string());
  const fs::path merged = fs::temp_directory_path() / "icbsim_tests" / "sweep" / "merged.h5";
  icbsim::merge_results(merged.string(), slices, registry());
  const auto joined = icbsim::testing::datasets(merged);
  REQUIRE(whole.count("sweep/sensitivity/reference/final:T/prcc") == 1);
  CHECK(whole == joined);
}
