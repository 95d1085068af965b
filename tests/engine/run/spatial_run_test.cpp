// Spatial scenarios through the normal path: a small spatial cohort runs through run_plan into a
// result file with the systemic rows, the readouts, the spatial metrics and a trial report;
// datasets are byte-identical on 1 and 2 threads; the overlays' spatial changes reach the lattice.
#include <catch2/catch.hpp>

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/runner.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/hdf5_datasets.hpp"
#include "tests/support/run_to_file.hpp"

namespace fs = std::filesystem;

namespace {

using icbsim::testing::registry;

icbsim::Scenario load(const std::string& name) {
  return icbsim::load_scenario_file((fs::path(ICBSIM_SOURCE_DIR) / "tests/data/spatial" / name).string(), registry());
}

struct Ran {
  fs::path path;
  icbsim::RunReport report;
};

Ran run(const icbsim::Scenario& s, const std::string& name, int threads, icbsim::TaskRange range = {}) {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests";
  fs::create_directories(dir);
  Ran ran{dir / name, {}};
  const int before = omp_get_max_threads();
  omp_set_num_threads(threads);
  ran.report = icbsim::testing::run_to_file(s, ran.path, range);
  omp_set_num_threads(before);
  return ran;
}

}  // namespace

TEST_CASE("a small spatial cohort runs through run_plan with readouts, metrics and a trial report", "[run][spatial]") {
  const icbsim::Scenario s = load("small_cohort.yaml");
  const Ran ran = run(s, "spatial_cohort.h5", 2);
  CHECK(ran.report.failed == 0);
  CHECK_THAT(ran.report.trial_report, Catch::Contains("pembrolizumab") && Catch::Contains("untreated"));
  icbsim::h5::Id f = icbsim::h5::open_file_read(ran.path.string());
  CHECK(icbsim::h5::read_string_attribute(f.get(), "report") == ran.report.trial_report);
  // 2 patients x 2 arms over days 0..28.
  CHECK(icbsim::h5::dataset_dims(f.get(), "/spatial/cd8_density_core") == std::vector<hsize_t>{4, 29});
  for (const auto& name : icbsim::h5::read_enum_names(f.get(), "/spatial/infiltration_class"))
    CHECK(std::set<std::string>{"inflamed", "excluded", "desert"}.count(name) == 1);
  const auto cells = icbsim::h5::read_doubles(f.get(), "/spatial/lattice_tumour_cells");
  CHECK(*std::min_element(cells.begin(), cells.end()) > 100);
  const auto hypoxic = icbsim::h5::read_doubles(f.get(), "/spatial/hypoxic_fraction");
  for (const double h : hypoxic) CHECK((h >= 0 && h <= 1));
  // The systemic tumour follows the lattice: the diameter moves, and the readout measured it.
  std::vector<hsize_t> dims;
  const auto diameter = icbsim::h5::read_doubles(f.get(), "/trajectories/tumour_diameter", &dims);
  REQUIRE(dims == std::vector<hsize_t>{4, 29});
  for (std::size_t task = 0; task < 4; ++task) {
    const double first = diameter[task * 29], last = diameter[task * 29 + 28];
    CHECK(first > 5);
    CHECK(std::abs(last - first) > 1e-3 * first);
  }
  const auto best = icbsim::h5::read_enum_names(f.get(), "/outcomes/best_response");
  CHECK(best.size() == 4);
  CHECK(icbsim::h5::exists(f.get(), "/parameters/tumour_growth_rate"));
}

TEST_CASE("spatial datasets are byte-identical on 1 and 2 threads", "[run][spatial][determinism]") {
  const icbsim::Scenario s = load("determinism_pair.yaml");
  // Tasks in parallel, each lattice on one thread (a lone task's lattice on several threads is
  // covered by the nsclc_spatial tests).
  const auto one = icbsim::testing::datasets(run(s, "spatial_1.h5", 1).path);
  const auto two = icbsim::testing::datasets(run(s, "spatial_2.h5", 2).path);
  REQUIRE(one.count("spatial/cd8_density_margin") == 1);
  REQUIRE(one.count("snapshots/task0/t14/agents/position") == 1);
  CHECK(one == two);
  // A slice reproduces its row of the whole run: a task depends only on (scenario, task id).
  const auto alone = icbsim::testing::datasets(run(s, "spatial_alone.h5", 1, {1, 2}).path);
  const auto& whole = one.at("spatial/cd8_density_margin");
  const auto& row = alone.at("spatial/cd8_density_margin");
  REQUIRE(row.size() * 2 == whole.size());
  CHECK(std::equal(row.begin(), row.end(), whole.begin() + static_cast<std::ptrdiff_t>(row.size())));
}

TEST_CASE("scenario, population and arm overlays change the lattice parameters of spatial tasks", "[run][spatial][overlays]") {
  const icbsim::Scenario s = load("phenotype_pair.yaml");
  const icbsim::Plan plan(s);
  REQUIRE(plan.size() == 4);
  const auto& model = *s.spatial->parameters_model;
  const auto index = [&](const char* name) { return static_cast<std::size_t>(model.parameter_index(name)); };
  const auto base = s.spatial->parameters;
  const icbsim::TaskInput plain = plan.task(0), wnt = plan.task(1);
  for (const icbsim::TaskInput* t : {&plain, &wnt}) {
    CHECK(t->spatial_parameters[index("cd8_chemotaxis")] == Approx(0.5 * base[index("cd8_chemotaxis")]));  // host
    CHECK(t->spatial_parameters[index("cd8_antigen_recognition")] ==
          Approx(0.3 * base[index("cd8_antigen_recognition")]));  // carried at prevalence 1
  }
  CHECK(plain.spatial_parameters[index("tumour_vessel_extravasation")] == base[index("tumour_vessel_extravasation")]);
  CHECK(wnt.spatial_parameters[index("tumour_vessel_extravasation")] ==
        Approx(0.2 * base[index("tumour_vessel_extravasation")]));  // arm
  CHECK(wnt.spatial_parameters[index("tumour_chemokine_basal")] == Approx(0.1 * base[index("tumour_chemokine_basal")]));
  CHECK(plain.seed == 7);
  CHECK(plain.stream != wnt.stream);
}

TEST_CASE("an overlay's spatial changes reach the lattice it runs", "[run][spatial][overlays]") {
  // A test overlay that keeps T cells off the lattice turns its arm into a desert.
  const char* before = std::getenv("ICBSIM_CONFIG_DIR");
  const std::string saved = before ? before : "";
  setenv("ICBSIM_CONFIG_DIR", (fs::path(ICBSIM_SOURCE_DIR) / "tests/data/spatial/configs").c_str(), 1);
  const icbsim::Scenario s = load("barrier_pair.yaml");
  if (before) setenv("ICBSIM_CONFIG_DIR", saved.c_str(), 1);
  else unsetenv("ICBSIM_CONFIG_DIR");
  const Ran ran = run(s, "spatial_barrier.h5", 2);
  REQUIRE(ran.report.failed == 0);
  icbsim::h5::Id f = icbsim::h5::open_file_read(ran.path.string());
  const auto classes = icbsim::h5::read_enum_names(f.get(), "/spatial/infiltration_class");
  const auto cd8 = icbsim::h5::read_doubles(f.get(), "/spatial/lattice_cd8_cells");
  const std::size_t n = 15, last = n - 1;
  INFO("CD8 on the lattice at day 14: default " << cd8[last] << ", barrier " << cd8[n + last]);
  CHECK(cd8[0] > 0);
  CHECK(cd8[n] > 0);  // both start from the patient's immune bed
  CHECK(cd8[last] > 10);
  CHECK(cd8[n + last] == 0);
  CHECK(classes[last] != "desert");
  CHECK(classes[n + last] == "desert");
}
